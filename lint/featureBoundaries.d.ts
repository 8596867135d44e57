import type { Rule } from 'eslint';

/** Types of featureBoundaries.js for the TypeScript tests. */
export declare const featureBoundaries: Rule.RuleModule;
export declare function assertAcyclic(features: Record<string, string[]>): void;
