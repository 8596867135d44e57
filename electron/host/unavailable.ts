import { LAN_HOST_STOPPED, type LanHostService, type LanHostStatus } from '../../shared/ipc.js';

/**
 * What is unavailable on this machine, and what the person at the keyboard can do about it:
 * a LAN host that never runs, and the message `npm start` prints when the desktop shell
 * (Electron) cannot start and the same app is served to the browser.
 */

/**
 * A LAN host that never runs. The app and web mode always wire the real one (host/lan.ts, from
 * main.ts and webMain.ts); unit tests of the main process pass this one. Starting it reports
 * `reason` in the status instead of failing, so a UI could show why.
 */
export function lanHostUnavailable(reason: string): LanHostService {
  const status = async (): Promise<LanHostStatus> => ({ ...LAN_HOST_STOPPED, error: reason });
  return {
    start: status,
    stop: async () => LAN_HOST_STOPPED,
    status,
    nearby: async () => [],
  };
}

/** Why the desktop app did not start, in the terms of what the person can do about it. */
export type DesktopFailureKind = 'notInstalled' | 'noDisplay' | 'runningAsRoot' | 'crashed';

export interface DesktopFailure {
  kind: DesktopFailureKind;
  /** What Electron or npm said (for IT; developer advice is removed before it is shown). */
  detail: string;
}

/**
 * Sorts a start failure: `installed` is whether the Electron binary was found at all; `detail`
 * is the error text or the early stderr of the Electron process.
 */
export function classifyDesktopFailure(installed: boolean, detail: string): DesktopFailureKind {
  if (!installed) return 'notInstalled';
  if (/Missing X server|\$DISPLAY|cannot open display|Unable to open X display|wayland.*(failed|connect)/i.test(detail)) return 'noDisplay';
  if (/as root without --no-sandbox/i.test(detail)) return 'runningAsRoot';
  return 'crashed';
}

/**
 * Drops advice that is meant for developers of Electron apps ("delete node_modules/electron and
 * run npx install-electron --no"): it would send end users into the app's install folder.
 */
export function withoutDeveloperAdvice(detail: string): string {
  const advice = /node_modules|install-electron|\bnpx\b|\bnpm (i|install|rebuild)\b/i;
  return detail
    .split(/\s+→\s+/)
    .map((segment) =>
      segment
        .split(/(?<=[.!?])\s+/)
        .filter((sentence) => !advice.test(sentence))
        .join(' ')
        .trim(),
    )
    .filter((segment) => segment !== '')
    .join(' → ');
}

export type MessageLanguage = 'zh-TW' | 'zh-CN' | 'en';

/** The language of the terminal (LC_ALL, LC_MESSAGES, LANG): Chinese variants, else English. */
export function terminalLanguage(env: Record<string, string | undefined>): MessageLanguage {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (/^zh[-_](tw|hk|mo)|^zh[-_]hant/.test(tag)) return 'zh-TW';
  if (/^zh/.test(tag)) return 'zh-CN';
  return 'en';
}

interface Words {
  title: string;
  why: Record<DesktopFailureKind, string>;
  now: string;
  open: string;
  same: string;
  get: string;
  fix: Record<DesktopFailureKind, string>;
  detail: string;
}

