import { DAY, HOUR, L, type DefaultCrisisType } from './shapes.js';

/** Incidents that hurt people directly: leaked data, unsafe food, denied service. */
export const INCIDENT_TYPES: DefaultCrisisType[] = [
  {
    key: 'dataLeak',
    serious: true,
    name: L('個資外洩', '数据泄露', 'Data leak'),
    description: L(
      '顧客或員工的個人資料因駭客入侵、作業疏失或內部人員而外流。',
      '用户或员工的个人信息因黑客攻击、操作失误或内部人员而泄露。',
      'Personal data of customers or staff is exposed through an attack, an error or an insider.',
    ),
    response: L(
      '立即阻斷外洩並保全紀錄，確認外洩範圍；依法通報主管機關並通知受影響的當事人，告知可採取的保護措施；對外如實說明已知事實與改善行動，不淡化。',
      '立即止损并保全日志，查明泄露范围；依法向监管部门报告并通知受影响的用户，告知可采取的防护措施；对外如实说明已知情况和整改行动，不淡化。',
      'Stop the leak and preserve logs, then establish what was exposed; notify regulators as the law requires and tell affected people how to protect themselves; be open about known facts and fixes, never play it down.',
    ),
    firstResponder: 'itSecurity',
    steps: [
      {
        title: L('阻斷外洩並保全證據', '阻断泄露并保全证据', 'Contain the leak and preserve evidence'),
        owner: 'itSecurity',
        targetMinutes: 30,
        checklist: [
          L('隔離受影響的系統並重設憑證', '隔离受影响的系统并重置凭证', 'Isolate affected systems and reset credentials'),
          L('保存系統紀錄以供鑑識', '保存系统日志以备取证', 'Preserve logs for forensics'),
          L('確認外洩的資料類型與筆數', '确认泄露的数据类型和条数', 'Establish which data and how many records were exposed'),
        ],
      },
      {
        title: L('發布初步聲明', '发布初步声明', 'Publish a holding statement'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('說明已知狀況與正在採取的行動', '说明已知情况和正在采取的措施', 'State what is known and what is being done'),
          L('提醒使用者變更密碼並提防詐騙', '提醒用户修改密码并警惕诈骗', 'Tell users to change passwords and beware of scams'),
          L('不臆測未經證實的細節', '不对未经证实的细节作推测', 'Do not speculate on unconfirmed details'),
        ],
      },
      {
        title: L('依法通報主管機關', '依法向监管部门报告', 'Notify the authorities as the law requires'),
        owner: 'legal',
        targetMinutes: DAY,
        checklist: [
          L('確認法定通報對象與期限', '确认法定报告对象和时限', 'Confirm who must be notified and by when'),
          L('完成通報並保存紀錄', '完成报告并留存记录', 'File the notification and keep a record'),
        ],
      },
      {
        title: L('通知當事人並設立專線', '通知受影响用户并开通专线', 'Notify affected people and open a hotline'),
        owner: 'customerService',
        targetMinutes: 2 * DAY,
        checklist: [
          L('逐一告知當事人外洩的資料項目', '逐一告知受影响用户泄露的信息类型', 'Tell each person what data was exposed'),
          L('準備常見問答與客服說法', '准备常见问题解答和客服口径', 'Prepare an FAQ and agent guidance'),
          L('提供必要的補救，例如帳戶監控', '提供必要的补救，例如账户安全监测', 'Offer remedies such as account monitoring'),
        ],
      },
      {
        title: L('公布調查結果與改善', '公布调查结果和整改', 'Publish findings and fixes'),
        owner: 'itSecurity',
        targetMinutes: 7 * DAY,
        checklist: [
          L('委託外部鑑識確認原因', '委托第三方机构取证确认原因', 'Have outside forensics confirm the cause'),
          L('公布資安補強措施', '公布安全加固措施', 'Publish the security improvements'),
        ],
      },
    ],
    escalation: [
      { unit: 'itSecurity', withinMinutes: 15, note: L('任何人發現疑似外洩，立即通報資安組', '任何人发现疑似泄露，立即报告信息安全部', 'Anyone who suspects a leak tells IT Security at once') },
      { unit: 'executives', withinMinutes: 30, note: L('確認外洩後通報經營團隊', '确认泄露后上报公司管理层', 'Alert executives once the leak is confirmed') },
      { unit: 'legal', withinMinutes: HOUR, note: L('啟動法定通報評估', '启动法定报告评估', 'Starts the mandatory-notification assessment') },
      { unit: 'lawFirm', withinMinutes: 4 * HOUR, note: L('外洩規模大或可能遭求償時委任', '泄露规模大或可能被索赔时委托', 'Retained for a large leak or likely claims') },
    ],
  },
  {
    key: 'foodSafety',
    serious: true,
    name: L('食安事件', '食品安全事件', 'Food-safety incident'),
    description: L(
      '顧客疑似因食用產品而身體不適，或產品被驗出有害物質。',
      '消费者疑似因食用产品出现身体不适，或产品被检出有害物质。',
      'Customers fall ill after eating a product, or a product is found to contain harmful substances.',
    ),
    response: L(
      '以顧客健康為優先：立即致歉、協助就醫並負擔醫療費用，暫停販售或關閉相關門市，配合衛生主管機關調查，並公布檢驗結果與改善措施。',
      '把消费者健康放在首位：立即致歉，协助就医并承担医疗费用，暂停销售或关闭相关门店，配合市场监管部门调查，并公布检测结果和整改措施。',
      'Health comes first: apologise at once, help those affected get care and cover medical costs, stop sales or close the stores concerned, cooperate with the health authority, and publish lab results and fixes.',
    ),
    firstResponder: 'operations',
    steps: [
      {
        title: L('暫停販售並封存樣品', '暂停销售并封存样品', 'Stop sales and seal samples'),
        owner: 'operations',
        targetMinutes: 30,
        checklist: [
          L('下架可疑批次或暫停門市營業', '下架可疑批次或暂停门店营业', 'Pull suspect batches or close the stores concerned'),
          L('封存留樣以供檢驗', '封存留样以备检测', 'Seal retained samples for testing'),
          L('保全進貨與製程紀錄', '保全进货和加工记录', 'Secure supply and preparation records'),
        ],
      },
      {
        title: L('聯繫並協助身體不適的顧客', '联系并协助身体不适的消费者', 'Reach and help those who fell ill'),
        owner: 'customerService',
        targetMinutes: HOUR,
        checklist: [
          L('協助就醫並承諾負擔醫療費用', '协助就医并承诺承担医疗费用', 'Help them get care and commit to covering medical costs'),
          L('登錄每位顧客的狀況與聯絡方式', '登记每位消费者的情况和联系方式', 'Log each person’s condition and contact details'),
        ],
      },
      {
        title: L('發布初步聲明', '发布初步声明', 'Publish a holding statement'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('致歉並說明已暫停販售', '致歉并说明已暂停销售', 'Apologise and state that sales are stopped'),
          L('告知出現症狀時該怎麼做及聯絡專線', '告知出现症状怎么办以及联系热线', 'Tell people what to do if they feel ill and where to call'),
          L('說明正配合衛生主管機關調查', '说明正在配合监管部门调查', 'Say the company is cooperating with the health authority'),
        ],
      },
      {
        title: L('配合主管機關調查', '配合监管部门调查', 'Cooperate with the authorities'),
        owner: 'compliance',
        targetMinutes: DAY,
        checklist: [
          L('主動通報衛生主管機關', '主动向市场监管部门报告', 'Report to the health authority proactively'),
          L('送交第三方實驗室檢驗', '送第三方实验室检测', 'Send samples to an independent lab'),
        ],
      },
      {
        title: L('公布檢驗結果與改善措施', '公布检测结果和整改措施', 'Publish lab results and fixes'),
        owner: 'pr',
        targetMinutes: 3 * DAY,
        checklist: [
          L('公開完整檢驗報告', '公开完整检测报告', 'Publish the full lab report'),
          L('說明改善措施與恢復營業的條件', '说明整改措施和恢复营业的条件', 'Explain the fixes and the conditions for reopening'),
        ],
      },
    ],
    escalation: [
      { unit: 'operations', withinMinutes: 15, note: L('門市得知顧客不適時立即通報', '门店得知消费者不适时立即上报', 'The store reports the first case of illness at once') },
      { unit: 'executives', withinMinutes: 30, note: L('決定關閉門市與補償方針', '决定关闭门店和补偿原则', 'Decide on store closures and the compensation policy') },
      { unit: 'compliance', withinMinutes: HOUR, note: L('準備向主管機關通報', '准备向监管部门报告', 'Prepares the report to the authorities') },
      { unit: 'legal', withinMinutes: HOUR, note: L('審查聲明並評估賠償責任', '审核声明并评估赔偿责任', 'Reviews statements and assesses liability') },
    ],
  },
  {
    key: 'overbooking',
    serious: true,
    name: L('超賣／超額訂位', '超售', 'Overbooking'),
    description: L(
      '機位、客房或餐廳座位超賣，顧客無法如約使用服務，現場衝突可能被拍下並上傳。',
      '机票、酒店或餐位超售，消费者无法按约享受服务，现场冲突可能被拍下并上传。',
      'Seats, rooms or tables are oversold so customers cannot get what they booked; confrontations on site may be filmed and posted.',
    ),
    response: L(
      '現場以尊重的態度處理並立即致歉，提供升等、住宿、餐食或改訂等補償；對外說明補償方式，並修正訂位系統與超賣政策。',
      '现场以尊重的态度处置并立即致歉，提供升舱升级、住宿、餐食或改签等补偿；对外说明补偿方案，并修复订票系统、调整超售政策。',
      'Handle it respectfully on site and apologise immediately, offering an upgrade, hotel, meals or rebooking; explain the compensation publicly and fix the booking system and overbooking policy.',
    ),
    firstResponder: 'operations',
    steps: [
      {
        title: L('現場安置', '现场安置', 'Look after people on site'),
        owner: 'operations',
        targetMinutes: 15,
        checklist: [
          L('不強制顧客離場', '不强制消费者离场', 'Never force customers to leave'),
          L('主動徵求自願改訂者並給予補償', '主动征集自愿改签者并给予补偿', 'Ask for volunteers to rebook and compensate them'),
        ],
      },
      {
        title: L('發布初步聲明', '发布初步声明', 'Publish a holding statement'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('致歉並說明當事人已獲妥善安置', '致歉并说明当事人已获妥善安置', 'Apologise and say those affected have been looked after'),
          L('不指責顧客', '不指责消费者', 'Do not blame the customer'),
        ],
      },
      {
        title: L('落實補償', '落实补偿', 'Deliver the compensation'),
        owner: 'customerService',
        targetMinutes: 4 * HOUR,
        checklist: [
          L('提供升等、住宿、餐食或改訂', '提供升舱升级、住宿、餐食或改签', 'Provide an upgrade, hotel, meals or rebooking'),
          L('逐一聯繫並確認當事人滿意', '逐一联系并确认当事人满意', 'Contact each person and confirm they are satisfied'),
        ],
      },
      {
        title: L('修正訂位系統', '修复订票系统', 'Fix the booking system'),
        owner: 'product',
        targetMinutes: 7 * DAY,
        checklist: [
          L('檢討超賣比例與計算方式', '复盘超售比例和计算逻辑', 'Review the overbooking ratio and its logic'),
          L('訂定現場處理準則', '制定现场处置规范', 'Write rules for handling it on site'),
        ],
      },
    ],
    escalation: [
      { unit: 'operations', withinMinutes: 15, note: L('現場人員通報值班主管', '现场人员上报值班主管', 'Front-line staff alert the duty manager') },
      { unit: 'pr', withinMinutes: 30, note: L('現場衝突被拍攝或上傳時通報', '现场冲突被拍摄或上传时通报', 'Alert PR if a confrontation is filmed or posted') },
      { unit: 'executives', withinMinutes: 2 * HOUR, note: L('影片擴散或媒體報導時通報', '视频扩散或被媒体报道时上报', 'Alert executives when the video spreads or the media reports it') },
    ],
  },
];
