import { DAY, HOUR, L, type DefaultCrisisType } from './shapes.js';

/** Crises about the company's own people: its leaders and its employees. */
export const PEOPLE_TYPES: DefaultCrisisType[] = [
  {
    key: 'executiveMisconduct',
    serious: true,
    name: L('高層不當行為', '高管不当行为', 'Executive misconduct'),
    description: L(
      '高階主管的言行、私德或違法疑雲遭到揭露，外界質疑公司治理。',
      '高管的言行、私德问题或涉嫌违法被曝光，外界质疑公司治理。',
      'An executive’s words, private conduct or suspected wrongdoing becomes public and puts the company’s governance in question.',
    ),
    response: L(
      '迅速表態重視並啟動獨立調查；當事人暫停職務或迴避相關決策；由非當事人的發言人對外說明，並在法律許可範圍內公開調查結果與處分。',
      '第一时间表态高度重视并启动独立调查；当事人停职或回避相关决策；由非当事人的发言人统一对外，并在法律允许的范围内公开调查结果和处理决定。',
      'State promptly that the matter is taken seriously and open an independent investigation; the executive steps aside or recuses; a spokesperson who is not involved speaks, and findings and sanctions are published as far as the law allows.',
    ),
    firstResponder: 'pr',
    steps: [
      {
        title: L('發布初步聲明', '发布初步声明', 'Publish a holding statement'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('表達重視並說明將展開調查', '表态高度重视并说明将展开调查', 'Say the company takes it seriously and will investigate'),
          L('由非當事人的發言人發布', '由非当事人的发言人发布', 'Issued by a spokesperson who is not involved'),
          L('不替當事人辯護', '不为当事人辩护', 'Do not defend the person involved'),
        ],
      },
      {
        title: L('決定職務處置', '决定职务处理', 'Decide interim measures'),
        owner: 'executives',
        targetMinutes: 4 * HOUR,
        checklist: [
          L('由董事會或經營團隊決定停職或迴避', '由董事会或管理层决定停职或回避', 'The board or executive team decides on suspension or recusal'),
          L('指定職務代理人', '指定职务代理人', 'Appoint a stand-in'),
        ],
      },
      {
        title: L('啟動獨立調查', '启动独立调查', 'Open an independent investigation'),
        owner: 'legal',
        targetMinutes: DAY,
        checklist: [
          L('委請外部律師進行調查', '委托外部律师开展调查', 'Engage outside counsel to investigate'),
          L('保全相關證據與通訊紀錄', '保全相关证据和通信记录', 'Preserve the relevant evidence and messages'),
          L('確認是否須向主管機關申報或公告', '确认是否需要向监管部门报告或披露', 'Check whether regulators or the exchange must be told'),
        ],
      },
      {
        title: L('公布結果與治理改善', '公布结果和治理改进', 'Publish findings and governance changes'),
        owner: 'pr',
        targetMinutes: 7 * DAY,
        checklist: [
          L('說明調查結論與處分', '说明调查结论和处理结果', 'State the conclusions and the sanctions'),
          L('公布治理改善措施', '公布治理改进措施', 'Announce the governance improvements'),
        ],
      },
    ],
    escalation: [
      { unit: 'pr', withinMinutes: 30, note: L('任何人得知相關指控時，通報公關部', '任何人得知相关指控时，通报公关部', 'Anyone who learns of the allegation tells PR') },
      { unit: 'legal', withinMinutes: HOUR, note: L('評估法律責任與揭露義務', '评估法律责任和披露义务', 'Assesses liability and disclosure duties') },
      { unit: 'executives', withinMinutes: HOUR, note: L('通報董事長或董事會（排除當事人）', '上报董事长或董事会（当事人回避）', 'Alert the chair or the board, excluding the person involved') },
      { unit: 'lawFirm', withinMinutes: DAY, note: L('委任外部律師主持調查', '委托外部律师主持调查', 'Retained to lead the investigation') },
    ],
  },
  {
    key: 'labourDispute',
    serious: true,
    name: L('勞資爭議', '劳动纠纷', 'Labour dispute'),
    description: L(
      '員工或工會對薪資、工時、解僱或職場環境提出抗議，並訴諸媒體或社群。',
      '员工或工会对薪酬、工时、裁员或工作环境提出抗议，并诉诸媒体或社交平台。',
      'Employees or a union protest over pay, hours, dismissals or working conditions and take it to the media or social networks.',
    ),
    response: L(
      '尊重員工、避免對立：先與當事員工或工會溝通，查明事實並依勞動法令處理；對外說明公司立場與具體改善，不攻擊員工。',
      '尊重员工、避免对立：先与当事员工或工会沟通，查清事实并依照劳动法律法规处理；对外说明公司立场和具体改进，不指责员工。',
      'Respect the employees and avoid confrontation: talk to those involved or their union first, establish the facts and act within labour law; explain the company’s position and concrete improvements publicly, never attacking staff.',
    ),
    firstResponder: 'hr',
    steps: [
      {
        title: L('了解訴求', '了解诉求', 'Understand the demands'),
        owner: 'hr',
        targetMinutes: 30,
        checklist: [
          L('聯繫當事員工或工會代表', '联系当事员工或工会代表', 'Contact the employees or union representatives'),
          L('整理薪資、工時等相關紀錄', '整理薪酬、工时等相关记录', 'Gather pay, hours and other records'),
        ],
      },
      {
        title: L('發布初步聲明', '发布初步声明', 'Publish a holding statement'),
        owner: 'pr',
        targetMinutes: HOUR,
        firstPublicMessage: true,
        checklist: [
          L('表示重視員工意見並已展開溝通', '表示重视员工意见并已开始沟通', 'Say employees’ concerns are heard and talks have begun'),
          L('不評論個別員工', '不评论个别员工', 'Do not comment on individual employees'),
          L('同步向全體員工說明', '同步向全体员工说明', 'Tell all staff at the same time'),
        ],
      },
      {
        title: L('檢視法規遵循', '开展合规审查', 'Check legal compliance'),
        owner: 'legal',
        targetMinutes: DAY,
        checklist: [
          L('確認是否符合勞動法令', '确认是否符合劳动法律法规', 'Check compliance with labour law'),
          L('預作勞動檢查或調解的準備', '为劳动监察或仲裁做好准备', 'Prepare for a labour inspection or mediation'),
        ],
      },
      {
        title: L('協商並提出改善', '协商并提出改进', 'Negotiate and improve'),
        owner: 'executives',
        targetMinutes: 3 * DAY,
        checklist: [
          L('提出具體改善方案', '提出具体改进方案', 'Put forward concrete improvements'),
          L('對內、對外同步說明結果', '对内对外同步说明结果', 'Tell staff and the public the outcome at the same time'),
        ],
      },
    ],
    escalation: [
      { unit: 'hr', withinMinutes: 30, note: L('主管得知集體抗議或申訴時通報人資部', '主管得知集体抗议或投诉时通报人力资源部', 'Managers alert HR to a collective protest or grievance') },
      { unit: 'pr', withinMinutes: HOUR, note: L('員工訴諸媒體或社群時通報', '员工诉诸媒体或社交平台时通报', 'Alert PR when employees go to the media or social networks') },
      { unit: 'executives', withinMinutes: 2 * HOUR, note: L('決定協商授權與底線', '决定协商授权和底线', 'Set the negotiating mandate and limits') },
      { unit: 'lawFirm', withinMinutes: DAY, note: L('可能進入訴訟或仲裁時委任', '可能进入诉讼或仲裁时委托', 'Retained if litigation or arbitration is likely') },
    ],
  },
];
