import { create } from 'zustand';
import type { AutoBackupSettings } from '../../../shared/ipc';
import { currentGovernanceView } from '../../identity/useGovernance';
import { getPlatform } from '../../platform';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { makeBackup, ownRecipients } from './backupService';
import { docUpdates } from '../../../shared/doc/updateHub';

/**
 * Automatic backups (Electron): while a workspace is open and edits happened since the last
 * backup, every `intervalMinutes` the page encrypts a whole-workspace backup to this laptop's and
 * the owners' agreement keys and main writes it into the chosen folder (retention in main).
 */

export interface AutoBackupState {
  settings: AutoBackupSettings | null;
  /** When the open workspace was last backed up (ms), and the file. */
  lastAt: number | null;
  lastName: string | null;
  error: string | null;
  running: boolean;
  /** Edits since the last backup. */
  dirty: boolean;
}

export const useAutoBackup = create<AutoBackupState>(() => ({ settings: null, lastAt: null, lastName: null, error: null, running: false, dirty: false }));

const CHECK_MS = 15_000;

/** Writes a backup of the open workspace now (Electron, with a folder). Returns the file name. */
export async function backupNow(): Promise<string | null> {
  const control = getPlatform().autoBackup;
  const current = useCurrentWorkspace.getState().current;
  if (!control || !current || useAutoBackup.getState().running) return null;
  useAutoBackup.setState({ running: true, dirty: false });
  try {
    const gov = currentGovernanceView()?.getSnapshot() ?? null;
    const { bytes } = await makeBackup(current.doc, current.id, { kind: 'workspace', protection: { members: ownRecipients(gov) }, automatic: true });
    const { written } = await control.write({ workspaceId: current.id, bytes });
    useAutoBackup.setState({ lastAt: written.at, lastName: written.name, error: null });
    return written.name;
  } catch (err) {
    useAutoBackup.setState({ error: (err as Error).message, dirty: true });
    throw err;
  } finally {
    useAutoBackup.setState({ running: false });
  }
}

export async function refreshAutoBackupSettings(): Promise<AutoBackupSettings | null> {
  const control = getPlatform().autoBackup;
  if (!control) return null;
  const settings = await control.settings();
  useAutoBackup.setState({ settings });
  return settings;
}

/** Starts the scheduler (once per app); returns a function that stops it. */
export function startAutoBackup(now: () => number = Date.now, checkMs = CHECK_MS): () => void {
  if (!getPlatform().autoBackup) return () => {};
  let since = now();
  let detach: (() => void) | null = null;
  const watch = (current: ReturnType<typeof useCurrentWorkspace.getState>['current']) => {
    detach?.();
    detach = null;
    useAutoBackup.setState({ dirty: false, lastAt: null, lastName: null, error: null });
    since = now();
    if (!current) return;
    // Through the document's hub: a listener of its own would make Yjs encode every peer's batch again (shared/doc/updateHub.ts).
    detach = docUpdates(current.doc).on((_change, origin) => {
      if (origin !== current.provider) useAutoBackup.setState({ dirty: true });
    });
  };
  watch(useCurrentWorkspace.getState().current);
  const unsubscribe = useCurrentWorkspace.subscribe((s, prev) => {
    if (s.current !== prev.current) watch(s.current);
  });
  void refreshAutoBackupSettings().catch(() => undefined);
  const timer = setInterval(() => {
    const { settings, dirty, running } = useAutoBackup.getState();
    if (!settings?.folder || !dirty || running) return;
    if (now() - since < settings.intervalMinutes * 60_000) return;
    since = now();
    void backupNow().catch(() => undefined);
  }, checkMs);
  return () => {
    clearInterval(timer);
    unsubscribe();
    detach?.();
  };
}
