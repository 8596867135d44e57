import { T, type LibraryScenario } from './shapes.js';

/** An airline's overbooking incident: apology, upgrade/hotel/meals, fix the booking system. */
export const OVERBOOKING: LibraryScenario = {
  key: 'airline-overbooking',
  crisisTypeKey: 'overbooking',
  title: T('航空公司超賣機位事件', '航空公司超售机位事件', 'Airline overbooking incident'),
  summary: T(
    '晴空航空晚班機超賣二十二個座位，登機門前旅客與地勤爆發衝突，影片上網後引發抵制聲浪。',
    '晴空航空晚班航班超售二十二个座位，登机口旅客与地勤发生冲突，视频上网后引发抵制声浪。',
    'A Clearsky Airlines evening flight is oversold by 22 seats; a clash between passengers and ground staff at the gate is filmed and a boycott call follows.',
  ),
  injects: [
    {
      offsetMinutes: 0,
      channel: 'social',
      content: T(
        '旅客上傳影片：地勤在登機門大聲要求一家三口「把位子讓出來」，孩子在旁哭泣。影片半小時內觀看十萬次。',
        '旅客上传视频：地勤在登机口大声要求一家三口“把座位让出来”，孩子在旁边哭。视频半小时内播放十万次。',
        'A passenger posts a video of ground staff loudly telling a family of three to "give up your seats" while a child cries; 100,000 views in half an hour.',
      ),
      expectedResponse: T(
        '記錄訊號並通報；確認航班與現場狀況；社群回覆已關注並正在處理，不辯解。',
        '登记信号并通报；核实航班和现场情况；社交平台回复已关注并在处理，不辩解。',
        'Log and escalate; confirm the flight and what is happening at the gate; reply online that the team is on it, no excuses.',
      ),
      stepIndex: 0,
    },
    {
      offsetMinutes: 10,
      channel: 'customer',
      content: T(
        '登機門前二十多位旅客聚集要求說法，有人表示明早要參加婚禮、有人要轉機。',
        '登机口前二十多位旅客聚集要求说法，有人说明早要参加婚礼，有人要转机。',
        'Over twenty passengers crowd the gate demanding answers; one has a wedding tomorrow morning, others have connections.',
      ),
      expectedResponse: T(
        '主管到場致歉；依自願優先原則徵求改搭，提供升等、住宿、餐券與補償金；逐一登記需求。',
        '主管到场致歉；按自愿优先原则征集改签，提供升舱、住宿、餐券和补偿金；逐一登记需求。',
        'A manager apologises in person; ask for volunteers first, offering upgrades, hotel, meal vouchers and cash compensation; log each passenger’s needs.',
      ),
      stepIndex: 0,
    },
    {
      offsetMinutes: 25,
      channel: 'kol_video',
      content: T(
        '百萬訂閱的旅遊 YouTuber 轉發影片並評論：「這就是把乘客當貨物。」',
        '百万粉丝的旅行博主转发视频并评论：“这就是把乘客当货物。”',
        'A travel vlogger with a million followers shares the video: "This is treating passengers like cargo."',
      ),
      expectedResponse: T(
        '準備初步聲明：致歉、說明現場已提供的安排、後續聯絡方式；送法務審查後發布。',
        '准备初步声明：致歉、说明现场已提供的安排、后续联系方式；经法务审核后发布。',
        'Draft the holding statement: apology, what has been offered at the gate, how to reach the airline; publish after legal review.',
      ),
      stepIndex: 1,
    },
    {
      offsetMinutes: 40,
      channel: 'media_call',
      content: T(
        '新聞台記者來電：「超賣是航空業慣例嗎？你們會不會賠償？」要求十分鐘內回覆。',
        '新闻台记者来电：“超售是航空业惯例吗？你们会不会赔偿？”要求十分钟内回复。',
        'A news channel calls: "Is overbooking normal practice? Will you compensate?" and wants an answer within ten minutes.',
      ),
      expectedResponse: T(
        '發言人以核准的聲明回應；不以「業界慣例」開脫；說明補償內容與後續改善。',
        '发言人按核准的声明回应；不用“行业惯例”开脱；说明补偿内容和后续改进。',
        'The spokesperson answers from the approved statement; do not hide behind "industry practice"; state the compensation and the next steps.',
      ),
      stepIndex: 1,
    },
    {
      offsetMinutes: 60,
      channel: 'internal',
      content: T(
        '地勤主管回報：現場權限只能發放餐券，升等與住宿需要總部核准，旅客越來越激動。',
        '地勤主管反馈：现场权限只能发放餐券，升舱和住宿需要总部批准，旅客情绪越来越激动。',
        'The ground-staff lead reports that on-site staff may only hand out meal vouchers; upgrades and hotels need head-office approval, and passengers are getting angrier.',
      ),
      expectedResponse: T(
        '高階主管當場授權擴大補償權限；記錄這個決策；事後檢討授權流程。',
        '高管当场授权扩大补偿权限；记录这一决策；事后复盘授权流程。',
        'An executive grants wider compensation authority on the spot; log the decision; review the approval flow afterwards.',
      ),
      stepIndex: 2,
    },
    {
      offsetMinutes: 90,
      channel: 'regulator_letter',
      content: T(
        '民航主管機關來函，要求於兩日內提出本次拒絕登機的處理報告與補償是否符合規定。',
        '民航监管部门来函，要求两日内提交此次拒绝登机的处理报告以及补偿是否合规的说明。',
        'The aviation authority asks for a report within two days on the denied boarding and whether compensation met the rules.',
      ),
      expectedResponse: T(
        '法務與營運蒐集航班資料、補償紀錄；確認補償符合規範；回覆內容與對外說法一致。',
        '法务和运营收集航班数据、补偿记录；确认补偿合规；回复内容与对外口径一致。',
        'Legal and operations collect the flight data and compensation records; confirm compliance; keep the reply consistent with public statements.',
      ),
      stepIndex: 3,
    },
    {
      offsetMinutes: 120,
      channel: 'social',
      content: T(
        '「#拒搭晴空」登上熱搜，網友翻出三年前的另一起超賣事件。',
        '“#拒乘晴空”登上热搜，网友翻出三年前的另一起超售事件。',
        '#BoycottClearsky trends, and users dig up another overbooking case from three years ago.',
      ),
      expectedResponse: T(
        '不刪留言；更新聲明，說明已聯繫每位受影響旅客與補償進度；承諾檢討超賣政策。',
        '不删评论；更新声明，说明已联系每位受影响旅客及补偿进度；承诺复盘超售政策。',
        'Do not delete comments; update the statement with how every affected passenger was contacted and compensated; commit to reviewing the overbooking policy.',
      ),
      stepIndex: 2,
    },
    {
      offsetMinutes: 165,
      channel: 'media_call',
      content: T(
        '財經週刊追問：訂位系統的超賣比例怎麼設定？會不會調整？',
        '财经周刊追问：订票系统的超售比例如何设定？会不会调整？',
        'A business weekly asks how the booking system sets its overbooking ratio and whether it will change.',
      ),
      expectedResponse: T(
        '說明訂位系統的檢討方向與時程（降低超賣比例、提前徵求自願者）；由高階主管出面。',
        '说明订票系统的复盘方向和时间表（降低超售比例、提前征集自愿者）；由高管出面。',
        'Explain how and when the booking system will change (lower overbooking ratio, asking for volunteers earlier); an executive fronts it.',
      ),
      stepIndex: 3,
    },
  ],
};
