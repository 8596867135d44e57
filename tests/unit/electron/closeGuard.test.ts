// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createCloseGuard } from '../../../electron/closeGuard.js';
import { startMainProcess } from '../../../electron/app.js';
import { lanHostUnavailable } from '../../../electron/host/unavailable.js';
import { IPC, IPC_EVENTS, type EditsFlushed } from '../../../shared/ipc.js';
import { createFakeElectron, frame, type FakeWindow } from './fakeElectron.js';

const APP_FRAME = frame('app://crisis-room/index.html');
const tick = () => new Promise((r) => setTimeout(r, 0));

function guarded(timeoutMs = 200) {
  const electron = createFakeElectron();
  const guard = createCloseGuard(electron, { timeoutMs });
  const window = new electron.BrowserWindow({} as never) as FakeWindow;
  guard.attach(window);
  const caller = { contents: window.webContents, window };
  /** The page's answer to the last flush request main sent. */
  const answer = (report: Omit<EditsFlushed, 'id'>) => {
    const sent = window.webContents.sent.filter((m) => m.channel === IPC_EVENTS.flushEdits).at(-1);
    const { id } = sent!.args[0] as { id: number };
    guard.flushed({ ...report, id }, caller);
  };
  return { electron, guard, window, answer };
}

describe('closing the window', () => {
  it('keeps the window open until the page says every edit is stored, then closes', async () => {
    const { window, answer, electron } = guarded();
    expect(window.requestClose().defaultPrevented).toBe(true);
    expect(window.webContents.sent).toEqual([{ channel: IPC_EVENTS.flushEdits, args: [{ id: 1 }] }]);
    expect(window.closed).toBe(0);
    answer({ saved: true, pending: 0, error: null, language: 'en' });
    await tick();
    expect(window.closed).toBe(1);
    expect(electron.dialogCalls).toEqual([]);
  });

  it('asks the person, in their language, when storing failed; "stay" keeps the window', async () => {
    const { window, answer, electron } = guarded();
    window.requestClose();
    electron.dialogAnswers.message = { response: 0 };
    answer({ saved: false, pending: 3, error: 'QuotaExceededError: full', language: 'zh-TW' });
    await tick();
    expect(window.closed).toBe(0);
    const options = electron.dialogCalls[0]?.options as { message: string; detail: string; buttons: string[] };
    expect(options.message).toBe('有些編輯尚未儲存到這台電腦。');
    expect(options.detail).toContain('QuotaExceededError: full');
    expect(options.buttons).toEqual(['留下', '仍然關閉']);
    // "Close anyway" the next time.
    electron.dialogAnswers.message = { response: 1 };
    window.requestClose();
    answer({ saved: false, pending: 3, error: 'QuotaExceededError: full', language: 'zh-TW' });
    await tick();
    await tick();
    expect(window.closed).toBe(1);
  });

  it('waits a bounded time for a page that does not answer, then asks', async () => {
    const { window, electron } = guarded(30);
    electron.dialogAnswers.message = { response: 1 };
    window.requestClose();
    await new Promise((r) => setTimeout(r, 60));
    expect(electron.dialogCalls).toHaveLength(1);
    await tick();
    expect(window.closed).toBe(1);
  });

  it('takes an answer only from the page it asked', async () => {
    const { window, guard, electron } = guarded(30);
    window.requestClose();
    const other = new electron.BrowserWindow({} as never) as FakeWindow;
    guard.flushed({ id: 1, saved: true, pending: 0, error: null, language: 'en' }, { contents: other.webContents, window: other });
    await tick();
    expect(window.closed).toBe(0);
  });

  it('answers the page’s own leave warning once the person chose, and asks before a reload', async () => {
    const { window, answer, electron } = guarded();
    // A reload the page warns about: asked; "reload anyway" reloads and lets the unload through.
    electron.dialogAnswers.message = { response: 1 };
    expect(window.webContents.fire('will-prevent-unload').defaultPrevented).toBe(false);
    await tick();
    expect(window.webContents.reloads).toBe(1);
    expect(window.webContents.fire('will-prevent-unload').defaultPrevented).toBe(true);
    // Closing after "close anyway": the page's warning is answered without a second question.
    window.requestClose();
    answer({ saved: false, pending: 0, error: 'Error: x', language: 'en' });
    await tick();
    await tick();
    expect(window.webContents.fire('will-prevent-unload').defaultPrevented).toBe(true);
  });

  it('is wired into the main process: every window guarded, the answer route handled', async () => {
    const electron = createFakeElectron();
    const running = startMainProcess(electron, {
      distDir: '/app/dist',
      preloadPath: '/p.cjs',
      lanHost: lanHostUnavailable('not here'),
      platform: 'linux',
      allowedHostsFile: '/nonexistent/allowed-hosts.json',
    });
    electron.ready();
    await running;
    const [window] = electron.windows;
    expect(window!.requestClose().defaultPrevented).toBe(true);
    const { id } = window!.webContents.sent[0]!.args[0] as { id: number };
    await expect(electron.invoke(IPC.editsFlushed.channel, APP_FRAME, { id, saved: true, pending: 0, error: null, language: 'en' })).resolves.toBeNull();
    await tick();
    expect(window!.closed).toBe(1);
    // Malformed answers are refused before any handler runs.
    await expect(electron.invoke(IPC.editsFlushed.channel, APP_FRAME, { id, saved: 'yes' })).rejects.toThrow(/invalid request/);
  });
});
