// @ts-check
/**
 * "Every Yjs write carries an origin", as lint rules (the run-time half is
 * shared/doc/originGuard.ts, which also catches bare writes outside a transaction).
 *
 * transaction-origin flags:
 *   doc.transact(fn)                 — no origin
 *   doc.transact(fn, null|undefined) — an origin that is none
 *   Y.transact(doc, fn) / transact(doc, fn) from 'yjs', with no origin or null/undefined
 *   Y.applyUpdate(doc, update) / Y.applyUpdateV2(doc, update) (also named imports), with no
 *   origin or null/undefined
 * Prefer write(doc, origin, fn) from shared/doc/origins.ts.
 */

const APPLY = new Set(['applyUpdate', 'applyUpdateV2']);

/** @param {any} node */
const isFunction = (node) => node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');

/** An argument that names no origin: missing, `null`, `undefined` or `void …`. @param {any} node */
function isNoOrigin(node) {
  if (!node) return true;
  if (node.type === 'Literal' && node.value === null) return true;
  if (node.type === 'Identifier' && node.name === 'undefined') return true;
  if (node.type === 'UnaryExpression' && node.operator === 'void') return true;
  return false;
}

/**
 * How `name` is bound at `node`: the namespace of 'yjs' (`import * as Y from 'yjs'`), a named
 * import from 'yjs' (with the name it has there: `import { transact as tx }` → 'transact'), or
 * neither (null).
 * @param {import('eslint').Rule.RuleContext} context
 * @param {any} node
 * @param {string} name
 * @returns {{ kind: 'namespace' } | { kind: 'named', imported: string } | null}
 */
function yjsBinding(context, node, name) {
  /** @type {any} */
  let scope = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable) {
      for (const def of variable.defs) {
        if (def.type !== 'ImportBinding' || def.parent?.source?.value !== 'yjs') continue;
        if (def.node.type === 'ImportNamespaceSpecifier') return { kind: 'namespace' };
        if (def.node.type === 'ImportSpecifier') return { kind: 'named', imported: def.node.imported.name ?? def.node.imported.value };
      }
      return null;
    }
    scope = scope.upper;
  }
  return null;
}

/** Object names read as the Yjs namespace even when the import is not in view (e.g. re-exports). */
const YJS_NAMES = new Set(['Y', 'Yjs', 'yjs']);

/** @type {import('eslint').Rule.RuleModule} */
export const transactionOrigin = {
  meta: {
    type: 'problem',
    docs: { description: 'Every Yjs transaction and applied update names its origin (user, remote, import, system).' },
    schema: [],
    messages: {
      transact: 'Every Yjs write carries a transaction origin: use write(doc, origin, fn).',
      transactNull: 'Every Yjs write carries a transaction origin: {{origin}} is no origin; use write(doc, origin, fn).',
      apply: 'Every Yjs write carries a transaction origin: pass the origin to {{name}}(doc, update, origin) (usually \'remote\' or \'import\').',
      applyNull: 'Every Yjs write carries a transaction origin: {{name}}(doc, update, {{origin}}) has no origin.',
    },
  },
  create(context) {
    const src = context.sourceCode;
    /** @param {any} call @param {any} originArg @param {string} kind @param {string} name */
    const report = (call, originArg, kind, name) => {
      if (!originArg) context.report({ node: call, messageId: kind, data: { name } });
      else context.report({ node: call, messageId: kind === 'apply' ? 'applyNull' : 'transactNull', data: { name, origin: src.getText(originArg) } });
    };
    return {
      /** @param {any} call */
      CallExpression(call) {
        const callee = call.callee;
        const args = call.arguments;
        /** @type {string} */
        let name;
        /** @type {'method' | 'function'} 'method' = x.transact(fn, origin); 'function' = Y.transact(doc, fn, origin) */
        let form;
        if (callee.type === 'Identifier') {
          const binding = yjsBinding(context, call, callee.name);
          if (binding?.kind !== 'named') return;
          name = binding.imported;
          if (name !== 'transact' && !APPLY.has(name)) return;
          form = 'function';
        } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
          name = callee.property.name;
          if (name !== 'transact' && !APPLY.has(name)) return;
          const obj = callee.object;
          const ns = obj.type === 'Identifier' && (yjsBinding(context, call, obj.name)?.kind === 'namespace' || YJS_NAMES.has(obj.name));
          if (APPLY.has(name)) {
            if (!ns) return; // another library's applyUpdate method
            form = 'function';
          } else if (isFunction(args[0])) form = 'method';
          else if (isFunction(args[1])) form = 'function';
          else form = ns ? 'function' : 'method';
        } else return;
        if (APPLY.has(name)) {
          if (isNoOrigin(args[2])) report(call, args[2], 'apply', name);
          return;
        }
        const originArg = form === 'method' ? args[1] : args[2];
        if (isNoOrigin(originArg)) report(call, originArg, 'transact', name);
      },
    };
  },
};
