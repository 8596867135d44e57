import type { LocaleBundle } from '../../i18n/resources';

const zhTW = {
  open: '搜尋',
  shortcut: 'Ctrl+K',
  placeholder: '搜尋劇本、聲明、事件、決策、人員、演練…',
  label: '搜尋整個工作區',
  empty: '找不到「{{query}}」',
  hint: '輸入關鍵字，中文不需空格；多個關鍵字用空格分開。按 Enter 前往，Esc 關閉。',
  kinds: { statement: '聲明', incident: '事件', decision: '決策', playbook: '劇本', person: '人員', unit: '單位', drill: '演練情境' },
  count_one: '{{count}} 筆結果',
  count_other: '{{count}} 筆結果',
};

const zhCN = {
  open: '搜索',
  shortcut: 'Ctrl+K',
  placeholder: '搜索预案、声明、事件、决策、人员、演练…',
  label: '搜索整个工作区',
  empty: '找不到“{{query}}”',
  hint: '输入关键词，中文无需空格；多个关键词用空格分开。按 Enter 前往，Esc 关闭。',
  kinds: { statement: '声明', incident: '事件', decision: '决策', playbook: '预案', person: '人员', unit: '单位', drill: '演练情景' },
  count_one: '{{count}} 条结果',
  count_other: '{{count}} 条结果',
};

const en = {
  open: 'Search',
  shortcut: 'Ctrl+K',
  placeholder: 'Search playbook, statements, incidents, decisions, people, drills…',
  label: 'Search the whole workspace',
  empty: 'Nothing found for “{{query}}”',
  hint: 'Type a word (Chinese needs no spaces); separate several words with spaces. Enter opens, Esc closes.',
  kinds: { statement: 'Statement', incident: 'Incident', decision: 'Decision', playbook: 'Playbook', person: 'Person', unit: 'Unit', drill: 'Drill scenario' },
  count_one: '{{count}} result',
  count_other: '{{count}} results',
};

export const searchLocales: LocaleBundle = { 'zh-TW': zhTW, 'zh-CN': zhCN, en };
