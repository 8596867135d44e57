import type { LocaleBundle } from '../../i18n/resources';

export const notifyLocales: LocaleBundle = {
  'zh-TW': {
    title: '通知',
    enabled: '狀況更新到期與新的演練狀況時，發出系統通知',
    sound: '同時播放提示音',
    onProjector: '投影畫面上也通知',
    denied: '瀏覽器已封鎖通知：請在瀏覽器的網站設定中允許。',
    cadenceTitle: '該發布狀況更新了：{{title}}',
    cadenceBody_one: '依嚴重度每 {{count}} 分鐘更新一次，已到期。',
    cadenceBody_other: '依嚴重度每 {{count}} 分鐘更新一次，已到期。',
    injectTitle: '新的演練狀況：{{title}}',
  },
  'zh-CN': {
    title: '通知',
    enabled: '状况更新到期与新的演练状况时，发出系统通知',
    sound: '同时播放提示音',
    onProjector: '投影画面上也通知',
    denied: '浏览器已屏蔽通知：请在浏览器的网站设置中允许。',
    cadenceTitle: '该发布状况更新了：{{title}}',
    cadenceBody_one: '按严重度每 {{count}} 分钟更新一次，已到期。',
    cadenceBody_other: '按严重度每 {{count}} 分钟更新一次，已到期。',
    injectTitle: '新的演练状况：{{title}}',
  },
  en: {
    title: 'Notifications',
    enabled: 'Notify me (system notification) when a status update falls due or a new drill inject arrives',
    sound: 'Also play a short tone',
    onProjector: 'Also on the projector view',
    denied: 'The browser blocks notifications: allow them in its site settings.',
    cadenceTitle: 'Status update due: {{title}}',
    cadenceBody_one: 'Updates are due every {{count}} minute at this severity; this one is due now.',
    cadenceBody_other: 'Updates are due every {{count}} minutes at this severity; this one is due now.',
    injectTitle: 'New drill inject: {{title}}',
  },
};
