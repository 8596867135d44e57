import { L, type DefaultSeverityLevel } from './shapes.js';

/** Four severity levels by potential impact; level 1 is the most severe. */
export const DEFAULT_SEVERITIES: DefaultSeverityLevel[] = [
  {
    level: 1,
    name: L('第一級：重大危機', '一级：重大危机', 'Level 1 — Critical'),
    criteria: L(
      '危及人身安全、大規模個資外洩、涉及違法或主管機關介入；全國性媒體報導或登上熱門排行；可能造成重大財務或法律損失。',
      '危及人身安全、大规模数据泄露、涉嫌违法或监管部门介入；全国性媒体报道或登上热搜；可能造成重大财务或法律损失。',
      'Risk to life or health, a large data leak, suspected illegality or regulators involved; national coverage or trending; possible major financial or legal loss.',
    ),
    decisionRights: L(
      '由總經理決策，應變小組全員進駐；可決定暫停販售、關閉門市、召回產品與補償預算；由高階主管擔任發言人。',
      '由总经理决策，应急小组全员到岗；可决定暂停销售、关闭门店、召回产品及补偿预算；由高管担任发言人。',
      'The CEO decides and the whole crisis team convenes; may halt sales, close stores, recall products and set the compensation budget; an executive is the spokesperson.',
    ),
    notify: [
      { unit: 'executives', withinMinutes: 15 },
      { unit: 'pr', withinMinutes: 15 },
      { unit: 'legal', withinMinutes: 30 },
      { unit: 'prAgency', withinMinutes: 60 },
    ],
  },
  {
    level: 2,
    name: L('第二級：嚴重', '二级：严重', 'Level 2 — Serious'),
    criteria: L(
      '負面討論擴散到多個平台，或已有意見領袖、媒體關注；同一問題出現多起客訴；可能有法律風險。',
      '负面讨论扩散到多个平台，或已有大V、媒体关注；同一问题出现多起投诉；可能存在法律风险。',
      'Negative talk spreads across platforms, or a key opinion leader or the media picks it up; repeated complaints about one issue; possible legal exposure.',
    ),
    decisionRights: L(
      '由公關主管主導；對外聲明須經法務審查並由權責主管核准；可動用事先核定的補償額度。',
      '由公关负责人牵头；对外声明须经法务审核并由分管高管批准；可动用预先批准的补偿额度。',
      'The head of PR leads; statements pass legal review and are approved by the responsible executive; the pre-approved compensation budget may be used.',
    ),
    notify: [
      { unit: 'pr', withinMinutes: 30 },
      { unit: 'social', withinMinutes: 30 },
      { unit: 'legal', withinMinutes: 30 },
      { unit: 'executives', withinMinutes: 60 },
    ],
  },
  {
    level: 3,
    name: L('第三級：中度', '三级：中度', 'Level 3 — Moderate'),
    criteria: L(
      '單一平台的負面聲量上升，尚無媒體報導；事件範圍明確、可以掌握。',
      '单一平台负面声量上升，暂无媒体报道；事件范围明确、总体可控。',
      'Negative volume rising on one platform, no media coverage yet; the scope is clear and manageable.',
    ),
    decisionRights: L(
      '由社群小組與客服主管依既定口徑處理，公開回覆由公關部核准；可提供標準補償。',
      '由新媒体运营组和客服负责人按既定口径处理，公开回复由公关部审批；可提供标准补偿。',
      'Social media and customer-service leads handle it under the agreed line; PR approves public replies; standard remedies may be offered.',
    ),
    notify: [
      { unit: 'social', withinMinutes: 30 },
      { unit: 'customerService', withinMinutes: 60 },
      { unit: 'pr', withinMinutes: 60 },
    ],
  },
  {
    level: 4,
    name: L('第四級：輕微（觀察）', '四级：轻微（观察）', 'Level 4 — Minor (watch)'),
    criteria: L(
      '零星負評或個別客訴，聲量在平常範圍內。',
      '零星差评或个别投诉，声量处于正常范围。',
      'Isolated negative reviews or single complaints; volume within the normal range.',
    ),
    decisionRights: L(
      '第一線客服與社群人員依標準流程回覆並記錄，持續觀察是否需要升級。',
      '一线客服和新媒体运营人员按标准流程回复并登记，持续观察是否需要升级。',
      'Front-line customer service and social staff reply under the standard process, log it and watch for escalation.',
    ),
    notify: [
      { unit: 'customerService', withinMinutes: 240 },
      { unit: 'social', withinMinutes: 240 },
    ],
  },
];