const WORDS: Record<MessageLanguage, Words> = {
  en: {
    title: 'The Crisis Room desktop app is not available on this computer.',
    why: {
      notInstalled: 'Why: its desktop program (Electron) is not installed here, and it could not be downloaded (this computer seems to have no internet access).',
      noDisplay: 'Why: there is no graphical desktop here (no display), for example in a remote terminal or on a server.',
      runningAsRoot: 'Why: it was started as the administrator (root), and the desktop app does not run that way for safety.',
      crashed: 'Why: it stopped right after starting.',
    },
    now: 'You can work right now: the same app is running for your web browser at',
    open: 'Open this address in Chromium or Chrome on this computer (keep this window open; Ctrl+C stops it).',
    same: 'Workspaces, the team connection and files work the same as in the desktop app.',
    get: 'To get the desktop app: ',
    fix: {
      notInstalled: 'connect this computer to the internet and run `npm install` once in this folder (it downloads the desktop program), then `npm start` again — or ask IT for the packaged Crisis Room installer (Windows, macOS, Linux).',
      noDisplay: 'run `npm start` from a desktop session on this computer (not over a remote terminal).',
      runningAsRoot: 'run `npm start` as your normal user account.',
      crashed: 'run `npm start` again; if it stops again, send IT the technical detail below.',
    },
    detail: 'Technical detail (for IT): ',
  },
  'zh-TW': {
    title: '這台電腦無法使用危機作戰室桌面版。',
    why: {
      notInstalled: '原因：這台電腦沒有安裝桌面版程式（Electron），也無法下載（這台電腦似乎沒有連上網際網路）。',
      noDisplay: '原因：這裡沒有圖形桌面（沒有顯示器），例如透過遠端終端機或在伺服器上執行。',
      runningAsRoot: '原因：以系統管理員（root）身分啟動；為了安全，桌面版不以這種方式執行。',
      crashed: '原因：桌面版一啟動就停止了。',
    },
    now: '現在就可以工作：同一個程式已在瀏覽器版執行，網址是',
    open: '請在這台電腦上用 Chromium 或 Chrome 開啟這個網址（請保留這個視窗；按 Ctrl+C 會停止）。',
    same: '工作空間、協作連線與檔案功能都和桌面版相同。',
    get: '若要使用桌面版：',
    fix: {
      notInstalled: '讓這台電腦連上網際網路，在這個資料夾執行一次 `npm install`（會下載桌面版程式），再執行 `npm start`；或向資訊部門索取危機作戰室安裝檔（Windows、macOS、Linux）。',
      noDisplay: '請在這台電腦的桌面環境中執行 `npm start`（不要透過遠端終端機）。',
      runningAsRoot: '請用一般使用者帳號執行 `npm start`。',
      crashed: '請再執行一次 `npm start`；若仍然停止，請把下方的技術細節交給資訊部門。',
    },
    detail: '技術細節（給資訊部門）：',
  },
  'zh-CN': {
    title: '这台电脑无法使用危机作战室桌面版。',
    why: {
      notInstalled: '原因：这台电脑没有安装桌面版程序（Electron），也无法下载（这台电脑似乎没有连接互联网）。',
      noDisplay: '原因：这里没有图形桌面（没有显示器），例如通过远程终端或在服务器上运行。',
      runningAsRoot: '原因：以管理员（root）身份启动；为了安全，桌面版不以这种方式运行。',
      crashed: '原因：桌面版一启动就停止了。',
    },
    now: '现在就可以工作：同一个程序已在浏览器版运行，地址是',
    open: '请在这台电脑上用 Chromium 或 Chrome 打开这个地址（请保留这个窗口；按 Ctrl+C 会停止）。',
    same: '工作空间、协作连接和文件功能都与桌面版相同。',
    get: '如需使用桌面版：',
    fix: {
      notInstalled: '让这台电脑连接互联网，在这个文件夹运行一次 `npm install`（会下载桌面版程序），再运行 `npm start`；或向 IT 部门索取危机作战室安装包（Windows、macOS、Linux）。',
      noDisplay: '请在这台电脑的桌面环境中运行 `npm start`（不要通过远程终端）。',
      runningAsRoot: '请用普通用户账号运行 `npm start`。',
      crashed: '请再运行一次 `npm start`；如果仍然停止，请把下方的技术细节发给 IT 部门。',
    },
    detail: '技术细节（给 IT 部门）：',
  },
};

/** The message `npm start` prints once the browser version is up at `url`. */
export function desktopUnavailableMessage(failure: DesktopFailure, url: string, language: MessageLanguage = 'en'): string {
  const w = WORDS[language];
  const detail = withoutDeveloperAdvice(failure.detail);
  const rule = '─'.repeat(72);
  return [
    rule,
    w.title,
    w.why[failure.kind],
    '',
    w.now,
    `    ${url}`,
    w.open,
    w.same,
    '',
    `${w.get}${w.fix[failure.kind]}`,
    ...(detail ? ['', `${w.detail}${detail}`] : []),
    rule,
  ].join('\n');
}
