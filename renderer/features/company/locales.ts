import type { LocaleBundle } from '../../i18n/resources';

const zhTW = {
  nav: '公司資料',
  title: '公司資料',
  intro: '聲明範本的「公司」與「聯絡窗口」、列印的抬頭與標誌都取自這裡。工作區名稱不會被當成公司名稱。',
  name: '公司正式名稱（通用）',
  names: { 'zh-TW': '正式名稱（繁體中文聲明）', 'zh-CN': '正式名稱（簡體中文聲明）', en: '正式名稱（英文聲明）' },
  letterhead: '抬頭資訊（地址、統一編號等）',
  contact: '媒體／顧客聯絡窗口',
  logo: '公司標誌（PNG 或 JPEG，200 KB 以內）',
  removeLogo: '移除標誌',
  save: '儲存公司資料',
  saved: '已儲存。',
  missing: '尚未設定公司正式名稱：聲明與列印會顯示「公司名稱未設定」。',
  missingName: '［公司名稱未設定］',
  errors: { nameTooLong: '名稱最多 200 字。', lineTooLong: '最多 300 字。', logoTooLarge: '標誌檔案太大（上限 200 KB）。', logoType: '標誌只接受 PNG 或 JPEG。', logoRead: '無法讀取這個檔案。' },
};
const zhCN = {
  nav: '公司资料',
  title: '公司资料',
  intro: '声明模板的“公司”与“联系窗口”、打印的抬头与标志都取自这里。工作区名称不会被当成公司名称。',
  name: '公司正式名称（通用）',
  names: { 'zh-TW': '正式名称（繁体中文声明）', 'zh-CN': '正式名称（简体中文声明）', en: '正式名称（英文声明）' },
  letterhead: '抬头信息（地址、统一社会信用代码等）',
  contact: '媒体／顾客联系窗口',
  logo: '公司标志（PNG 或 JPEG，200 KB 以内）',
  removeLogo: '移除标志',
  save: '保存公司资料',
  saved: '已保存。',
  missing: '尚未设置公司正式名称：声明与打印会显示“公司名称未设置”。',
  missingName: '［公司名称未设置］',
  errors: { nameTooLong: '名称最多 200 字。', lineTooLong: '最多 300 字。', logoTooLarge: '标志文件太大（上限 200 KB）。', logoType: '标志只接受 PNG 或 JPEG。', logoRead: '无法读取这个文件。' },
};
const en = {
  nav: 'Company',
  title: 'Company profile',
  intro: 'Statement templates take the company and the contact line from here; prints take the letterhead and logo. The workspace name is never used as the company name.',
  name: 'Legal name (general)',
  names: { 'zh-TW': 'Legal name (Traditional Chinese statements)', 'zh-CN': 'Legal name (Simplified Chinese statements)', en: 'Legal name (English statements)' },
  letterhead: 'Letterhead line (address, registration number…)',
  contact: 'Press / customer contact line',
  logo: 'Logo (PNG or JPEG, up to 200 KB)',
  removeLogo: 'Remove logo',
  save: 'Save company profile',
  saved: 'Saved.',
  missing: 'No legal name yet: statements and prints will say the company name is missing.',
  missingName: '[company name not set]',
  errors: { nameTooLong: 'At most 200 characters.', lineTooLong: 'At most 300 characters.', logoTooLarge: 'The logo file is too large (200 KB at most).', logoType: 'The logo must be a PNG or JPEG.', logoRead: 'This file could not be read.' },
};

export const companyLocales: LocaleBundle = { 'zh-TW': zhTW, 'zh-CN': zhCN, en };
