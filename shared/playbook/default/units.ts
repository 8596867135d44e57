import { L, type DefaultUnit } from './shapes.js';

/** The crisis team: internal units first, then external partners (order of UNIT_KEYS). */
export const DEFAULT_UNITS: DefaultUnit[] = [
  {
    key: 'customerService',
    kind: 'internal',
    name: L('客服部', '客服部', 'Customer Service'),
    duties: L(
      '第一線接觸顧客：安撫情緒、蒐集事實與證據、提供初步補救，並把重複出現的客訴回報給危機處理小組。',
      '一线对接用户：安抚情绪、收集事实和证据、提供初步补救，并把反复出现的投诉及时反馈给危机处理小组。',
      'First contact with customers: calms them down, gathers facts and evidence, offers first remedies and reports recurring complaints to the crisis team.',
    ),
  },
  {
    key: 'pr',
    kind: 'internal',
    name: L('公關部', '公关部', 'Public Relations'),
    duties: L(
      '代表公司對外發言：撰擬聲明與新聞稿、回應媒體、掌握論述方向，並確保各通路訊息一致。',
      '代表公司对外发声：起草声明和新闻稿、应对媒体、把握舆论方向，确保各渠道口径一致。',
      'Speaks for the company: drafts statements and press releases, handles the media, steers the narrative and keeps every channel on one message.',
    ),
  },
  {
    key: 'social',
    kind: 'internal',
    name: L('社群小組', '新媒体运营组', 'Social Media Team'),
    duties: L(
      '監看各社群平台、及早發現負面貼文與聲量異常，並依核定的回覆口徑回應網友。',
      '监测各社交平台，尽早发现负面帖子和声量异常，按审定的口径回复网友。',
      'Watches the platforms, spots negative posts and volume spikes early, and replies under the agreed line.',
    ),
  },
  {
    key: 'legal',
    kind: 'internal',
    name: L('法務部', '法务部', 'Legal'),
    duties: L(
      '評估法律風險、審查每一份對外聲明（避免誹謗或不當承認責任）、保全證據，必要時採取法律行動。',
      '评估法律风险，审核每一份对外声明（避免诽谤或不当承认责任），固定证据，必要时采取法律手段。',
      'Assesses legal exposure, reviews every outgoing statement (no defamation, no accidental admission of liability), secures evidence and takes legal action when needed.',
    ),
  },
  {
    key: 'product',
    kind: 'internal',
    name: L('產品研發部', '产品研发部', 'Product & R&D'),
    duties: L(
      '調查產品問題的根本原因，提出修正方案與時程，並提供對外說明所需的技術事實。',
      '排查产品问题的根本原因，给出整改方案和时间表，并提供对外说明所需的技术事实。',
      'Investigates product faults and their root cause, delivers the fix and its timeline, and supplies the technical facts for public statements.',
    ),
  },
  {
    key: 'marketing',
    kind: 'internal',
    name: L('行銷部', '市场部', 'Marketing'),
    duties: L(
      '危機期間調整或暫停廣告與行銷活動，並與公關部同步訊息。',
      '危机期间调整或暂停广告和营销活动，与公关部保持口径一致。',
      'Adjusts or pauses ads and campaigns during a crisis and keeps them in line with PR.',
    ),
  },
  {
    key: 'executives',
    kind: 'internal',
    name: L('經營團隊', '公司管理层', 'Executive Team'),
    duties: L(
      '依危機等級做出決策、核准資源與對外聲明；重大危機時由高階主管擔任發言人。',
      '根据危机等级做出决策，审批资源和对外声明；重大危机时由高管担任发言人。',
      'Decides according to severity, authorises resources and statements, and provides the spokesperson in a major crisis.',
    ),
  },
  {
    key: 'compliance',
    kind: 'internal',
    name: L('法遵室', '合规部', 'Compliance'),
    duties: L(
      '確認處理過程符合法規與主管機關要求，負責法定通報與後續改善追蹤。',
      '确保处置过程符合法律法规和监管要求，负责依法报告及后续整改跟踪。',
      'Makes sure the response meets laws and regulators’ requirements; handles mandatory reporting and follow-up.',
    ),
  },
  {
    key: 'operations',
    kind: 'internal',
    name: L('營運部', '运营部', 'Operations'),
    duties: L(
      '管理門市、物流與現場作業：暫停販售、調度人力，並執行現場補救措施。',
      '负责门店、物流和现场运营：暂停销售、调配人手，落实现场补救措施。',
      'Runs stores, logistics and on-site operations: halts sales, reassigns staff and carries out on-site remedies.',
    ),
  },
  {
    key: 'hr',
    kind: 'internal',
    name: L('人資部', '人力资源部', 'Human Resources'),
    duties: L(
      '處理勞資爭議與員工相關事件，與員工及工會溝通，並負責內部說明。',
      '处理劳动纠纷和员工相关事件，与员工及工会沟通，并负责内部说明。',
      'Handles labour disputes and staff-related incidents, talks with employees and unions and owns internal communication.',
    ),
  },
  {
    key: 'itSecurity',
    kind: 'internal',
    name: L('資安組', '信息安全部', 'IT Security'),
    duties: L(
      '處理個資外洩與系統入侵：阻斷、鑑識、保全紀錄，並提出補強措施。',
      '处置数据泄露和系统入侵：阻断、取证、保全日志，并提出加固措施。',
      'Handles data leaks and intrusions: containment, forensics, log preservation and security improvements.',
    ),
  },
  {
    key: 'prAgency',
    kind: 'external',
    name: L('公關顧問公司', '公关公司', 'PR Agency'),
    duties: L(
      '提供危機溝通策略、協助擬稿、媒體聯繫與發言人訓練；只取得執行任務所需的資訊。',
      '提供危机传播策略，协助撰稿、媒体对接和发言人培训；仅获取完成任务所需的信息。',
      'Provides crisis communication strategy, drafting, media contacts and spokesperson training; sees only what the task requires.',
    ),
  },
  {
    key: 'lawFirm',
    kind: 'external',
    name: L('合作律師事務所', '合作律师事务所', 'Law Firm'),
    duties: L(
      '提供法律意見、撰擬律師函與文件，並代理訴訟。',
      '提供法律意见，起草律师函和法律文书，并代理诉讼。',
      'Gives legal advice, drafts letters and documents, and handles litigation.',
    ),
  },
  {
    key: 'monitoringVendor',
    kind: 'external',
    name: L('輿情監測廠商', '舆情监测服务商', 'Monitoring Vendor'),
    duties: L(
      '提供社群聆聽與情緒分析，依約定門檻即時發出預警。',
      '提供全网舆情监测和情感分析，按约定阈值实时预警。',
      'Provides social listening and sentiment analysis and raises alerts at the agreed thresholds.',
    ),
  },
];
