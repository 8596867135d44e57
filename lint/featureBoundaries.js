// @ts-check
/**
 * Feature boundaries inside renderer/: which feature folder (renderer/features/<name>/) may
 * import which, and that nothing below the features imports one. The table is the rule's
 * option (eslint.config.js `features`), so it is written down once.
 *
 *   - A feature may import another feature only when the table lists it; the table must stay
 *     free of cycles (drills builds on incidents, never the other way).
 *   - Code of renderer/ outside features/ is below them (sync, workspace, identity, ui, hooks…)
 *     and imports no feature, except the composition roots named in `roots` (app/, which puts
 *     the sections together, and the i18n resource table).
 *
 * Import paths are resolved against the importing file, so `../incidents/x` from drills and
 * `../../../shared/incidents/x` are told apart.
 */
import path from 'node:path';

/**
 * @typedef {{ featuresDir: string, features: Record<string, string[]>, roots: string[] }} Options
 */

/** @param {string} p */
const posix = (p) => p.split(path.sep).join('/');

/**
 * Feature folder a repository-relative path is in, or null.
 * @param {string} rel @param {string} featuresDir
 */
function featureOf(rel, featuresDir) {
  if (!rel.startsWith(`${featuresDir}/`)) return null;
  return rel.slice(featuresDir.length + 1).split('/')[0] ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'renderer/features/<f> imports only the features the table allows; code below the features imports none.' },
    schema: [
      {
        type: 'object',
        properties: {
          featuresDir: { type: 'string' },
          features: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          roots: { type: 'array', items: { type: 'string' } },
        },
        required: ['features'],
        additionalProperties: false,
      },
    ],
    messages: {
      feature:
        'Bad layering: features/{{from}} must not import features/{{to}} (features/{{from}} may import: {{allowed}}). Move what both need below the features, or hand it in from app/.',
      below: 'Bad layering: {{from}} is below the features and must not import features/{{to}} (only {{roots}} put features together).',
      unknown: 'Bad layering: features/{{from}} is not in the feature table of eslint.config.js; add it with the features it may import.',
    },
  },
  create(context) {
    /** @type {Options} */
    const opts = { featuresDir: 'renderer/features', roots: ['renderer/app/', 'renderer/i18n/resources.ts'], ...(context.options[0] ?? {}) };
    const cwd = context.cwd;
    const file = posix(path.relative(cwd, context.filename));
    const rendererDir = opts.featuresDir.split('/').slice(0, -1).join('/');
    if (!file.startsWith(`${rendererDir}/`)) return {};
    const from = featureOf(file, opts.featuresDir);
    const isRoot = opts.roots.some((r) => (r.endsWith('/') ? file.startsWith(r) : file === r));
    let reportedUnknown = false;

    /** @param {any} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = posix(path.relative(cwd, path.resolve(path.dirname(context.filename), source)));
      const to = featureOf(target, opts.featuresDir);
      if (!to || to === from) return;
      if (from) {
        const allowed = opts.features[from];
        if (!allowed) {
          if (!reportedUnknown) context.report({ node, messageId: 'unknown', data: { from } });
          reportedUnknown = true;
          return;
        }
        if (!allowed.includes(to)) context.report({ node, messageId: 'feature', data: { from, to, allowed: allowed.length ? allowed.join(', ') : 'none' } });
        return;
      }
      if (!isRoot) context.report({ node, messageId: 'below', data: { from: file, to, roots: opts.roots.join(', ') } });
    };
    return {
      /** @param {any} node */
      ImportDeclaration: (node) => check(node, node.source.value),
      /** @param {any} node */
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      /** @param {any} node */
      ExportAllDeclaration: (node) => check(node, node.source.value),
      /** @param {any} node */
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

/**
 * Throws when the feature table has a cycle (a → … → a): the point of the table is a direction.
 * @param {Record<string, string[]>} features
 */
export function assertAcyclic(features) {
  /** @type {Map<string, 'open' | 'done'>} */
  const state = new Map();
  /** @param {string} f @param {string[]} trail */
  const visit = (f, trail) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') throw new Error(`feature table has a cycle: ${[...trail, f].join(' → ')}`);
    state.set(f, 'open');
    for (const g of features[f] ?? []) visit(g, [...trail, f]);
    state.set(f, 'done');
  };
  for (const f of Object.keys(features)) visit(f, []);
}
