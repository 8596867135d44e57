import type { CrisisTypeKey } from '../../playbook/types.js';
import type { TemplateText } from './types.js';

/**
 * 初步声明模板（简体中文）。原则：快、具体补救、不推卸、不臆测原因、不说“无可奉告”。
 * Placeholders: {company} {product} {incident} {time} {contact}.
 */
export const ZH_CN: Record<CrisisTypeKey, TemplateText> = {
  productDefect: {
    title: '产品问题初步声明',
    body: [
      '{company}于{time}接到部分{product}出现{incident}的反馈，我们向受影响的顾客诚挚致歉。',
      '我们已立即暂停相关批次的销售与发货，并由产品团队进行检测。已购买的顾客可选择免费检修、更换或全额退款。',
      '检测结果与后续处理进展，将在24小时内于官方网站更新。',
      '如有任何疑问，请联系：{contact}',
    ],
  },
  serviceFailure: {
    title: '服务失误初步声明',
    body: [
      '{time}发生的{incident}，给顾客带来了不好的体验，{company}深表歉意。',
      '我们已主动联系相关顾客，逐一了解情况并提供协助；同时复盘现有服务流程，并安排一线员工重新培训。',
      '处理进展将在24小时内对外说明。',
      '需要协助的顾客，请联系：{contact}',
    ],
  },
  rumour: {
    title: '不实信息澄清',
    body: [
      '近日网上流传有关{company}{product}的信息（{incident}），与事实不符。',
      '我们已将相关检验报告与文件公开于官方网站，欢迎各界查阅。请以官方发布的信息为准。',
      '我们会持续核实并保存相关记录，必要时将依法处理。',
      '如有疑问或掌握相关信息，欢迎联系：{contact}',
    ],
  },
  logistics: {
    title: '配送延误初步声明',
    body: [
      '{time}起，因{incident}，部分订单的配送受到影响，{company}向久等的顾客致歉。',
      '我们已逐单跟踪受影响的订单，并主动告知顾客最新的到货时间；商品如有损坏，将免费补发或退款。',
      '最新配送情况将每日在官方网站更新。',
      '查询订单，请联系：{contact}',
    ],
  },
  competitorAttack: {
    title: '回应不实指控',
    body: [
      '我们注意到近日有关{company}{product}的说法（{incident}）。其中与事实不符之处，我们以公开资料说明：{product}的检验报告与认证文件已发布于官方网站。',
      '我们尊重公平竞争，已保存相关记录，必要时将通过法律途径处理。',
      '顾客如有任何疑问，欢迎直接与我们联系：{contact}',
    ],
  },
  marketingControversy: {
    title: '广告争议致歉声明',
    body: [
      '{company}近期的{product}宣传内容（{incident}）引起了许多意见，我们诚挚致歉。',
      '相关广告已于{time}起全部下线；我们正在复盘内容审核流程，今后的宣传都将经过更严格的审核。',
      '感谢大家的指正，改进进展将在官方网站说明。',
      '意见反馈，请联系：{contact}',
    ],
  },
  emotionalVenting: {
    title: '回复顾客投诉',
    body: [
      '您好，我们看到了您关于{incident}的分享，很抱歉让您有这样的感受。',
      '我们希望进一步了解您的情况并协助处理，已安排专人与您联系；也欢迎您直接通过 {contact} 与我们联络。',
      '感谢您告诉我们，{company}会认真对待您的意见。',
    ],
  },
  dataLeak: {
    title: '数据安全事件初步声明',
    body: [
      '{company}于{time}发现{incident}，部分会员资料受到影响，我们深表歉意。',
      '我们已立即阻断异常访问、委托外部安全专家协助调查，并依法向主管部门报告。受影响的会员将单独收到通知与防护措施说明。',
      '建议会员立即修改密码，并留意可疑的来电与信息。调查进展将在24小时内更新。',
      '服务热线：{contact}',
    ],
  },
  executiveMisconduct: {
    title: '高管行为事件声明',
    body: [
      '{company}已知悉外界对{incident}的关注，我们严肃对待此事。',
      '我们已于{time}启动内部调查，并邀请外部专业人士参与；调查期间，相关人员暂停职务。',
      '调查结果将按程序对外说明。诚信与相互尊重，是我们对每位员工的要求。',
      '媒体联系：{contact}',
    ],
  },
  labourDispute: {
    title: '劳动关系议题声明',
    body: [
      '{company}关注到{incident}。每位员工的权益都是我们重视的事。',
      '我们已于{time}与员工代表展开沟通，并依照劳动法规检视相关制度，通过对话寻找解决办法。',
      '有进展时，我们将第一时间对外说明。',
      '联系窗口：{contact}',
    ],
  },
  foodSafety: {
    title: '食品安全事件初步声明',
    body: [
      '{company}接到报告，{time}有顾客在食用{product}后身体不适（{incident}）。我们非常关心每位顾客的健康，并向受影响的顾客及家属致歉。',
      '我们已暂停销售相关品项，封存同批食材送交第三方实验室检验，并全力配合卫生主管部门调查；相关就医费用将由我们协助处理。',
      '检验结果出来后将立即公布。',
      '如有身体不适或相关问题，请联系：{contact}',
    ],
  },
  falseAdvertising: {
    title: '宣传内容不符致歉声明',
    body: [
      '针对{product}宣传内容与实际不符的反馈（{incident}），{company}向消费者致歉。',
      '相关广告已于{time}起暂停，我们正在全面检查产品说明与宣传用语；已购买的消费者可申请退款或补偿方案。',
      '改进内容与补偿方式将在官方网站公告。',
      '申请与咨询：{contact}',
    ],
  },
  overbooking: {
    title: '超额预订致歉声明',
    body: [
      '{time}的{incident}中，部分旅客因超额预订未能按时乘机或入住，{company}深表歉意。',
      '我们已为受影响的旅客安排最近的替代航班或房间，并提供升舱、住宿与餐食协助，另有补偿方案。',
      '我们也正在调整预订系统的设置。',
      '受影响的旅客，请联系：{contact}',
    ],
  },
};
