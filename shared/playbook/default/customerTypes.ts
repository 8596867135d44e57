import { DAY, HOUR, L, type DefaultCrisisType } from './shapes.js';

/** Negative-review types that start with one customer's experience. */
export const CUSTOMER_TYPES: DefaultCrisisType[] = [
  {
    key: 'productDefect',
    serious: true,
    name: L('產品瑕疵', '产品缺陷', 'Product defect'),
    description: L(
      '顧客反映產品故障、品質不良或有安全疑慮，並在評論或社群上擴散。',
      '用户反映产品故障、质量问题或安全隐患，并在评价区或社交平台扩散。',
      'Customers report a faulty, poor-quality or unsafe product, and the complaints spread in reviews or on social media.',
    ),
    response: L(
      '迅速道歉並主動聯繫當事顧客，提供退款、維修或折扣等具體補償；查明原因後公開說明原因與改善措施。由產品研發部主導。',
      '第一时间致歉并主动联系当事用户，给出退款、维修或折扣等具体补偿；查明原因后公开说明原因和整改措施。由产品研发部牵头。',
      'Apologise quickly, reach the affected customers and offer a concrete remedy (refund, repair or discount); once the cause is known, publish it with the fix. Product leads.',
    ),
    firstResponder: 'product',
    steps: [
      {
        title: L('確認瑕疵並控制影響範圍', '核实缺陷并控制影响范围', 'Confirm the defect and contain it'),
        owner: 'product',
        targetMinutes: 30,
        checklist: [
          L('重現問題，確認受影響的批號與型號', '复现问题，确认受影响的批次和型号', 'Reproduce the fault and identify the affected batches and models'),
          L('有安全疑慮時立即暫停出貨與販售', '存在安全隐患时立即暂停发货和销售', 'Pause shipping and sales at once if safety is at risk'),
          L('保存客訴紀錄與實品證據', '留存投诉记录和实物证据', 'Keep complaint records and physical evidence'),
        ],
      },
      {
        title: L('發布初步聲明', '发布初步声明', 'Publish a holding statement'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('承認問題並致歉，不推卸責任', '承认问题并致歉，不推卸责任', 'Acknowledge the problem and apologise without shifting blame'),
          L('告訴顧客現在該怎麼做（停止使用、聯絡窗口）', '告知用户当前该怎么做（停止使用、联系渠道）', 'Tell customers what to do now (stop using it, whom to contact)'),
          L('經法務審查後才發布', '经法务审核后再发布', 'Release only after legal review'),
        ],
      },
      {
        title: L('聯繫當事顧客並提供補償', '联系当事用户并落实补偿', 'Contact affected customers and offer remedies'),
        owner: 'customerService',
        targetMinutes: 4 * HOUR,
        checklist: [
          L('逐一回覆每則客訴，不用制式回覆', '逐条回复投诉，不用模板化回复', 'Answer every complaint individually, no canned replies'),
          L('依個案提供退款、維修或折扣', '视个案提供退款、维修或折扣', 'Offer a refund, repair or discount as the case requires'),
          L('登錄每件個案的處理進度', '登记每个个案的处理进度', 'Log the progress of every case'),
        ],
      },
      {
        title: L('公布原因與改善措施', '公布原因和整改措施', 'Publish the cause and the fix'),
        owner: 'product',
        targetMinutes: 2 * DAY,
        checklist: [
          L('說明根本原因與修正時程', '说明根本原因和整改时间表', 'Explain the root cause and when the fix lands'),
          L('必要時啟動產品召回', '必要时启动产品召回', 'Start a recall if needed'),
          L('對外說法由公關部與法務部確認', '对外口径由公关部和法务部确认', 'Have PR and Legal approve the wording'),
        ],
      },
    ],
    escalation: [
      { unit: 'product', withinMinutes: 15, note: L('客服發現同一瑕疵重複出現時，附個案資料通報', '客服发现同一缺陷反复出现时，附个案资料上报', 'Customer service reports the recurring defect with case details') },
      { unit: 'pr', withinMinutes: 30, note: L('產品研發部確認範圍後，公關部準備初步聲明', '产品研发部确认范围后，公关部准备初步声明', 'Once Product confirms the scope, PR prepares the holding statement') },
      { unit: 'legal', withinMinutes: HOUR, note: L('審查聲明與補償條件', '审核声明和补偿条款', 'Reviews the statement and the remedy terms') },
      { unit: 'executives', withinMinutes: 2 * HOUR, note: L('涉及安全或持續擴散時，決定是否召回', '涉及安全或持续扩散时，决定是否召回', 'If safety is involved or the story spreads, decides on a recall') },
    ],
  },
  {
    key: 'serviceFailure',
    serious: false,
    name: L('服務疏失', '服务失误', 'Service failure'),
    description: L(
      '員工態度不佳、流程出錯或服務未兌現承諾，顧客不滿並公開抱怨。',
      '员工态度差、流程出错或服务未兑现承诺，用户不满并公开投诉。',
      'Rude staff, a broken process or an unkept promise upsets a customer, who complains in public.',
    ),
    response: L(
      '坦承疏失並致歉，個別處理當事顧客的問題；檢討並修正流程，加強相關人員訓練。由客服部主導。',
      '坦诚承认失误并致歉，一对一处理当事用户的问题；复盘并优化流程，对相关人员开展再培训。由客服部牵头。',
      'Own the lapse and apologise, settle the customer’s case one to one, fix the process and retrain the staff involved. Customer service leads.',
    ),
    firstResponder: 'customerService',
    steps: [
      {
        title: L('了解事實經過', '核实事情经过', 'Establish what happened'),
        owner: 'customerService',
        targetMinutes: HOUR,
        checklist: [
          L('調閱訂單、通話或監視器紀錄', '调取订单、通话记录或监控录像', 'Pull the order, call records or CCTV'),
          L('向當事員工與主管了解狀況', '向当事员工和主管了解情况', 'Hear the employee and their manager'),
        ],
      },
      {
        title: L('公開回覆並轉為私訊處理', '公开回复并转为私信沟通', 'Reply publicly, then move to a private channel'),
        owner: 'social',
        targetMinutes: 2 * HOUR,
        checklist: [
          L('針對個案具體回覆，坦承疏失', '针对个案具体回复，坦诚承认失误', 'Reply specifically to this case and admit the lapse'),
          L('邀請顧客私訊留下聯絡方式', '邀请用户私信留下联系方式', 'Invite the customer to send contact details privately'),
        ],
      },
      {
        title: L('個別處理並補償', '一对一处理并补偿', 'Resolve the case and compensate'),
        owner: 'customerService',
        targetMinutes: 8 * HOUR,
        checklist: [
          L('提出具體補救方案（重做、退費、折抵）', '提出具体补救方案（重新服务、退款、抵扣）', 'Offer a concrete remedy (redo, refund, credit)'),
          L('確認顧客接受後再結案', '确认用户认可后再结案', 'Close the case only when the customer accepts'),
        ],
      },
      {
        title: L('修正流程並再訓練', '优化流程并再培训', 'Fix the process and retrain'),
        owner: 'operations',
        targetMinutes: 7 * DAY,
        checklist: [
          L('找出流程漏洞並修訂SOP', '找出流程漏洞并修订SOP', 'Find the gap and revise the SOP'),
          L('安排相關人員再訓練', '安排相关人员再培训', 'Retrain the staff involved'),
          L('一個月後追蹤同類客訴是否減少', '一个月后跟踪同类投诉是否减少', 'Check after a month that similar complaints have dropped'),
        ],
      },
    ],
    escalation: [
      { unit: 'customerService', withinMinutes: 30, note: L('由客服主管接手個案', '由客服主管接手个案', 'A customer-service supervisor takes over the case') },
      { unit: 'social', withinMinutes: HOUR, note: L('貼文開始擴散時，由社群小組接手公開回覆', '帖子开始扩散时，由新媒体运营组接手公开回复', 'When the post starts spreading, the social team takes over public replies') },
      { unit: 'pr', withinMinutes: 4 * HOUR, note: L('出現媒體詢問或多起類似事件時通報', '出现媒体问询或多起类似事件时上报', 'Alert PR on a media inquiry or several similar cases') },
    ],
  },
  {
    key: 'logistics',
    serious: false,
    name: L('物流問題', '物流问题', 'Logistics problem'),
    description: L(
      '配送延誤、包裹遺失或商品損壞，顧客在評論或社群上抱怨。',
      '配送延误、包裹丢失或商品破损，用户在评价区或社交平台投诉。',
      'Late, lost or damaged deliveries lead to complaints in reviews or on social media.',
    ),
    response: L(
      '先致歉，立即追蹤包裹並主動告知顧客進度，再提供補寄、退款或補償；大規模延誤時公告原因與預計恢復時間。',
      '先致歉，立即追踪包裹并主动告知用户进度，再提供补发、退款或补偿；大面积延误时发布公告，说明原因和预计恢复时间。',
      'Apologise, trace the parcel at once and keep the customer posted, then resend, refund or compensate; if many orders are hit, post a notice with the cause and expected recovery.',
    ),
    firstResponder: 'customerService',
    steps: [
      {
        title: L('致歉並追蹤包裹', '致歉并追踪包裹', 'Apologise and trace the shipment'),
        owner: 'customerService',
        targetMinutes: HOUR,
        checklist: [
          L('向物流業者查詢包裹位置', '向物流商查询包裹位置', 'Ask the carrier where the parcel is'),
          L('告知顧客預計送達時間', '告知用户预计送达时间', 'Give the customer an expected delivery time'),
        ],
      },
      {
        title: L('確認影響範圍', '确认影响范围', 'Size the problem'),
        owner: 'operations',
        targetMinutes: 4 * HOUR,
        checklist: [
          L('統計受影響的訂單數與地區', '统计受影响的订单量和地区', 'Count the affected orders and regions'),
          L('與物流業者確認原因與恢復時間', '与物流商确认原因和恢复时间', 'Confirm the cause and recovery time with the carrier'),
        ],
      },
      {
        title: L('大規模延誤時發布公告', '大面积延误时发布公告', 'Post a notice if many orders are hit'),
        owner: 'social',
        targetMinutes: 8 * HOUR,
        checklist: [
          L('說明原因、影響範圍與預計恢復時間', '说明原因、影响范围和预计恢复时间', 'State the cause, the scope and the expected recovery'),
          L('置頂於官方帳號與訂單頁面', '在官方账号和订单页面置顶', 'Pin it on official accounts and the order page'),
        ],
      },
      {
        title: L('落實補救方案', '落实补救方案', 'Deliver the remedy'),
        owner: 'customerService',
        targetMinutes: DAY,
        checklist: [
          L('提供補寄、退款或運費補償', '提供补发、退款或运费补偿', 'Resend, refund or refund the shipping'),
          L('商品損壞時以照片受理，不要求寄回', '商品破损凭照片受理，无需寄回', 'Accept a photo for damaged goods instead of demanding a return'),
        ],
      },
    ],
    escalation: [
      { unit: 'operations', withinMinutes: 2 * HOUR, note: L('同一天延誤客訴明顯增加時通報', '当天延误投诉明显增多时上报', 'Alert Operations when delay complaints pile up on the same day') },
      { unit: 'pr', withinMinutes: 8 * HOUR, note: L('延誤波及大量訂單或見報時通報', '延误波及大量订单或被媒体报道时上报', 'Alert PR when many orders are affected or the press reports it') },
      { unit: 'executives', withinMinutes: DAY, note: L('需要更換物流業者或大額補償時決策', '需要更换物流商或大额补偿时决策', 'Decide when a carrier change or large compensation is needed') },
    ],
  },
  {
    key: 'emotionalVenting',
    serious: false,
    name: L('情緒性抒發', '情绪宣泄', 'Emotional venting'),
    description: L(
      '顧客一時不滿而在網路上發洩情緒，內容多為抱怨而非具體事實。',
      '用户因一时不满在网上宣泄情绪，内容多为抱怨而非具体事实。',
      'A customer vents frustration online; the post is mostly feeling rather than specific facts.',
    ),
    response: L(
      '以同理、個人化的語氣回覆，先安撫情緒再邀請私下溝通；不爭辯、不說教，也不刪除留言。',
      '以共情、个性化的语气回复，先安抚情绪再邀请私下沟通；不争辩、不说教，也不删除评论。',
      'Reply personally and with empathy, calm things down and invite a private conversation; no arguing, no lecturing, no deleting.',
    ),
    firstResponder: 'social',
    steps: [
      {
        title: L('以同理心回覆', '共情回复', 'Reply with empathy'),
        owner: 'social',
        targetMinutes: 2 * HOUR,
        checklist: [
          L('稱呼對方並回應其感受', '称呼对方并回应其感受', 'Address the person and acknowledge how they feel'),
          L('不爭辯，也不搬出規定說教', '不争辩，也不搬出规定说教', 'Do not argue or quote policy at them'),
        ],
      },
      {
        title: L('私下溝通', '私下沟通', 'Talk privately'),
        owner: 'customerService',
        targetMinutes: 8 * HOUR,
        checklist: [
          L('私訊了解真正的問題', '私信了解真正的问题', 'Find the real issue by private message'),
          L('能處理的問題當下處理', '能解决的问题当场解决', 'Fix what can be fixed right away'),
        ],
      },
      {
        title: L('追蹤後續', '跟进后续', 'Follow up'),
        owner: 'social',
        targetMinutes: DAY,
        checklist: [
          L('問題解決後在原留言下簡短更新', '问题解决后在原评论下简短更新', 'Once solved, add a short update under the original post'),
          L('觀察是否演變為其他類型的危機', '观察是否演变为其他类型的危机', 'Watch whether it turns into another type of crisis'),
        ],
      },
    ],
    escalation: [
      { unit: 'customerService', withinMinutes: 2 * HOUR, note: L('社群小組需要個案資料時請客服協助', '新媒体运营组需要个案资料时请客服协助', 'The social team asks customer service for the case details') },
      { unit: 'pr', withinMinutes: DAY, note: L('留言持續擴散或引來媒體時通報', '评论持续扩散或引起媒体关注时上报', 'Alert PR if the post keeps spreading or draws the media') },
    ],
  },
];
