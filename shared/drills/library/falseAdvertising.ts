import { T, type LibraryScenario } from './shapes.js';

/** An e-commerce platform's false-advertising row: stop the ads, apologise, tighten review, compensate. */
export const FALSE_ADVERTISING: LibraryScenario = {
  key: 'ecommerce-false-advertising',
  crisisTypeKey: 'falseAdvertising',
  title: T('電商平台不實廣告風波', '电商平台虚假宣传风波', 'E-commerce false-advertising row'),
  summary: T(
    '好物市集首頁主打的「100% 蠶絲被」被消費者送驗，結果是聚酯纖維；檢驗報告在網路瘋傳，消保團體與主管機關關注。',
    '好物集市首页主推的“100%桑蚕丝被”被消费者送检，结果是聚酯纤维；检测报告在网上疯传，消协和监管部门关注。',
    'Goodfind Market’s front-page "100% silk duvet" turns out to be polyester in a shopper’s lab test; the report goes viral and consumer groups and the regulator take notice.',
  ),
  injects: [
    {
      offsetMinutes: 0,
      channel: 'social',
      content: T(
        '消費者在 Dcard 貼出送驗報告：「好物市集首頁的 100% 蠶絲被，驗出來是聚酯纖維。」附商品頁截圖，登上熱門。',
        '消费者在小红书晒出送检报告：“好物集市首页的100%桑蚕丝被，检出来是聚酯纤维。”附商品页截图，登上热门。',
        'A shopper posts a lab report: "Goodfind’s front-page 100% silk duvet tested as polyester," with a screenshot of the product page. It trends.',
      ),
      expectedResponse: T(
        '記錄訊號並通報；先下架該商品頁與相關廣告；社群小組回覆將立即調查，不否認、不爭辯。',
        '登记信号并通报；先下架该商品页和相关广告；新媒体运营组回复将立即调查，不否认、不争辩。',
        'Log and escalate; take the listing and its ads down first; the social team replies that it is investigating now, no denial, no argument.',
      ),
      stepIndex: 0,
    },
    {
      offsetMinutes: 20,
      channel: 'kol_video',
      content: T(
        '消費權益 YouTuber 直播開箱另一件同款商品並現場燃燒測試，標題〈平台放任假貨？〉。',
        '消费维权博主直播开箱另一件同款商品并现场做燃烧测试，标题《平台纵容假货？》。',
        'A consumer-rights streamer unboxes another of the same duvets live and runs a burn test, titled "Does the platform let fakes through?"',
      ),
      expectedResponse: T(
        '監看直播內容並整理重點；準備初步聲明：致歉、已下架、退款方式、正在檢討審核流程；送法務審查。',
        '监测直播内容并整理要点；准备初步声明：致歉、已下架、退款方式、正在复盘审核流程；提交法务审核。',
        'Monitor and summarise the stream; draft the holding statement: apology, listing removed, how to get a refund, review process under scrutiny; send to legal.',
      ),
      stepIndex: 1,
    },
    {
      offsetMinutes: 35,
      channel: 'customer',
      content: T(
        '兩小時內湧入三百多件退貨申請，客服排隊等候時間超過四十分鐘。',
        '两小时内涌入三百多件退货申请，客服排队等待时间超过四十分钟。',
        'Over 300 return requests arrive within two hours; the customer-service queue passes forty minutes.',
      ),
      expectedResponse: T(
        '開設專屬退款流程（免寄回、全額退款）；增派客服人力；在首頁公告退款方式。',
        '开通专属退款通道（无需寄回、全额退款）；增派客服人手；在首页公告退款方式。',
        'Open a dedicated refund path (full refund, no return needed); add agents; announce the refund route on the front page.',
      ),
      stepIndex: 2,
    },
    {
      offsetMinutes: 50,
      channel: 'media_call',
      content: T(
        '財經媒體記者詢問：平台是否審查賣家的廣告宣稱？過去是否發生過類似情況？',
        '财经媒体记者询问：平台是否审核商家的宣传用语？过去是否发生过类似情况？',
        'A business reporter asks whether the platform checks sellers’ claims and whether this has happened before.',
      ),
      expectedResponse: T(
        '發言人依已核准的聲明回應；說明已採取的措施與將強化的審核機制；不推給賣家了事。',
        '发言人按已核准的声明回应；说明已采取的措施和将强化的审核机制；不把责任推给商家了事。',
        'The spokesperson answers from the approved statement; describe actions taken and the stricter review to come; do not simply blame the seller.',
      ),
      stepIndex: 1,
    },
    {
      offsetMinutes: 75,
      channel: 'internal',
      content: T(
        '行銷部提醒：今晚八點的週年慶檔期，首頁橫幅仍有三檔「純天然」「100%」字樣的商品。',
        '市场部提醒：今晚八点的周年庆活动，首页横幅仍有三款带“纯天然”“100%”字样的商品。',
        'Marketing warns that tonight’s 8 pm anniversary sale still has three front-page banners saying "all natural" or "100%".',
      ),
      expectedResponse: T(
        '暫停或調整週年慶相關素材；行銷與法務逐項檢查宣稱用語；與公關對齊訊息。',
        '暂停或调整周年庆相关素材；市场部和法务逐项核查宣传用语；与公关对齐口径。',
        'Pause or change the sale creatives; marketing and legal check every claim; align the message with PR.',
      ),
      stepIndex: 0,
    },
    {
      offsetMinutes: 100,
      channel: 'regulator_letter',
      content: T(
        '主管機關來函，要求三日內說明該商品廣告內容、賣家資料與平台審核流程。',
        '市场监管部门来函，要求三日内说明该商品广告内容、商家信息及平台审核流程。',
        'The regulator writes asking, within three days, for the ad content, the seller’s details and the platform’s review process.',
      ),
      expectedResponse: T(
        '法務指派窗口並蒐集資料；保全商品頁與廣告的歷史版本；回函內容與對外說法一致。',
        '法务指定对接人并收集资料；保全商品页和广告的历史版本；回函内容与对外口径一致。',
        'Legal names a liaison and gathers the material; preserve past versions of the listing and ads; keep the reply consistent with what was said publicly.',
      ),
      stepIndex: 3,
    },
    {
      offsetMinutes: 130,
      channel: 'social',
      content: T(
        '賣家在粉專發文反擊：「文案是平台審過才上的。」並貼出與平台人員的對話截圖。',
        '商家在店铺主页发文反击：“文案是平台审核通过才上线的。”并贴出与平台工作人员的聊天截图。',
        'The seller hits back on its page: "The platform approved our copy," posting a chat screenshot with platform staff.',
      ),
      expectedResponse: T(
        '先內部查證截圖；若屬實坦承審核疏失並說明改善；不在網路上與賣家互相指責。',
        '先内部核实截图；如属实坦诚承认审核疏漏并说明整改；不在网上与商家互相指责。',
        'Verify the screenshot internally first; if true, own the review lapse and state the fix; no public blame game with the seller.',
      ),
      stepIndex: 3,
    },
    {
      offsetMinutes: 170,
      channel: 'media_call',
      content: T(
        '晚報追蹤報導：平台是否已全面清查同類商品？受害消費者會得到什麼補償？',
        '晚报跟踪报道：平台是否已全面排查同类商品？受影响消费者会得到什么补偿？',
        'The evening paper follows up: has the platform checked all similar products, and what will affected buyers receive?',
      ),
      expectedResponse: T(
        '公布清查結果、下架數量與新的審核規則；說明補償內容（全額退款加購物金）與申請期限。',
        '公布排查结果、下架数量和新的审核规则；说明补偿内容（全额退款加购物券）和申请期限。',
        'Publish what the sweep found, how many listings came down and the new review rules; state the compensation (full refund plus store credit) and the claim period.',
      ),
      stepIndex: 2,
    },
  ],
};
