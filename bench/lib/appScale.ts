/**
 * Generated workspaces (lib/generateWorkspace.ts) inside the real built app, for P13–P16.
 *
 * How a workspace gets into the app: through its own backup path, as a workspace from another
 * laptop would. The document is generated in Node, written as an encrypted `.crisisroom` file
 * with the shared backup writer (a passphrase), and merged in the UI into a workspace the bench's
 * person created (Backup page → pick file → passphrase → merge → apply), so the person is the
 * workspace's signed owner and everything the app stores is its own, encrypted at rest. The merged
 * workspace therefore holds the generated N× content plus the default playbook the UI created
 * (N + 1 playbook copies).
 *
 * The profile is made once per process (all three scales in one origin: the app's URL), closed,
 * and kept as a template; every measurement launches Chromium on a fresh copy of it
 * (`launchScaleBrowser`), so each starts from the same stored workspaces. Chromium runs with the
 * switches the app's main process sets (electron/switches.ts), as Electron would run the app.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { chromiumCommandLine } from '../../electron/switches';
import { countSections, encodeWorkspace, writeBackup } from '../../shared/backup';
import { write } from '../../shared/doc/origins';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { completeOnboarding } from '../../tests/e2e/helpers';
import { ROOT } from './bundle';
import { generateWorkspace } from './generateWorkspace';
import { playbookAlone, withoutParts } from './decodeParts';
import type { BenchContext } from '../types';

export const SCALES = [1, 10, 100] as const;
export type Scale = (typeof SCALES)[number];
export const BACKUP_PASSPHRASE = 'bench scale backup passphrase';
/** The reader's lowest accepted Argon2id parameters: the file's lock costs little to open (not measured). */
const FILE_KDF = { m: 8192, t: 1, p: 1 };

export interface ScaleWorkspace {
  scale: Scale;
  id: string;
  name: string;
  /** Generated statements (ids in the app: the merge keeps them). */
  statementIds: string[];
  incidentIds: string[];
  /** The generated state as a V2 update (for the raw baselines). */
  update: Uint8Array;
}

/** A fresh folder for this process's files (removed at exit). */
export const scaleTmpDir = (): string => mkdtempSync(join(tmpRoot(), 'files-'));

export interface ScaleProfile {
  /** Template profile directory (copied for each launch, removed at exit). */
  dir: string;
  appUrl: string;
  workspaces: Record<Scale, ScaleWorkspace>;
  /**
   * The 100× content without the parts a second document could hold (bench/lib/decodeParts.ts,
   * `details+bodies+logs`), stored by the app like the others: what a design that keeps those
   * parts apart would leave to open (P13, info).
   */
  partsApart: ReducedWorkspace;
  /**
   * The 100× playbook section alone, without the crisis types' steps and escalation
   * (decodeParts.ts `playbookAlone`), stored by the app like the others: what a design with one
   * document per section and the types' details loaded on demand would open for the playbook (P13, info).
   */
  playbookAlone: ReducedWorkspace;
}

/** A workspace of the profile holding a reduced copy of the 100× content. */
export interface ReducedWorkspace {
  id: string;
  name: string;
  update: Uint8Array;
}

/** Where this process keeps its profiles (removed at exit). */
const tmpRoot = (() => {
  let dir: string | null = null;
  return () => {
    if (dir) return dir;
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, '.tmp', 'bench-scale-'));
    const d = dir;
    process.once('exit', () => rmSync(d, { recursive: true, force: true }));
    return d;
  };
})();

/** The generated document at `scale`, its meta named `name` (the name of the workspace it is merged into). */
export function generated(scale: number, name: string): { doc: Y.Doc; statementIds: string[]; incidentIds: string[] } {
  const g = generateWorkspace(scale);
  write(g.doc, 'system', () => metaOf(g.doc).set('name', name));
  return { doc: g.doc, statementIds: g.statementIds, incidentIds: Array.from({ length: g.incidents }, (_, n) => `gen-incident-${n}`) };
}

const generatedUpdates = new Map<number, { update: Uint8Array; statementIds: string[]; incidentIds: string[] }>();

/**
 * The generated state at `scale` as a V2 update (made once per process), and a backup file of it
 * for workspace `id` named `name` at `path` (for a workspace made elsewhere, e.g. in the netns lab).
 */
export async function scaleBackupFor(scale: number, id: string, name: string, path: string): Promise<{ update: Uint8Array; statementIds: string[]; incidentIds: string[] }> {
  let g = generatedUpdates.get(scale);
  if (!g) {
    const made = generated(scale, name);
    g = { update: Y.encodeStateAsUpdateV2(made.doc), statementIds: made.statementIds, incidentIds: made.incidentIds };
    made.doc.destroy();
    generatedUpdates.set(scale, g);
  }
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, g.update, 'import');
  write(doc, 'system', () => metaOf(doc).set('name', name));
  await backupFile(doc, id, name, path);
  doc.destroy();
  return g;
}

/** The whole-workspace backup file of `doc` for workspace `id`, protected by BACKUP_PASSPHRASE. */
export async function backupFile(doc: Y.Doc, id: string, name: string, path: string): Promise<void> {
  const bytes = await writeBackup({
    manifest: {
      kind: 'workspace',
      workspace: { id, name },
      exportedBy: { name: 'Bench', key: 'k'.repeat(43), fingerprint: 'BENCH' },
      exportedAt: Date.now(),
      automatic: false,
      appVersion: 'bench',
      schemaVersion: Number(metaOf(doc).get('schemaVersion') ?? 1),
      counts: countSections(doc),
    },
    payload: encodeWorkspace(doc),
    protection: { passphrase: BACKUP_PASSPHRASE, kdf: FILE_KDF },
  });
  writeFileSync(path, bytes);
}

