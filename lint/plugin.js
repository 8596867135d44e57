// @ts-check
/**
 * The repository's own lint rules, loaded by eslint.config.js as the `crisis-room` plugin.
 * See lint/CONTEXT.md.
 */
import { featureBoundaries } from './featureBoundaries.js';
import { transactionOrigin } from './originRules.js';

/** @type {import('eslint').ESLint.Plugin} */
const plugin = {
  meta: { name: 'crisis-room' },
  rules: {
    'transaction-origin': transactionOrigin,
    'feature-boundaries': featureBoundaries,
  },
};

export default plugin;
