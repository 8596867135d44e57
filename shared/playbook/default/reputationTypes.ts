import { DAY, HOUR, L, type DefaultCrisisType } from './shapes.js';

/** Types about what is said: rumours, attacks and the company's own messages. */
export const REPUTATION_TYPES: DefaultCrisisType[] = [
  {
    key: 'rumour',
    serious: true,
    name: L('不實指控／謠言', '不实指控/谣言', 'False accusation or rumour'),
    description: L(
      '網路上流傳與事實不符的指控或傳言，損害公司或產品的信譽。',
      '网上流传与事实不符的指控或谣言，损害公司或产品的声誉。',
      'False claims or rumours about the company or its products circulate online and damage trust.',
    ),
    response: L(
      '先查證事實並保全證據，再以具體證據公開澄清，語氣平和、不攻擊發文者；惡意散布或情節嚴重時，由法務部評估採取法律行動。',
      '先核实事实并固定证据，再用具体证据公开澄清，语气克制，不攻击发帖人；恶意传播或情节严重的，由法务部评估采取法律手段。',
      'Check the facts and secure evidence, then publish a calm clarification backed by that evidence without attacking the poster; if the rumour is malicious or serious, Legal assesses legal action.',
    ),
    firstResponder: 'pr',
    steps: [
      {
        title: L('保全證據並追查來源', '固定证据并追溯源头', 'Capture evidence and trace the source'),
        owner: 'social',
        targetMinutes: 30,
        checklist: [
          L('截圖並保存貼文網址與發布時間', '截图并保存原帖链接和发布时间', 'Screenshot the posts and keep their links and timestamps'),
          L('找出最早發文者與主要轉傳帳號', '找出最早发布者和主要转发账号', 'Identify the first poster and the main spreaders'),
          L('估算觸及人數', '估算传播量', 'Estimate the reach'),
        ],
      },
      {
        title: L('發布初步回應', '发布初步回应', 'Post a first response'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('表明已注意到此事並正在查證', '表明已关注到此事并正在核实', 'Say we have seen it and are checking the facts'),
          L('不重述謠言的具體內容', '不复述谣言的具体内容', 'Do not repeat the rumour’s wording'),
        ],
      },
      {
        title: L('以證據公開澄清', '用证据公开澄清', 'Publish a clarification with evidence'),
        owner: 'pr',
        targetMinutes: 8 * HOUR,
        checklist: [
          L('附上檢驗報告、單據或第三方證明', '附上检测报告、单据或第三方证明', 'Attach test reports, records or third-party proof'),
          L('經法務審查後發布', '经法务审核后发布', 'Release after legal review'),
          L('同步提供給媒體與合作夥伴', '同步提供给媒体和合作伙伴', 'Share it with the media and partners at the same time'),
        ],
      },
      {
        title: L('評估法律行動', '评估法律手段', 'Assess legal action'),
        owner: 'legal',
        targetMinutes: 2 * DAY,
        checklist: [
          L('評估是否構成誹謗或妨害名譽', '评估是否构成诽谤或侵犯名誉权', 'Assess whether it amounts to defamation'),
          L('必要時委請律師發函或提告', '必要时委托律师发函或起诉', 'If needed, have the law firm send a letter or sue'),
          L('向平台檢舉並要求移除不實內容', '向平台投诉并要求删除不实内容', 'Ask the platforms to remove the false content'),
        ],
      },
    ],
    escalation: [
      { unit: 'pr', withinMinutes: 30, note: L('社群小組發現後立即通報', '新媒体运营组发现后立即通报', 'The social team alerts PR as soon as it spots the rumour') },
      { unit: 'legal', withinMinutes: HOUR, note: L('保全證據並評估法律風險', '固定证据并评估法律风险', 'Secures evidence and assesses legal exposure') },
      { unit: 'executives', withinMinutes: 4 * HOUR, note: L('涉及高層、安全問題或可能影響股價時通報', '涉及高管、安全问题或可能影响股价时上报', 'Alert executives if it involves them or safety, or could move the share price') },
      { unit: 'lawFirm', withinMinutes: DAY, note: L('決定採取法律行動時委任', '决定采取法律手段时委托', 'Retained once legal action is decided') },
    ],
  },
  {
    key: 'competitorAttack',
    serious: false,
    name: L('競爭對手攻擊', '竞争对手恶意攻击', 'Competitor attack'),
    description: L(
      '競爭對手或其委託的帳號散布負面說法、比較廣告或假評論。',
      '竞争对手或其雇佣的账号散布负面言论、对比广告或虚假差评。',
      'A competitor, or accounts working for one, spreads negative claims, attack ads or fake reviews.',
    ),
    response: L(
      '保持冷靜、不以牙還牙；完整保存證據，以事實與數據回應不實內容；情節嚴重時由法務部採取法律行動並向平台檢舉。',
      '保持冷静，不做情绪化回击；完整固定证据，用事实和数据回应不实内容；情节严重的，由法务部采取法律手段并向平台举报。',
      'Stay calm and do not retaliate; keep complete evidence and answer false claims with facts and data; when it is serious, Legal takes action and reports to the platforms.',
    ),
    firstResponder: 'pr',
    steps: [
      {
        title: L('蒐證與監測', '取证与监测', 'Collect evidence and monitor'),
        owner: 'social',
        targetMinutes: HOUR,
        checklist: [
          L('保存貼文、廣告與帳號資料', '保存帖子、广告和账号信息', 'Save the posts, ads and account details'),
          L('分析是否為集中或同一來源的發文', '分析是否为集中或同源发布', 'Check for coordinated or same-source posting'),
        ],
      },
      {
        title: L('評估是否違法', '评估是否违法', 'Assess legality'),
        owner: 'legal',
        targetMinutes: 4 * HOUR,
        checklist: [
          L('評估是否構成不公平競爭或誹謗', '评估是否构成不正当竞争或诽谤', 'Assess unfair competition or defamation'),
          L('決定是否委請律師', '决定是否委托律师', 'Decide whether to retain the law firm'),
        ],
      },
      {
        title: L('以事實回應', '用事实回应', 'Respond with facts'),
        owner: 'pr',
        targetMinutes: 8 * HOUR,
        checklist: [
          L('只回應具體的不實內容，不點名攻擊對方', '只回应具体的不实内容，不点名攻击对方', 'Address only the specific false claims; never attack the competitor by name'),
          L('以數據、檢驗或認證佐證', '用数据、检测报告或认证佐证', 'Back the reply with data, tests or certifications'),
        ],
      },
      {
        title: L('採取法律或平台行動', '采取法律或平台措施', 'Take legal or platform action'),
        owner: 'legal',
        targetMinutes: 3 * DAY,
        checklist: [
          L('向平台檢舉假帳號與假評論', '向平台举报虚假账号和虚假评价', 'Report fake accounts and reviews to the platforms'),
          L('情節嚴重時發律師函或提告', '情节严重时发律师函或起诉', 'Send a legal letter or sue when it is serious'),
        ],
      },
    ],
    escalation: [
      { unit: 'pr', withinMinutes: HOUR, note: L('社群小組發現疑似有組織的攻擊時通報', '新媒体运营组发现疑似有组织的攻击时通报', 'The social team alerts PR to a suspected organised attack') },
      { unit: 'legal', withinMinutes: 4 * HOUR, note: L('判斷是否違法並保全證據', '判断是否违法并固定证据', 'Judges legality and secures evidence') },
      { unit: 'executives', withinMinutes: DAY, note: L('決定是否提告或公開回應對手', '决定是否起诉或公开回应对手', 'Decide whether to sue or answer the competitor publicly') },
    ],
  },
  {
    key: 'marketingControversy',
    serious: true,
    name: L('行銷爭議', '营销争议', 'Marketing controversy'),
    description: L(
      '廣告或行銷活動因冒犯、歧視或用語不當而引發眾怒。',
      '广告或营销活动因冒犯、歧视或表述不当引发众怒。',
      'An ad or campaign offends people or is seen as insensitive, triggering public anger.',
    ),
    response: L(
      '立即下架或暫停廣告與相關貼文，真誠道歉、不辯解，並說明修正內容與內部審核的改善。',
      '立即下架或暂停广告及相关内容，真诚致歉、不辩解，并说明整改内容和内部审核的改进。',
      'Pull or pause the ad and related posts at once, apologise sincerely without excuses, and explain the correction and how review will change.',
    ),
    firstResponder: 'marketing',
    steps: [
      {
        title: L('暫停廣告與活動', '暂停广告和活动', 'Pause the ad and the campaign'),
        owner: 'marketing',
        targetMinutes: 30,
        checklist: [
          L('下架所有通路的廣告素材', '下架所有渠道的广告素材', 'Take the creative down on every channel'),
          L('通知廣告代理商與合作夥伴停止投放', '通知广告代理商和合作方停止投放', 'Tell agencies and partners to stop running it'),
        ],
      },
      {
        title: L('公開道歉', '公开致歉', 'Apologise publicly'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('明確指出不當之處，不說「造成誤會」', '明确指出不妥之处，不说“引起误会”', 'Name what was wrong; avoid “sorry for any misunderstanding”'),
          L('說明廣告已下架', '说明广告已下架', 'Say the ad has been pulled'),
          L('由公關部與法務部共同審閱', '由公关部和法务部共同审核', 'Reviewed by PR and Legal together'),
        ],
      },
      {
        title: L('修正並強化審核', '整改并加强审核', 'Correct and tighten review'),
        owner: 'marketing',
        targetMinutes: 2 * DAY,
        checklist: [
          L('修改或撤換素材', '修改或撤换素材', 'Fix or replace the creative'),
          L('上線前增加多元觀點的審核', '上线前增加多元视角的审核', 'Add a pre-launch review by people with diverse views'),
          L('公布改善措施', '公布整改措施', 'Publish what will change'),
        ],
      },
    ],
    escalation: [
      { unit: 'pr', withinMinutes: 30, note: L('行銷部發現負面反應時立即通報', '市场部发现负面反馈时立即通报', 'Marketing alerts PR as soon as negative reactions appear') },
      { unit: 'executives', withinMinutes: 2 * HOUR, note: L('登上熱門話題或媒體報導時通報', '登上热搜或被媒体报道时上报', 'Alert executives once it trends or the media reports it') },
      { unit: 'prAgency', withinMinutes: 4 * HOUR, note: L('需要外部協助擬稿與媒體溝通時委請', '需要外部协助撰稿和媒体沟通时委托', 'Brought in when outside help with drafting and media is needed') },
    ],
  },
  {
    key: 'falseAdvertising',
    serious: true,
    name: L('不實廣告', '虚假宣传', 'False advertising'),
    description: L(
      '廣告或商品頁的說法被指誇大或與事實不符，消費者要求退費或向主管機關檢舉。',
      '广告或商品详情页被指夸大或与实际不符，消费者要求退款或向监管部门投诉举报。',
      'Claims in ads or on product pages are called exaggerated or untrue; customers demand refunds or complain to the authorities.',
    ),
    response: L(
      '立即停播並下架爭議內容，公開道歉，提出退費或補償方案，並說明如何加強廣告審核。',
      '立即停止投放并下架争议内容，公开致歉，提出退款或补偿方案，并说明如何加强广告审核。',
      'Stop the ads and take the disputed content down, apologise publicly, offer refunds or compensation and explain how ad review will be tightened.',
    ),
    firstResponder: 'marketing',
    steps: [
      {
        title: L('停播並下架內容', '停止投放并下架内容', 'Stop the ads and pull the content'),
        owner: 'marketing',
        targetMinutes: 30,
        checklist: [
          L('停止所有通路的投放', '停止所有渠道的投放', 'Stop every channel'),
          L('保存原始素材以供查核', '保存原始素材以备核查', 'Keep the original creative for review'),
        ],
      },
      {
        title: L('公開道歉', '公开致歉', 'Apologise publicly'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('承認說法不當，不推給代理商', '承认表述不当，不把责任推给代理商', 'Admit the claim was wrong; do not blame the agency'),
          L('說明退費或補償的方式', '说明退款或补偿的方式', 'Explain how refunds or compensation work'),
        ],
      },
      {
        title: L('執行補償方案', '落实补偿方案', 'Run the compensation offer'),
        owner: 'customerService',
        targetMinutes: DAY,
        checklist: [
          L('開設退費申請管道', '开通退款申请渠道', 'Open a refund channel'),
          L('主動通知已購買的顧客', '主动通知已购买的用户', 'Notify buyers proactively'),
        ],
      },
      {
        title: L('強化廣告審核', '加强广告审核', 'Tighten ad review'),
        owner: 'compliance',
        targetMinutes: 7 * DAY,
        checklist: [
          L('建立上線前的法遵審查', '建立上线前的合规审核', 'Add a pre-launch compliance check'),
          L('為行銷人員開設廣告法規課程', '对营销人员开展广告法培训', 'Train marketing staff on advertising law'),
        ],
      },
    ],
    escalation: [
      { unit: 'pr', withinMinutes: 30, note: L('行銷部收到檢舉或負評時通報', '市场部收到举报或差评时通报', 'Marketing alerts PR on complaints or negative reviews') },
      { unit: 'legal', withinMinutes: HOUR, note: L('評估廣告法規風險與補償條件', '评估广告法风险和补偿条款', 'Assesses advertising-law exposure and remedy terms') },
      { unit: 'executives', withinMinutes: 2 * HOUR, note: L('核准補償預算', '审批补偿预算', 'Approve the compensation budget') },
      { unit: 'compliance', withinMinutes: DAY, note: L('主管機關介入時負責應對', '监管部门介入时负责对接', 'Handles the regulator if it steps in') },
    ],
  },
];
