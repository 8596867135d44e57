import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../../lint/plugin.js';

// ESLint's RuleTester, run by Vitest: each case is one test.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const Y = "import * as Y from 'yjs';\nconst doc = new Y.Doc();\n";

tester.run('crisis-room/transaction-origin', plugin.rules['transaction-origin'], {
  valid: [
    { name: 'write() names the origin', code: `${Y}import { write } from './origins';\nwrite(doc, 'user', () => doc.getMap('m').set('a', 1));` },
    { name: 'doc.transact(fn, origin)', code: `${Y}doc.transact(() => doc.getMap('m').set('a', 1), 'system');` },
    { name: 'doc.transact(fn, origin) with a variable origin', code: `${Y}const origin = 'user';\ndoc.transact(() => 1, origin);` },
    { name: 'Y.transact(doc, fn, origin)', code: `${Y}Y.transact(doc, () => 1, 'import');` },
    { name: 'Y.transact(doc, fn, origin, local)', code: `${Y}Y.transact(doc, () => 1, 'system', false);` },
    { name: 'named transact(doc, fn, origin)', code: "import { Doc, transact } from 'yjs';\nconst doc = new Doc();\ntransact(doc, () => 1, 'user');" },
    { name: 'Y.applyUpdate(doc, u, origin)', code: `${Y}Y.applyUpdate(doc, new Uint8Array(), 'remote');` },
    { name: 'Y.applyUpdateV2(doc, u, origin)', code: `${Y}Y.applyUpdateV2(doc, new Uint8Array(), 'import');` },
    { name: 'named applyUpdate with an origin', code: "import { Doc, applyUpdate } from 'yjs';\napplyUpdate(new Doc(), new Uint8Array(), 'remote');" },
    { name: "another library's applyUpdate method", code: 'const awareness = { applyUpdate: (u: Uint8Array) => u };\nawareness.applyUpdate(new Uint8Array());' },
    { name: 'a local function named transact', code: 'function transact(f: () => void) { f(); }\ntransact(() => 1);' },
  ],
  invalid: [
    { name: 'doc.transact(fn)', code: `${Y}doc.transact(() => doc.getMap('m').set('a', 1));`, errors: [{ messageId: 'transact' }] },
    { name: 'doc.transact(fn) with a named function', code: `${Y}const work = () => 1;\ndoc.transact(work);`, errors: [{ messageId: 'transact' }] },
    { name: 'doc.transact(fn, null)', code: `${Y}doc.transact(() => 1, null);`, errors: [{ messageId: 'transactNull' }] },
    { name: 'doc.transact(fn, undefined)', code: `${Y}doc.transact(() => 1, undefined);`, errors: [{ messageId: 'transactNull' }] },
    { name: 'doc.transact(fn, void 0)', code: `${Y}doc.transact(() => 1, void 0);`, errors: [{ messageId: 'transactNull' }] },
    { name: 'Y.transact(doc, fn)', code: `${Y}Y.transact(doc, () => 1);`, errors: [{ messageId: 'transact' }] },
    { name: 'Y.transact(doc, fn, null)', code: `${Y}Y.transact(doc, () => 1, null);`, errors: [{ messageId: 'transactNull' }] },
    { name: 'Y.transact(doc, work) with a named function', code: `${Y}const work = () => 1;\nY.transact(doc, work);`, errors: [{ messageId: 'transact' }] },
    { name: "named transact(doc, fn) from 'yjs'", code: "import { Doc, transact } from 'yjs';\ntransact(new Doc(), () => 1);", errors: [{ messageId: 'transact' }] },
    { name: 'renamed import of transact', code: "import { Doc, transact as tx } from 'yjs';\ntx(new Doc(), () => 1, undefined);", errors: [{ messageId: 'transactNull' }] },
    { name: 'Y.applyUpdate(doc, u)', code: `${Y}Y.applyUpdate(doc, new Uint8Array());`, errors: [{ messageId: 'apply' }] },
    { name: 'Y.applyUpdateV2(doc, u)', code: `${Y}Y.applyUpdateV2(doc, new Uint8Array());`, errors: [{ messageId: 'apply' }] },
    { name: 'Y.applyUpdate(doc, u, null)', code: `${Y}Y.applyUpdate(doc, new Uint8Array(), null);`, errors: [{ messageId: 'applyNull' }] },
    { name: "named applyUpdateV2 from 'yjs'", code: "import { Doc, applyUpdateV2 } from 'yjs';\napplyUpdateV2(new Doc(), new Uint8Array());", errors: [{ messageId: 'apply' }] },
    { name: 'applyUpdate through a namespace named otherwise', code: "import * as Yjs2 from 'yjs';\nYjs2.applyUpdate(new Yjs2.Doc(), new Uint8Array());", errors: [{ messageId: 'apply' }] },
  ],
});
