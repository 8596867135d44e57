import type { CrisisTypeKey } from '../../playbook/types.js';
import type { TemplateText } from './types.js';

/**
 * 初步聲明範本（繁體中文）。原則：快、具體補救、不推卸、不臆測原因、不說「無可奉告」。
 * Placeholders: {company} {product} {incident} {time} {contact}.
 */
export const ZH_TW: Record<CrisisTypeKey, TemplateText> = {
  productDefect: {
    title: '產品問題初步聲明',
    body: [
      '{company}於{time}接獲部分{product}發生{incident}的反映，我們向受影響的顧客誠摯致歉。',
      '我們已即刻暫停相關批次的銷售與出貨，並由產品團隊進行檢測。已購買的顧客可選擇免費檢修、更換或全額退款。',
      '檢測結果與後續處理進度，將於24小時內在官方網站更新。',
      '如有任何疑問，請聯繫：{contact}',
    ],
  },
  serviceFailure: {
    title: '服務疏失初步聲明',
    body: [
      '{time}發生的{incident}，讓顧客有了不好的經驗，{company}深感抱歉。',
      '我們已主動聯繫相關顧客，逐案了解情況並提供協助；同時檢討現行服務流程，並安排第一線同仁重新訓練。',
      '處理進度將於24小時內對外說明。',
      '需要協助的顧客，請聯繫：{contact}',
    ],
  },
  rumour: {
    title: '不實訊息澄清',
    body: [
      '近日網路流傳有關{company}{product}的訊息（{incident}），與事實不符。',
      '我們已將相關檢驗報告與文件公開於官方網站，歡迎各界查閱。請以官方發布的資訊為準。',
      '我們會持續查證並保存相關紀錄，必要時將依法處理。',
      '如有疑問或掌握相關資訊，歡迎聯繫：{contact}',
    ],
  },
  logistics: {
    title: '配送延誤初步聲明',
    body: [
      '{time}起，因{incident}，部分訂單的配送受到影響，{company}向久候的顧客致歉。',
      '我們已逐筆追蹤受影響的訂單，並主動通知顧客最新的到貨時間；商品如有損壞，將免費補寄或退款。',
      '最新配送狀況將每日在官方網站更新。',
      '查詢訂單，請聯繫：{contact}',
    ],
  },
  competitorAttack: {
    title: '回應不實指控',
    body: [
      '我們注意到近日有關{company}{product}的說法（{incident}）。其中與事實不符之處，我們以公開資料說明：{product}的檢驗報告與認證文件已刊登於官方網站。',
      '我們尊重公平競爭，已保存相關紀錄，必要時將循法律途徑處理。',
      '顧客如有任何疑問，歡迎直接與我們聯繫：{contact}',
    ],
  },
  marketingControversy: {
    title: '廣告爭議致歉聲明',
    body: [
      '{company}近期的{product}宣傳內容（{incident}）引起許多意見，我們誠摯致歉。',
      '相關廣告已於{time}起全面下架；我們正在檢討內容審查流程，之後的宣傳都將經過更嚴格的審核。',
      '謝謝大家的指正，改善進度將於官方網站說明。',
      '意見反映，請聯繫：{contact}',
    ],
  },
  emotionalVenting: {
    title: '回覆顧客抱怨',
    body: [
      '您好，我們看到您關於{incident}的分享，很抱歉讓您有這樣的感受。',
      '我們希望進一步了解您的情況並協助處理，已請專人與您聯繫；也歡迎您直接透過 {contact} 與我們聯絡。',
      '謝謝您告訴我們，{company}會認真看待您的意見。',
    ],
  },
  dataLeak: {
    title: '資料安全事件初步聲明',
    body: [
      '{company}於{time}發現{incident}，部分會員資料受到影響，我們深感抱歉。',
      '我們已立即阻斷異常存取、委請外部資安專家協助調查，並依法通報主管機關。受影響的會員將個別收到通知與保護措施說明。',
      '建議會員即刻更改密碼，並留意可疑的來電與訊息。調查進度將於24小時內更新。',
      '專線服務：{contact}',
    ],
  },
  executiveMisconduct: {
    title: '主管行為事件聲明',
    body: [
      '{company}已知悉外界對{incident}的關注，我們嚴肅看待此事。',
      '我們已於{time}啟動內部調查，並邀請外部專業人士參與；調查期間，相關人員暫停職務。',
      '調查結果將依程序對外說明。誠信與相互尊重，是我們對每位同仁的要求。',
      '媒體聯繫：{contact}',
    ],
  },
  labourDispute: {
    title: '勞資議題聲明',
    body: [
      '{company}關注到{incident}。每位同仁的權益都是我們重視的事。',
      '我們已於{time}與同仁代表展開溝通，並依勞動法令檢視相關制度，以對話找出解決方式。',
      '有進展時，我們將第一時間對外說明。',
      '聯繫窗口：{contact}',
    ],
  },
  foodSafety: {
    title: '食品安全事件初步聲明',
    body: [
      '{company}獲報{time}有顧客在食用{product}後身體不適（{incident}）。我們非常關心每位顧客的健康，並向受影響的顧客及家屬致歉。',
      '我們已暫停販售相關品項，封存同批食材送交第三方實驗室檢驗，並全力配合衛生主管機關調查；相關就醫費用將由我們協助處理。',
      '檢驗結果出爐後將立即公布。',
      '如有身體不適或相關問題，請聯繫：{contact}',
    ],
  },
  falseAdvertising: {
    title: '宣傳內容不符致歉聲明',
    body: [
      '針對{product}宣傳內容與實際不符的反映（{incident}），{company}向消費者致歉。',
      '相關廣告已於{time}起暫停，我們正全面檢視產品說明與宣傳用語；已購買的消費者可申請退款或補償方案。',
      '改善內容與補償方式將於官方網站公告。',
      '申請與諮詢：{contact}',
    ],
  },
  overbooking: {
    title: '超額訂位致歉聲明',
    body: [
      '{time}的{incident}中，部分旅客因超額訂位未能如期搭乘或入住，{company}深感抱歉。',
      '我們已為受影響的旅客安排最近的替代班次或房間，並提供升等、住宿與餐食協助，另有補償方案。',
      '我們也正在調整訂位系統的設定。',
      '受影響的旅客，請聯繫：{contact}',
    ],
  },
};
