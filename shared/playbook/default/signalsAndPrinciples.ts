import { L, type DefaultWarningSignal } from './shapes.js';
import type { Localized } from '../../languages.js';

/** Early-warning signals with where to watch and when to raise the alarm. Anyone may report one. */
export const DEFAULT_SIGNALS: DefaultWarningSignal[] = [
  {
    kind: L('聲量暴增且負評比例高', '声量激增且负面占比高', 'Volume spike with a high negative share'),
    source: 'social',
    threshold: L(
      '1 小時內提及量達近 7 日平均的 3 倍以上，且負面比例超過 40%',
      '1 小时内提及量达到近 7 日均值的 3 倍以上，且负面占比超过 40%',
      'Mentions within 1 h reach 3× the 7-day baseline and the negative share exceeds 40 %',
    ),
  },
  {
    kind: L('意見領袖發布負面內容', '大V/KOL发布负面内容', 'Key opinion leader posts negatively'),
    source: 'social',
    threshold: L(
      '粉絲 5 萬以上的帳號發布負面內容，或單篇負面貼文在 2 小時內分享超過 500 次',
      '粉丝 5 万以上的账号发布负面内容，或单条负面帖子 2 小时内转发超过 500 次',
      'An account with 50,000+ followers posts negatively, or one negative post passes 500 shares within 2 h',
    ),
  },
  {
    kind: L('同一客訴重複出現', '同类投诉反复出现', 'The same complaint keeps recurring'),
    source: 'reviews',
    threshold: L(
      '24 小時內有 5 則以上評論或客訴指向同一問題，或同一門市、同一商品 3 則以上',
      '24 小时内有 5 条以上评价或投诉指向同一问题，或同一门店、同一商品 3 条以上',
      '5+ reviews or complaints about one issue within 24 h, or 3+ for a single store or product',
    ),
  },
  {
    kind: L('競爭對手散布負面說法', '竞争对手散布负面言论', 'Competitor campaign of negative claims'),
    source: 'social',
    threshold: L(
      '48 小時內出現 3 則以上針對我方的比較廣告或負面說法，或多個新帳號發布相似內容',
      '48 小时内出现 3 条以上针对我方的对比广告或负面言论，或多个新注册账号发布相似内容',
      '3+ attack ads or negative claims aimed at us within 48 h, or several new accounts posting near-identical text',
    ),
  },
  {
    kind: L('媒體詢問或負面報導', '媒体问询或负面报道', 'Media inquiry or negative story'),
    source: 'news',
    threshold: L(
      '任何記者來電詢問，或任一新聞報導以負面角度提及我方；30 分鐘內通報公關部',
      '任何记者来电问询，或任一新闻报道以负面角度提及我方；30 分钟内通报公关部',
      'Any journalist’s inquiry, or any news story that mentions us negatively; tell PR within 30 min',
    ),
  },
  {
    kind: L('論壇熱門討論串', '论坛热帖', 'Trending forum thread'),
    source: 'forum',
    threshold: L(
      '關於我方的討論串登上熱門看板（如 PTT、Dcard），或 2 小時內回覆超過 100 則',
      '关于我方的帖子登上热榜（如百度贴吧、知乎热榜），或 2 小时内回复超过 100 条',
      'A thread about us reaches a forum’s hot list, or gets 100+ replies within 2 h',
    ),
  },
  {
    kind: L('評分明顯下滑', '评分明显下滑', 'Rating drop on review sites'),
    source: 'reviews',
    threshold: L(
      '7 天內平均評分下降 0.3 顆星以上，或 24 小時內出現 10 則以上一星評論',
      '7 天内平均评分下降 0.3 分以上，或 24 小时内出现 10 条以上一星差评',
      'The average rating falls 0.3 stars or more within 7 days, or 10+ one-star reviews arrive within 24 h',
    ),
  },
  {
    kind: L('部落格或長文爆料', '自媒体长文爆料', 'Blog post or long-form exposé'),
    source: 'blog',
    threshold: L(
      '出現附有照片、文件等佐證的爆料文章，無論觸及多寡，30 分鐘內通報',
      '出现附有照片、文件等佐证的爆料文章，无论传播量大小，30 分钟内上报',
      'An exposé with supporting photos or documents appears; report it within 30 min, whatever its reach',
    ),
  },
  {
    kind: L('內部通報', '内部报告', 'Internal report'),
    source: 'internal',
    threshold: L(
      '員工、門市或合作夥伴得知可能曝光的事件（受傷、外洩、主管機關到場稽查），一律在 30 分鐘內通報',
      '员工、门店或合作方得知可能曝光的事件（人员受伤、数据泄露、监管部门现场检查），一律在 30 分钟内上报',
      'Staff, stores or partners learn of an incident likely to become public (injury, leak, regulator visit); always report it within 30 min',
    ),
  },
];

/** The communication principles every reply and statement follows. */
export const DEFAULT_PRINCIPLES: Localized[] = [
  L(
    '快速回應：第一個小時最關鍵，最遲 24 小時內必須正式回應。',
    '快速响应：第一个小时最关键，最迟 24 小时内必须正式回应。',
    'Respond fast: the first hour matters most, and a full response comes within 24 hours at the latest.',
  ),
  L(
    '不刪除、不隱藏、不忽視負面評論。',
    '不删除、不隐藏、不无视负面评论。',
    'Never delete, hide or ignore negative reviews.',
  ),
  L(
    '不情緒化回覆，不在公開場合與網友爭辯。',
    '不做情绪化回复，不在公开场合与网友争辩。',
    'No emotional replies and no public arguments.',
  ),
  L(
    '不用制式回覆：針對每個人、每個問題具體回應。',
    '不用模板化回复：针对每个人、每个问题具体回应。',
    'No boilerplate: answer each person and each issue specifically.',
  ),
  L(
    '不以「我們沒有錯」開場，先回應感受與已知事實。',
    '不以“我们没有错”开场，先回应感受和已知事实。',
    'Do not open by protesting innocence; acknowledge feelings and known facts first.',
  ),
  L(
    '提出具體補救措施（退款、維修、補償、改善），而不只是道歉。',
    '拿出具体补救措施（退款、维修、补偿、整改），而不只是道歉。',
    'Offer concrete remedies (refund, repair, compensation, a fix), not only apologies.',
  ),
  L(
    '口徑一致：不同時間、通路與地區的說法都要一致，只由指定發言人對外發言。',
    '口径统一：不同时间、渠道和地区的说法保持一致，只由指定发言人对外发声。',
    'One voice: keep messages consistent over time, across channels and regions; only the designated spokesperson speaks.',
  ),
  L(
    '在法律許可範圍內保持透明；每份對外聲明都經法務審查。',
    '在法律允许的范围内保持透明；每份对外声明都经法务审核。',
    'Be transparent within the law; every outgoing statement passes legal review.',
  ),
  L(
    '敏感資料依需要知道原則提供，外部夥伴只取得必要資訊。',
    '敏感资料按“最小必要”原则提供，外部合作方只获取必要信息。',
    'Share sensitive material on a need-to-know basis; partners see only what they must.',
  ),
  L(
    '每次危機與演練結束後都要復盤，並據此更新本手冊。',
    '每次危机和演练结束后都要复盘，并据此更新本手册。',
    'Every crisis and every drill ends with a review that updates this playbook.',
  ),
];
