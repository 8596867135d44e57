import type { LocaleBundle } from '../i18n/resources';

/** Strings of the shared UI primitives in renderer/ui (the confirm dialog's buttons, the toasts' region). */
export const uiLocales: LocaleBundle = {
  'zh-TW': { confirm: { ok: '確定', cancel: '取消' }, toasts: { label: '通知（Alt+T）' } },
  'zh-CN': { confirm: { ok: '确定', cancel: '取消' }, toasts: { label: '通知（Alt+T）' } },
  en: { confirm: { ok: 'OK', cancel: 'Cancel' }, toasts: { label: 'Notifications (Alt+T)' } },
};
