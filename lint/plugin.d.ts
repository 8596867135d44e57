import type { ESLint } from 'eslint';

/** Types of plugin.js for the TypeScript tests (tests/unit/layering). */
declare const plugin: ESLint.Plugin & { rules: Record<'transaction-origin' | 'feature-boundaries', import('eslint').Rule.RuleModule> };
export default plugin;
