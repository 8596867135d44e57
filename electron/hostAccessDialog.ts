import type { Language } from '../shared/languages.js';
import type { BaseWindowLike, ElectronFacade } from './facade.js';
import type { ConfirmHosts } from './hostAccess.js';

/**
 * The native question before the page may connect to a host it has not connected to before. It
 * is asked by main, in a modal message box page script cannot see or answer: script injected into
 * the page (what the CSP guards against) can ask main to allow a host, but only the person can
 * say yes.
 */

const TEXT: Record<Language, { title: string; message: string; detail: string; allow: string; deny: string }> = {
  'zh-TW': {
    title: 'Crisis Room',
    message: '允許 Crisis Room 連線到這些主機？',
    detail: '只允許你或團隊設定的主機（在應用程式中輸入、來自你信任的邀請碼，或附近找到的主機）。Crisis Room 只會連線到你允許的主機。',
    allow: '允許',
    deny: '不允許',
  },
  'zh-CN': {
    title: 'Crisis Room',
    message: '允许 Crisis Room 连接到这些主机？',
    detail: '只允许你或团队设置的主机（在应用程序中输入、来自你信任的邀请码，或附近找到的主机）。Crisis Room 只会连接到你允许的主机。',
    allow: '允许',
    deny: '不允许',
  },
  en: {
    title: 'Crisis Room',
    message: 'Allow Crisis Room to connect to these hosts?',
    detail: 'Allow only hosts you or your team set up (typed in the app, from an invite code you trust, or found nearby). Crisis Room connects only to the hosts you allow.',
    allow: 'Allow',
    deny: 'Don’t allow',
  },
};

/** Asks on `window` (modal); with no window to attach to, nothing is allowed. */
export function confirmHostsDialog(electron: Pick<ElectronFacade, 'dialog'>, window: BaseWindowLike | null): ConfirmHosts {
  return async (origins, language) => {
    if (!window) return false;
    const text = TEXT[language];
    const { response } = await electron.dialog.showMessageBox(window, {
      type: 'warning',
      title: text.title,
      message: text.message,
      detail: `${origins.join('\n')}\n\n${text.detail}`,
      buttons: [text.allow, text.deny],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  };
}
