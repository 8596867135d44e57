import type { Language } from '../languages.js';

/**
 * Default risky-phrase lists, per language. Each entry is a regular expression source matched
 * without word boundaries for Chinese (Chinese has no spaces between words) and with them for
 * English. Teams switch entries off, edit them or add their own (stored in the document).
 */

export const RISK_CATEGORIES = ['liability', 'speculation', 'blame', 'absolute', 'defamation', 'noComment'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export interface RiskyPhrase {
  id: string;
  language: Language;
  category: RiskCategory;
  /** Regular expression source (when isRegex) or literal text. */
  pattern: string;
  isRegex: boolean;
  /** The team's own explanation; empty means the category's standard explanation. */
  reason: string;
}

type Row = [RiskCategory, string];

const ZH_TW: Row[] = [
  ['liability', '(是|為)(我們|本公司|公司)的(錯|責任|過失|疏失)'],
  ['liability', '(負|承擔)(起)?(全部|全|一切|所有|完全)(的)?(法律)?(責任|責)'],
  ['liability', '負全責'],
  ['liability', '(我們|本公司)的?(疏失|過失|失職)(導致|造成|引起)'],
  ['liability', '賠償(所有|一切|全部)(的)?(損失|損害)'],
  ['speculation', '(可能|也許|或許|大概|應該|疑似|推測)是?(因為|由於)'],
  ['speculation', '疑似是?.{0,8}(所致|引起)'],
  ['speculation', '(初步)?(研判|推測|猜測|懷疑)(原因|是)'],
  ['speculation', '(駭客|對手|有心人士)(所為|搞鬼|故意)'],
  ['blame', '(顧客|客戶|消費者|用戶|使用者|民眾|乘客|旅客)(自己|自行)?的?(使用不當|操作不當|錯誤使用|誤用|疏忽|不當使用|過失)'],
  ['blame', '(使用|操作|保存)不當(所致|造成|導致|引起)'],
  ['blame', '(顧客|客戶|消費者|網友|民眾|外界)(誤會|誤解|過度解讀|斷章取義|反應過度)'],
  ['blame', '如有(任何)?誤會'],
  ['absolute', '(絕對|保證|百分之百|100%|完全)(安全|無害|不會|沒有問題)'],
  ['absolute', '(永遠|永不|絕不)(會)?再?(發生|出現|出錯)'],
  ['absolute', '零(風險|缺陷|失誤)'],
  ['defamation', '(造謠|抹黑|惡意中傷|惡意攻擊|居心不良|別有用心|詐騙集團|騙子|網軍|奧客|黑粉)'],
  ['defamation', '(競爭對手|同業|對手)(惡意|刻意|蓄意)'],
  ['noComment', '無可奉告'],
  ['noComment', '不(予|便|作|做)(任何)?(置評|回應|評論|說明|透露)'],
];

const ZH_CN: Row[] = [
  ['liability', '(是|为)(我们|本公司|公司)的(错|责任|过失|疏失)'],
  ['liability', '(负|承担)(起)?(全部|全|一切|所有|完全)(的)?(法律)?(责任|责)'],
  ['liability', '负全责'],
  ['liability', '(我们|本公司)的?(疏失|过失|失职)(导致|造成|引起)'],
  ['liability', '赔偿(所有|一切|全部)(的)?(损失|损害)'],
  ['speculation', '(可能|也许|或许|大概|应该|疑似|推测)是?(因为|由于)'],
  ['speculation', '疑似是?.{0,8}(所致|引起)'],
  ['speculation', '(初步)?(研判|推测|猜测|怀疑)(原因|是)'],
  ['speculation', '(黑客|对手|有心人)(所为|搞鬼|故意)'],
  ['blame', '(顾客|客户|消费者|用户|使用者|群众|乘客|旅客)(自己|自行)?的?(使用不当|操作不当|错误使用|误用|疏忽|不当使用|过失)'],
  ['blame', '(使用|操作|保存)不当(所致|造成|导致|引起)'],
  ['blame', '(顾客|客户|消费者|网友|群众|外界)(误会|误解|过度解读|断章取义|反应过度)'],
  ['blame', '如有(任何)?误会'],
  ['absolute', '(绝对|保证|百分之百|100%|完全)(安全|无害|不会|没有问题)'],
  ['absolute', '(永远|永不|绝不)(会)?再?(发生|出现|出错)'],
  ['absolute', '零(风险|缺陷|失误)'],
  ['defamation', '(造谣|抹黑|恶意中伤|恶意攻击|居心不良|别有用心|诈骗集团|骗子|水军|黑粉)'],
  ['defamation', '(竞争对手|同行|对手)(恶意|刻意|蓄意)'],
  ['noComment', '无可奉告'],
  ['noComment', '不(予|便|作|做)(任何)?(置评|回应|评论|说明|透露)'],
];

const EN: Row[] = [
  ['liability', "(it was|this is|this was|that is) (entirely |all |completely )?our fault"],
  ['liability', 'we (accept|take|assume) (full|complete|all|total) (legal )?(responsibility|liability|blame)'],
  ['liability', 'we are (fully |legally )?liable'],
  ['liability', 'our (negligence|carelessness)'],
  ['liability', 'compensate (for )?(all|every|any) (losses|loss|damages?)'],
  ['speculation', '(probably|likely|possibly|presumably|apparently) (caused by|due to|because)'],
  ['speculation', '(may|might|could) have been caused by'],
  ['speculation', 'we (suspect|speculate|guess)'],
  ['speculation', '(hackers?|competitors?) (are|were|is|was) (behind|responsible)'],
  ['blame', "(customers?|users?|consumers?|passengers?|guests?)('s?)? (own )?(misuse|error|mistake|negligence|carelessness)"],
  ['blame', '(improper|incorrect|wrong) (use|usage|handling|storage) (by|caused|led)'],
  ['blame', '(customers?|users?|people|the public) (misunderstood|overreacted|misinterpreted)'],
  ['blame', 'any misunderstanding'],
  ['absolute', '(100%|completely|absolutely|totally|perfectly|entirely) (safe|harmless|risk-free)'],
  ['absolute', '(will|can) never (happen|occur) again'],
  ['absolute', 'we guarantee'],
  ['absolute', 'zero (risk|defects)'],
  ['defamation', '(liars?|scam(mers)?|frauds?(ters)?|smear campaign|trolls?|malicious rumou?rs?)'],
  ['defamation', 'competitors? (deliberately|maliciously)'],
  ['noComment', 'no comment'],
  ['noComment', "(we|the company) (do not|don't|will not|won't|cannot|can't) comment"],
  ['noComment', 'declined? to comment'],
];

const ROWS: Record<Language, Row[]> = { 'zh-TW': ZH_TW, 'zh-CN': ZH_CN, en: EN };

/** The shipped risky phrases (ids are stable: `<language>:<n>`). */
export const DEFAULT_RISKY_PHRASES: readonly RiskyPhrase[] = (Object.keys(ROWS) as Language[]).flatMap((language) =>
  ROWS[language].map(([category, pattern], i): RiskyPhrase => ({ id: `${language}:${i + 1}`, language, category, pattern, isRegex: true, reason: '' })),
);
