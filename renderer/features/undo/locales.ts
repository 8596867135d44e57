import type { LocaleBundle } from '../../i18n/resources';

export const undoLocales: LocaleBundle = {
  'zh-TW': { deleted_one: '已刪除 {{count}} 項', deleted_other: '已刪除 {{count}} 項', undo: '復原' },
  'zh-CN': { deleted_one: '已删除 {{count}} 项', deleted_other: '已删除 {{count}} 项', undo: '撤销' },
  en: { deleted_one: 'Deleted {{count}} item', deleted_other: 'Deleted {{count}} items', undo: 'Undo' },
};
