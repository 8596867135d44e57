import { T, type LibraryScenario } from './shapes.js';

/** A restaurant chain's food-poisoning outbreak: apology, medical costs, closed stores, lab results. */
export const FOOD_POISONING: LibraryScenario = {
  key: 'restaurant-food-poisoning',
  crisisTypeKey: 'foodSafety',
  title: T('連鎖餐廳集體食物中毒', '连锁餐厅集体食物中毒', 'Restaurant chain food-poisoning outbreak'),
  summary: T(
    '禾豐餐飲旗下一家分店週末晚餐後，多名顧客出現嘔吐、腹瀉，消息在社群延燒，媒體與衛生主管機關相繼介入。',
    '禾丰餐饮旗下一家门店周末晚餐后，多名顾客出现呕吐、腹泻，消息在社交平台发酵，媒体和卫生监管部门相继介入。',
    'After a weekend dinner at one Hefeng Dining branch, several guests fall ill with vomiting and diarrhoea; the story spreads online and the media and health authority step in.',
  ),
  injects: [
    {
      offsetMinutes: 0,
      channel: 'social',
      content: T(
        '網友在臉書發文：「昨晚全家在禾豐信義店吃飯，今天四個人上吐下瀉，兩個送急診。」附上收據與急診照片，一小時內分享破兩千次。',
        '网友在微博发帖：“昨晚全家在禾丰新街口店吃饭，今天四个人上吐下泻，两个进了急诊。”附上小票和急诊照片，一小时内转发超过两千次。',
        'A guest posts: "Our family ate at Hefeng’s downtown branch last night; today four of us are vomiting and two are in the ER." With the receipt and ER photos, shared 2,000 times within an hour.',
      ),
      expectedResponse: T(
        '記錄預警訊號並通報危機處理小組；評估危機等級；客服私訊聯繫發文者表達關心並了解用餐細節；不刪文、不爭辯。',
        '登记预警信号并通报应急小组；评估危机等级；客服私信联系发帖人表达关心并了解就餐细节；不删帖、不争辩。',
        'Log the signal and alert the crisis team; assess severity; customer service reaches the poster privately with concern and asks for the details of the meal; no deleting, no arguing.',
      ),
      stepIndex: 1,
    },
    {
      offsetMinutes: 15,
      channel: 'customer',
      content: T(
        '客服專線半小時內接到七通電話，來自兩家分店的顧客都說週六晚餐後身體不適，其中一位提到吃了海鮮燉飯。',
        '客服热线半小时内接到七个电话，来自两家门店的顾客都说周六晚餐后身体不适，其中一位提到吃了海鲜烩饭。',
        'The hotline takes seven calls in half an hour: guests of two branches say they fell ill after Saturday dinner; one mentions the seafood risotto.',
      ),
      expectedResponse: T(
        '逐案登錄日期、分店、餐點與症狀，更新事實表；各分店立即暫停供應海鮮燉飯，封存同批食材與留樣。',
        '逐一登记日期、门店、菜品和症状，更新事实表；各门店立即暂停供应海鲜烩饭，封存同批食材和留样。',
        'Log date, branch, dish and symptoms for each case and update the facts sheet; stop serving the seafood risotto in every branch and seal the batch and the retained samples.',
      ),
      stepIndex: 0,
    },
    {
      offsetMinutes: 30,
      channel: 'kol_video',
      content: T(
        '擁有五十萬訂閱的美食 YouTuber 上傳短片〈禾豐還能吃嗎？〉，留言區湧入上百則類似經驗。',
        '拥有五十万粉丝的美食博主发布短视频《禾丰还能吃吗？》，评论区涌入上百条类似经历。',
        'A food vlogger with 500,000 followers uploads "Is Hefeng still safe to eat?"; hundreds of similar stories pour into the comments.',
      ),
      expectedResponse: T(
        '社群小組持續監看並整理留言中的新個案；準備初步聲明草稿（致歉、關心、已暫停相關餐點、聯絡窗口），送法務審查。',
        '新媒体运营组持续监测并整理评论中的新个案；准备初步声明草稿（致歉、关怀、已暂停相关菜品、联系渠道），提交法务审核。',
        'Social team keeps watching and collects new cases from the comments; draft the holding statement (apology, concern, affected dishes paused, contact line) and send it to legal review.',
      ),
      stepIndex: 2,
    },
    {
      offsetMinutes: 45,
      channel: 'media_call',
      content: T(
        '電視台記者來電要求回應，表示傍晚六點新聞會播出，並問：「是不是食材過期？」',
        '电视台记者来电要求回应，表示傍晚六点新闻会播出，并追问：“是不是食材过期了？”',
        'A TV reporter calls for comment before the 6 pm news and asks: "Was the food past its date?"',
      ),
      expectedResponse: T(
        '由指定發言人回應；只說已確認的事實與正在採取的行動，不臆測原因；提供經法務核准的初步聲明。',
        '由指定发言人回应；只讲已核实的事实和正在采取的行动，不猜测原因；提供经法务核准的初步声明。',
        'The designated spokesperson answers; state only confirmed facts and the actions under way, no speculation on the cause; give the legally approved holding statement.',
      ),
      stepIndex: 2,
    },
    {
      offsetMinutes: 70,
      channel: 'regulator_letter',
      content: T(
        '衛生局來函：明天上午到信義店稽查並採樣，要求提供近三日進貨與留樣紀錄。',
        '市场监管局来函：明天上午到新街口店检查并抽样，要求提供近三日进货和留样记录。',
        'Letter from the health department: inspectors will visit the branch tomorrow morning to take samples and want three days of purchase and sample records.',
      ),
      expectedResponse: T(
        '法務與營運確認配合窗口；保全留樣與進貨單據；決定信義店先暫停營業並公告；通知主管機關已採取的措施。',
        '法务和运营确认对接人；保全留样和进货单据；决定新街口店先暂停营业并公告；向监管部门报告已采取的措施。',
        'Legal and operations name the liaison; secure retained samples and purchase records; decide to close the branch for now and announce it; tell the authority what has been done.',
      ),
      stepIndex: 3,
    },
    {
      offsetMinutes: 95,
      channel: 'internal',
      content: T(
        '中央廚房主管回報：週五進的一批生蠔可能有問題，供應商還沒回覆。門市員工在群組問：「客人問起要怎麼說？」',
        '中央厨房负责人反馈：周五进的一批生蚝可能有问题，供应商尚未回复。门店员工在群里问：“客人问起来怎么说？”',
        'The central kitchen reports a batch of oysters delivered on Friday may be the cause; the supplier has not answered. Staff ask in the group chat: "What do we tell guests?"',
      ),
      expectedResponse: T(
        '發內部說明與統一口徑給門市；全面下架該批食材；在化驗結果出來前不公開指責供應商。',
        '向门店下发内部说明和统一口径；全面下架该批食材；化验结果出来前不公开指责供应商。',
        'Send staff an internal memo with the agreed line; pull the whole batch everywhere; do not blame the supplier in public before lab results.',
      ),
      stepIndex: 0,
    },
    {
      offsetMinutes: 120,
      channel: 'social',
      content: T(
        'PTT 出現謠言：「禾豐隱匿，有小孩已經不治。」轉貼數快速上升。（經查並無死亡個案。）',
        '论坛出现谣言：“禾丰隐瞒实情，已经有孩子不治身亡。”转发量快速上升。（经核实并无死亡病例。）',
        'A forum rumour claims "Hefeng is covering up — a child has died." Reposts climb fast. (No death has occurred.)',
      ),
      expectedResponse: T(
        '以事實澄清（目前就醫人數、均已出院或穩定），更新聲明；不使用攻擊性字眼；保留謠言證據交法務評估。',
        '用事实澄清（目前就医人数、均已出院或情况稳定），更新声明；不使用攻击性字眼；留存谣言证据交法务评估。',
        'Correct it with facts (how many sought care, all discharged or stable) and update the statement; no attacking language; keep evidence of the rumour for legal.',
      ),
      stepIndex: 2,
    },
    {
      offsetMinutes: 160,
      channel: 'media_call',
      content: T(
        '化驗結果出爐：該批生蠔驗出諾羅病毒。報社記者追問：醫療費用誰負責？門市何時重新開幕？',
        '化验结果出炉：该批生蚝检出诺如病毒。报社记者追问：医疗费用谁承担？门店何时恢复营业？',
        'Lab results: norovirus found in the oyster batch. A newspaper asks who pays the medical bills and when the branch will reopen.',
      ),
      expectedResponse: T(
        '公布化驗結果與改善措施；承諾負擔就醫費用並說明申請方式；說明重新開幕的條件；再次致歉。',
        '公布化验结果和整改措施；承诺承担就医费用并说明申请方式；说明恢复营业的条件；再次致歉。',
        'Publish the lab results and the fixes; commit to covering medical costs and explain how to claim; state the conditions for reopening; apologise again.',
      ),
      stepIndex: 4,
    },
    {
      offsetMinutes: 190,
      channel: 'customer',
      content: T(
        '三個受影響家庭透過律師來信，詢問補償標準，並表示考慮提告。',
        '三个受影响家庭通过律师来函，询问赔偿标准，并表示考虑起诉。',
        'Three affected families write through a lawyer, asking about compensation and saying they are considering a lawsuit.',
      ),
      expectedResponse: T(
        '法務回覆並提出補償方案；客服持續一對一關懷；所有承諾寫入事實表，對外口徑一致。',
        '法务回复并提出赔偿方案；客服持续一对一关怀；所有承诺写入事实表，对外口径一致。',
        'Legal answers with a compensation offer; customer service keeps caring one to one; record every promise on the facts sheet so the outside line stays consistent.',
      ),
      stepIndex: 1,
    },
  ],
};
