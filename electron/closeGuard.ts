import { type EditsFlushed, IPC_EVENTS } from '../shared/ipc.js';
import { DEFAULT_LANGUAGE, type Language } from '../shared/languages.js';
import type { BrowserWindowLike, ElectronFacade, PreventableEvent } from './facade.js';
import type { IpcCaller } from './ipc.js';

/**
 * Closing a window never drops an edit. On `close` main keeps the window open, asks the page to
 * store everything (`IPC_EVENTS.flushEdits`: IME text still in a field is written, every write
 * waited for) and waits for its answer (`editsFlushed`) at most `timeoutMs`. Everything stored:
 * the window closes. Otherwise (storage failed, or no answer in time) the person is asked, in
 * their language, whether to close anyway.
 *
 * The page's own beforeunload warning (renderer/workspace/pageGuard.ts) would stop a close
 * without a word in Electron; main answers it instead (`will-prevent-unload`): after the person
 * chose to close, or after asking them on a reload.
 */

/** How long a close waits for the page's answer. */
export const FLUSH_TIMEOUT_MS = 4000;

const TEXT: Record<Language, { message: string; failed: string; silent: string; stay: string; close: string; reload: string }> = {
  'zh-TW': {
    message: '有些編輯尚未儲存到這台電腦。',
    failed: '儲存失敗：{error}。現在關閉，這些編輯就會遺失。請先留下並使用「再儲存一次」或匯出備份。',
    silent: '頁面沒有確認編輯已儲存。現在關閉可能遺失最後的編輯。',
    stay: '留下',
    close: '仍然關閉',
    reload: '仍然重新載入',
  },
  'zh-CN': {
    message: '有些编辑尚未保存到这台电脑。',
    failed: '保存失败：{error}。现在关闭，这些编辑就会丢失。请先留下并使用“再保存一次”或导出备份。',
    silent: '页面没有确认编辑已保存。现在关闭可能丢失最后的编辑。',
    stay: '留下',
    close: '仍然关闭',
    reload: '仍然重新加载',
  },
  en: {
    message: 'Some edits are not saved on this computer yet.',
    failed: 'Saving failed: {error}. Closing now loses these edits. Stay and use “Save again”, or export a backup first.',
    silent: 'The page did not confirm that its edits are saved. Closing now may lose the last edits.',
    stay: 'Stay',
    close: 'Close anyway',
    reload: 'Reload anyway',
  },
};

export interface CloseGuard {
  /** Guards `window`'s close (and reloads that would drop edits). */
  attach(window: BrowserWindowLike): void;
  /** The `editsFlushed` route: the page's answer to a flush request. */
  flushed(report: EditsFlushed, caller: IpcCaller): null;
}

interface Waiter {
  contents: unknown;
  resolve: (report: EditsFlushed | null) => void;
}

export function createCloseGuard(electron: Pick<ElectronFacade, 'dialog' | 'app'>, opts: { timeoutMs?: number } = {}): CloseGuard {
  const timeoutMs = opts.timeoutMs ?? FLUSH_TIMEOUT_MS;
  const waiters = new Map<number, Waiter>();
  let nextId = 1;
  let language: Language = DEFAULT_LANGUAGE;
  let quitting = false;
  electron.app.on('before-quit', () => {
    quitting = true;
  });

  const requestFlush = (window: BrowserWindowLike): Promise<EditsFlushed | null> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiters.delete(id);
        resolve(null);
      }, timeoutMs);
      waiters.set(id, {
        contents: window.webContents,
        resolve: (report) => {
          clearTimeout(timer);
          waiters.delete(id);
          resolve(report);
        },
      });
      try {
        window.webContents.send(IPC_EVENTS.flushEdits, { id });
      } catch {
        waiters.get(id)?.resolve(null);
      }
    });

  const ask = async (window: BrowserWindowLike, report: EditsFlushed | null, action: 'close' | 'reload'): Promise<boolean> => {
    const text = TEXT[language];
    const detail = report?.error ? text.failed.replace('{error}', report.error) : text.silent;
    const { response } = await electron.dialog.showMessageBox(window, {
      type: 'warning',
      title: 'Crisis Room',
      message: text.message,
      detail,
      buttons: [text.stay, action === 'close' ? text.close : text.reload],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return response === 1;
  };

  return {
    attach(window) {
      /** The person chose to leave (or everything is stored): let close and unload go through. */
      let leaving = false;
      /** The person chose "reload anyway": the next unload goes through. */
      let reloadAllowedUntil = 0;
      let busy = false;
      window.on('close', (event: PreventableEvent) => {
        if (leaving) return;
        event.preventDefault();
        if (busy) return;
        busy = true;
        void (async () => {
          try {
            const report = await requestFlush(window);
            const close = report?.saved === true || (await ask(window, report, 'close'));
            if (!close || window.isDestroyed()) return;
            leaving = true;
            window.close();
            if (quitting) electron.app.quit();
          } finally {
            busy = false;
          }
        })();
      });
      window.webContents.on('will-prevent-unload', (event: PreventableEvent) => {
        if (leaving || Date.now() < reloadAllowedUntil) {
          reloadAllowedUntil = 0;
          event.preventDefault(); // the person already chose; the page's warning is answered
          return;
        }
        if (busy) return; // a close is being decided: that decision closes (or keeps) the window
        // A reload with edits that could be lost: ask; on "reload anyway" reload once more.
        busy = true;
        void ask(window, null, 'reload')
          .then((reload) => {
            if (reload && !window.isDestroyed()) {
              reloadAllowedUntil = Date.now() + 5000;
              window.webContents.reload();
            }
          })
          .finally(() => {
            busy = false;
          });
      });
    },
    flushed(report, caller) {
      language = report.language;
      const waiter = waiters.get(report.id);
      // Only the page that was asked can answer for it.
      if (waiter && waiter.contents === caller.contents) waiter.resolve(report);
      return null;
    },
  };
}
