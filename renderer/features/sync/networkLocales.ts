import type { Language } from '../../../shared/languages';

/** The `network` block of the sync namespace (advanced network settings), split from ./locales.ts for size. */
export const network: Record<Language, Record<string, string>> = {
  'zh-TW': {
    title: '進階網路設定',
    explain: '預設只在區網內連線，不連任何外部伺服器。跨網路協作時，可加入你們自己的 STUN/TURN 伺服器或額外的信令伺服器。',
    ice: 'STUN / TURN 伺服器（每行一個，格式：網址 或 網址 使用者 密碼）',
    signaling: '額外信令伺服器（每行一個 ws:// 或 wss:// 網址）',
    save: '儲存網路設定',
    saved: '已儲存',
    invalid: '第 {{line}} 行無效：{{reason}}',
  },
  'zh-CN': {
    title: '高级网络设置',
    explain: '默认只在局域网内连接，不连接任何外部服务器。跨网络协作时，可以加入你们自己的 STUN/TURN 服务器或额外的信令服务器。',
    ice: 'STUN / TURN 服务器（每行一个，格式：网址 或 网址 用户名 密码）',
    signaling: '额外信令服务器（每行一个 ws:// 或 wss:// 网址）',
    save: '保存网络设置',
    saved: '已保存',
    invalid: '第 {{line}} 行无效：{{reason}}',
  },
  'en': {
    title: 'Advanced network settings',
    explain: 'By default sync stays on the LAN and contacts no outside server. To work across networks, add your own STUN/TURN servers or extra signaling servers.',
    ice: 'STUN / TURN servers (one per line: URL, or URL user password)',
    signaling: 'Extra signaling servers (one ws:// or wss:// URL per line)',
    save: 'Save network settings',
    saved: 'Saved',
    invalid: 'Line {{line}} is not valid: {{reason}}',
  },
};
