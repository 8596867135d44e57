import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../../lint/plugin.js';
import { assertAcyclic } from '../../../lint/featureBoundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (file: string) => join(process.cwd(), file);
const options = [{ featuresDir: 'renderer/features', features: { incidents: [], drills: ['incidents'], settings: [] }, roots: ['renderer/app/', 'renderer/i18n/resources.ts'] }];

tester.run('crisis-room/feature-boundaries', plugin.rules['feature-boundaries'], {
  valid: [
    { name: 'drills → incidents (listed)', filename: at('renderer/features/drills/DrillsPage.tsx'), options, code: "import { IncidentRoom } from '../incidents/IncidentRoom';" },
    { name: 'a feature → its own files', filename: at('renderer/features/incidents/IncidentRoom.tsx'), options, code: "import { LogPanel } from './LogPanel';" },
    { name: 'a feature → shared/incidents (not the feature)', filename: at('renderer/features/drills/AarPage.tsx'), options, code: "import { x } from '../../../shared/incidents/types';" },
    { name: 'a feature → code below the features', filename: at('renderer/features/incidents/LogPanel.tsx'), options, code: "import { incidentNowFor } from '../../exerciseClock/useExerciseClock';" },
    { name: 'app/ puts features together', filename: at('renderer/app/sections.tsx'), options, code: "import { drillViews } from '../features/drills/drillViews';" },
    { name: 'the i18n table registers feature locales', filename: at('renderer/i18n/resources.ts'), options, code: "import { drillsLocales } from '../features/drills/locales';" },
    { name: 'packages are not features', filename: at('renderer/features/incidents/X.tsx'), options, code: "import { useState } from 'react';" },
    { name: 'files outside renderer/ are not checked', filename: at('tests/e2e/drill-sync.spec.ts'), options, code: "import { DrillsPage } from '../../renderer/features/drills/DrillsPage';" },
  ],
  invalid: [
    { name: 'incidents → drills (the back edge)', filename: at('renderer/features/incidents/IncidentRoom.tsx'), options, code: "import { DrillPanel } from '../drills/DrillPanel';", errors: [{ messageId: 'feature' }] },
    { name: 'incidents → drills through a deeper path', filename: at('renderer/features/incidents/x/y.ts'), options, code: "import { a } from '../../drills/clockService';", errors: [{ messageId: 'feature' }] },
    { name: 're-export from another feature', filename: at('renderer/features/incidents/index.ts'), options, code: "export { AarPage } from '../drills/AarPage';", errors: [{ messageId: 'feature' }] },
    { name: 'export * from another feature', filename: at('renderer/features/settings/index.ts'), options, code: "export * from '../drills/AarPage';", errors: [{ messageId: 'feature' }] },
    { name: 'dynamic import of another feature', filename: at('renderer/features/incidents/lazy.ts'), options, code: "export const load = () => import('../drills/AarPage');", errors: [{ messageId: 'feature' }] },
    { name: 'code below the features imports one', filename: at('renderer/sync/syncLifecycle.ts'), options, code: "import { x } from '../features/drills/clockService';", errors: [{ messageId: 'below' }] },
    { name: 'a feature missing from the table', filename: at('renderer/features/newthing/Page.tsx'), options, code: "import { a } from '../incidents/hooks';\nimport { b } from '../drills/AarPage';", errors: [{ messageId: 'unknown' }] },
  ],
});

describe('feature table', () => {
  it('must be acyclic', () => {
    expect(() => assertAcyclic({ incidents: [], drills: ['incidents'] })).not.toThrow();
    expect(() => assertAcyclic({ incidents: ['drills'], drills: ['incidents'] })).toThrow(/cycle: (incidents → drills → incidents|drills → incidents → drills)/);
  });
});

describe('the repository config (eslint.config.js) applies the rules', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const messages = async (filePath: string, code: string) => ((await eslint.lintText(code, { filePath }))[0]?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);

  it('rejects incidents → drills and allows drills → incidents', async () => {
    expect((await messages('renderer/features/incidents/bad.ts', "import { AarPage } from '../drills/AarPage';\nexport const a = AarPage;\n")).join('\n')).toMatch(
      /crisis-room\/feature-boundaries: Bad layering: features\/incidents must not import features\/drills/,
    );
    expect(await messages('renderer/features/drills/ok.ts', "import { useIncident } from '../incidents/hooks';\nexport const u = useIncident;\n")).toEqual([]);
  });

  it('bans DOM globals in shared/ (document.body linted clean before)', async () => {
    for (const code of ['export const b = document.body;\n', 'export const w = window.innerWidth;\n', 'export const n = navigator.language;\n', "export const v = localStorage.getItem('x');\n", 'export const d = globalThis.document;\n']) {
      const found = await messages('shared/bad.ts', code);
      expect(found.join('\n'), code).toMatch(/Bad layering: shared\/ must stay free of DOM globals/);
    }
    expect(await messages('shared/ok.ts', 'export const c = globalThis.crypto.getRandomValues(new Uint8Array(4));\n')).toEqual([]);
    expect(await messages('renderer/ok.ts', 'export const b = document.body;\n')).toEqual([]);
  });

  it('flags Yjs writes without an origin through the repository config', async () => {
    const found = await messages('shared/no-origin.ts', "import * as Y from 'yjs';\nconst doc = new Y.Doc();\nY.transact(doc, () => doc.getMap('m').set('a', 1));\nY.applyUpdate(doc, new Uint8Array());\nexport { doc };\n");
    expect(found.filter((m) => m.startsWith('crisis-room/transaction-origin'))).toHaveLength(2);
  });
});
