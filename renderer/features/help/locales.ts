import type { LocaleBundle } from '../../i18n/resources';

export const helpLocales: LocaleBundle = {
  'zh-TW': {
    title: '鍵盤快速鍵',
    open: '快速鍵',
    close: '關閉',
    keys: { search: '搜尋整個工作區', undo: '復原自己的上一個變更（不在文字框內時）', redo: '重做', help: '顯示這張表', close: '關閉對話框' },
  },
  'zh-CN': {
    title: '键盘快捷键',
    open: '快捷键',
    close: '关闭',
    keys: { search: '搜索整个工作区', undo: '撤销自己的上一个更改（不在文本框内时）', redo: '重做', help: '显示这张表', close: '关闭对话框' },
  },
  en: {
    title: 'Keyboard shortcuts',
    open: 'Shortcuts',
    close: 'Close',
    keys: { search: 'Search the whole workspace', undo: 'Undo your last change (outside a text box)', redo: 'Redo', help: 'Show this sheet', close: 'Close a dialog' },
  },
};
