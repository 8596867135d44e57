/**
 * Frequently used Chinese characters, Simplified and Traditional forms together: the ~600 most
 * frequent characters of running text, the most common surnames and given-name characters, and
 * the words of a crisis team's tables (units, titles, crisis types, phases). Used only to tell
 * which decoding of a file's bytes is real text: a file decoded in the wrong one of Big5 and GBK
 * yields valid but rare characters, so the right decoding has by far the larger share of these.
 */
const TEXT_SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敢';
const TEXT_TRADITIONAL =
  '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己製身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根幹造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敢';
const MORE = '詢續監閱審調範圍報導採訪擔負責繼聯繫處理預算員權限職稱傳真門市廠區總部營業據點询续监阅审调范围报导采访担负责继联系处理预算员权限职称传真门市厂区总部营业据点';
const PEOPLE =
  '陈林黄张李王吴刘蔡杨许郑谢郭洪曾邱廖赖周徐苏叶庄吕江何萧罗高潘简朱钟游彭詹施胡沈余卢梁赵颜柯翁魏孙戴范方宋邓杜傅侯曹薛丁卓阮马董温唐蓝蒋石古纪姚连冯欧程汤田康姜白汪邹尤巫黎涂龚严韩袁金童陆夏柳邵钱伍倪于谭骆熊任甘秦顾毛章史官万俞雷饶' +
  '陳黃張吳劉楊許鄭謝賴蘇葉莊呂蕭羅簡鍾盧趙顏孫鄧溫藍蔣紀連馮歐湯鄒龔嚴韓陸錢譚駱顧萬饒' +
  '志明美雅婷豪建国文华伟玲芳淑怡宏俊家佳嘉欣宇翔杰军勇强敏静丽秀英慧娟霞燕红梅琳晓云峰磊涛斌超鹏辉刚平海波宁凯浩然博睿轩子涵萱晨晴雨思琪诗颖珊蓉薇倩芬惠珍珠瑜瑞祥荣德仁义礼信忠孝廷庭彦哲宗育安维' +
  '國華偉傑軍強靜麗紅曉雲濤鵬輝剛寧凱軒詩穎榮義禮彥維';
const CRISIS_TEAM =
  '部处室组课科中心总经理协副董事长秘书主任专员律师发言人顾问客服公关法务资讯信息安全人力资源营运运营财会计稽核采购研发品质管制行销市场业务媒体社群网络网路危机应变小组窗口联络电话手机分机邮件' +
  '處組總經協長書專員師發顧關務資訊運營財會採購質銷場業體網絡網路危機應變聯絡電話機郵' +
  '产品瑕疵谣言个资外泄食品安全劳资纠纷网络攻击舆情负评客诉召回停电火灾地震台风疫情侦测评估回应沟通复原恢复通报声明' +
  '產謠個洩勞糾紛擊輿負評訴電災颱偵測應溝復報聲';

/** The set (one entry per character). */
export const FREQUENT_HANZI: ReadonlySet<string> = new Set([...(TEXT_SIMPLIFIED + TEXT_TRADITIONAL + MORE + PEOPLE + CRISIS_TEAM)]);

/** Whether a character (one code point) is a CJK ideograph. */
export function isHanzi(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** CJK punctuation and full-width forms: neither evidence for nor against a decoding. */
const NEUTRAL = /[\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * How much of the text reads as frequently used Chinese: frequent characters over all non-ASCII
 * characters other than CJK punctuation (kana, box drawing and rare characters, what the wrong
 * decoding yields, count against it). `hanzi` is the number of Chinese characters.
 */
export function frequentShare(text: string): { hanzi: number; share: number } {
  let counted = 0;
  let hanzi = 0;
  let frequent = 0;
  for (const ch of text) {
    if (ch < '\u0080' || NEUTRAL.test(ch)) continue;
    counted++;
    if (!isHanzi(ch)) continue;
    hanzi++;
    if (FREQUENT_HANZI.has(ch)) frequent++;
  }
  return { hanzi, share: counted === 0 ? 0 : frequent / counted };
}