/**
 * Which Chromium features: 'app' = with the switches the app's main process sets
 * (electron/switches.ts), as the app runs; 'chromium' = Chromium's defaults (P13, info).
 */
export type ChromiumFeatures = 'app' | 'chromium';

/** Launches Chromium in the persistent profile `dir`, the app in English with test hooks on. */
export async function launchInProfile(dir: string, features: ChromiumFeatures = 'app'): Promise<BrowserContext> {
  const args = [...CHROMIUM_ARGS, ...(features === 'app' ? chromiumCommandLine() : [])];
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, headless: true, timeout: 60_000 });
  await context.addInitScript(() => {
    try {
      if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en' }, version: 1 }));
      localStorage.setItem('crisis-room.test-hooks', '1');
    } catch {
      /* about:blank has no storage */
    }
  });
  return context;
}

/** Creates workspace `name` from the list page (the person becomes its signed owner); returns its id. */
export async function createWorkspaceIn(page: Page, base: string, name: string): Promise<string> {
  await page.goto(`${base}#/`);
  await page.locator('[data-testid=create-workspace] input').fill(name);
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await page.waitForURL(/#\/w\/[^/]+\//);
  return decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
}

/** Merges the backup file at `path` into the open workspace `id` through the Backup page's import panel. */
export async function mergeBackupInUi(page: Page, base: string, id: string, path: string): Promise<void> {
  await page.goto(`${base}#/w/${encodeURIComponent(id)}/backup`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(path);
  await page.getByTestId('import-passphrase').fill(BACKUP_PASSPHRASE);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-merge').click({ timeout: 300_000 });
  await page.getByTestId('import-apply').click({ timeout: 300_000 });
  await page.getByTestId('import-result').waitFor({ timeout: 300_000 });
  await page.getByTestId('save-status').and(page.locator('[data-status=saved]')).waitFor({ timeout: 300_000 });
}

let prepared: Promise<ScaleProfile> | null = null;

/**
 * The template profile with one workspace per scale, made once per process: first start
 * (profile, device key, vault passphrase), then for each scale a workspace created in the UI and
 * the generated content merged into it from a backup file.
 */
export function scaleProfile(ctx: BenchContext): Promise<ScaleProfile> {
  prepared ??= (async () => {
    const dir = join(tmpRoot(), 'template');
    mkdirSync(dir, { recursive: true });
    const context = await launchInProfile(dir);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(ctx.appUrl);
      await completeOnboarding(page, { name: 'Bench' });
      const workspaces = {} as Record<Scale, ScaleWorkspace>;
      for (const scale of SCALES) {
        const name = `Scale ${scale}×`;
        const id = await createWorkspaceIn(page, ctx.appUrl, name);
        const t0 = performance.now();
        const file = join(tmpRoot(), `scale-${scale}.crisisroom`);
        const g = await scaleBackupFor(scale, id, name, file);
        const update = g.update;
        const t1 = performance.now();
        await mergeBackupInUi(page, ctx.appUrl, id, file);
        ctx.log(`${scale}×: generated ${(update.length / 1024 / 1024).toFixed(2)} MB (V2) in ${((t1 - t0) / 1000).toFixed(1)} s, merged through the Backup page in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
        workspaces[scale] = { scale, id, name, statementIds: g.statementIds, incidentIds: g.incidentIds, update };
      }
      /** A workspace created in the UI with `state` merged into it from a backup file. */
      const reduced = async (name: string, file: string, state: Uint8Array): Promise<ReducedWorkspace> => {
        const id = await createWorkspaceIn(page, ctx.appUrl, name);
        const path = join(tmpRoot(), file);
        const doc = new Y.Doc();
        Y.applyUpdateV2(doc, state, 'import');
        write(doc, 'system', () => metaOf(doc).set('name', name));
        await backupFile(doc, id, name, path);
        doc.destroy();
        await mergeBackupInUi(page, ctx.appUrl, id, path);
        ctx.log(`${name}: ${(state.length / 1024 / 1024).toFixed(2)} MB (V2), merged through the Backup page`);
        return { id, name, update: state };
      };
      const apart = await reduced('Scale 100× (parts apart)', 'scale-100-apart.crisisroom', withoutParts(workspaces[100].update, 'details+bodies+logs'));
      const alone = await reduced('Scale 100× (playbook alone)', 'scale-100-playbook.crisisroom', playbookAlone(withoutParts(workspaces[100].update, 'details')));
      // Leave the list page so that nothing is open when the profile is closed.
      await page.goto(`${ctx.appUrl}#/`);
      await page.waitForTimeout(1000);
      return { dir, appUrl: ctx.appUrl, workspaces, partsApart: apart, playbookAlone: alone };
    } finally {
      await context.close();
    }
  })();
  return prepared;
}

export interface ScaleBrowser {
  context: BrowserContext;
  /** An unlocked tab on the workspace list: new tabs get the vault key from it (no Argon2id). */
  holder: Page;
  close: () => Promise<void>;
}

/** Chromium on a fresh copy of the template profile, unlocked (one tab on the workspace list). */
export async function launchScaleBrowser(profile: ScaleProfile, log?: (m: string) => void, features: ChromiumFeatures = 'app'): Promise<ScaleBrowser> {
  const dir = mkdtempSync(join(tmpRoot(), 'run-'));
  cpSync(profile.dir, dir, { recursive: true });
  const context = await launchInProfile(dir, features);
  for (const p of context.pages().slice(1)) await p.close();
  const holder = context.pages()[0] ?? (await context.newPage());
  context.on('page', (p) => p.on('pageerror', (err) => log?.(`page exception: ${err.message}`)));
  await holder.goto(`${profile.appUrl}#/`);
  await completeOnboarding(holder, { name: 'Bench' });
  return {
    context,
    holder,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
