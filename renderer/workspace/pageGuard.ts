import { getPlatform, type Platform } from '../platform';
import { useSession } from '../session/sessionStore';
import { flushEdits, flushNow, hasUnsavedEdits } from './flush';
import { openJournal } from './journal';
import { pendingWrites, usePersistence } from './persistence';

/**
 * Leaving the page never takes an edit with it.
 *
 * Every edit is being written the moment it is shown (workspaceService.ts, updateWriter.ts);
 * what the page may still hold is IME text not composed yet, and writes the browser could still
 * abort if the page unloads (flush.ts). So:
 * - when the page is hidden, frozen or left (`visibilitychange` → hidden, `freeze`,
 *   `pagehide`), fields write what they hold and unconfirmed updates go to the leave journal
 *   (journal.ts), which the next open applies;
 * - before it unloads (`beforeunload`: close, reload, leave) the same, and when something would
 *   still be lost — storage failed — the browser asks the person first (in Electron, main asks
 *   instead: electron/closeGuard.ts);
 * - in Electron, main asks before closing the window and waits (bounded) for the answer.
 */
export function installPageGuard(win: Window = window, platform: Platform = getPlatform()): () => void {
  // Open now: when the page goes, there is no time to open it.
  void openJournal();
  const onHidden = () => flushNow();
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') flushNow();
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    flushNow();
    if (!hasUnsavedEdits()) return;
    event.preventDefault();
    // Older engines show the prompt only for a returnValue.
    event.returnValue = '';
  };
  win.addEventListener('pagehide', onHidden);
  win.addEventListener('freeze', onHidden);
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('beforeunload', onBeforeUnload);
  const stopAnswering = platform.onCloseRequest(async () => {
    const saved = await flushEdits();
    return { saved, pending: pendingWrites(), error: usePersistence.getState().error?.slice(0, 1000) ?? null, language: useSession.getState().language };
  });
  return () => {
    win.removeEventListener('pagehide', onHidden);
    win.removeEventListener('freeze', onHidden);
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('beforeunload', onBeforeUnload);
    stopAnswering();
  };
}
