import type { LocaleBundle } from '../../i18n/resources';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';

/** Backup & restore strings (namespace `backup`): zh-TW first, the same keys in each. */
export const backupLocales: LocaleBundle = { 'zh-TW': zhTW, 'zh-CN': zhCN, en };
