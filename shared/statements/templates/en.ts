import type { CrisisTypeKey } from '../../playbook/types.js';
import type { TemplateText } from './types.js';

/**
 * Holding statements in English. Principles: fast, a concrete remedy, no blame, no guessing at
 * causes, never "no comment". Placeholders: {company} {product} {incident} {time} {contact}.
 */
export const EN: Record<CrisisTypeKey, TemplateText> = {
  productDefect: {
    title: 'Product issue: holding statement',
    body: [
      'On {time}, {company} received reports that some {product} units are affected by {incident}. We apologise to every customer affected.',
      'We have stopped selling and shipping the batches concerned, and our product team is testing them now. Customers who bought one can choose a free repair, a replacement or a full refund.',
      'We will post test results and next steps on our website within 24 hours.',
      'Questions: {contact}',
    ],
  },
  serviceFailure: {
    title: 'Service lapse: holding statement',
    body: [
      'The {incident} on {time} gave our customers an experience that fell short, and {company} is sorry.',
      'We have contacted the customers concerned to look at each case and help them directly. We are also reviewing the process involved and retraining our front-line staff.',
      'We will report on progress within 24 hours.',
      'If you need help: {contact}',
    ],
  },
  rumour: {
    title: 'Clarification of inaccurate claims',
    body: [
      'Claims circulating online about {company} {product} ({incident}) do not match the facts.',
      'We have published the relevant test reports and documents on our website for anyone to review. Please rely on our official channels for accurate information.',
      'We continue to check the facts and keep records, and will take legal steps where necessary.',
      'Questions or information: {contact}',
    ],
  },
  logistics: {
    title: 'Delivery delays: holding statement',
    body: [
      'Since {time}, {incident} has delayed some deliveries. {company} apologises to everyone still waiting.',
      'We are tracking every affected order and will tell each customer the new delivery date. Damaged items will be replaced free of charge or refunded.',
      'We will update delivery status on our website every day.',
      'Order enquiries: {contact}',
    ],
  },
  competitorAttack: {
    title: 'Response to inaccurate allegations',
    body: [
      'We are aware of recent claims about {company} {product} ({incident}). Where they differ from the facts, the record is public: the test reports and certificates for {product} are on our website.',
      'We respect fair competition. We have kept records of what was published and will seek legal remedies if needed.',
      'Customers with questions are welcome to contact us directly: {contact}',
    ],
  },
  marketingControversy: {
    title: 'Campaign apology',
    body: [
      'Our recent campaign for {product} ({incident}) has drawn many concerns, and {company} apologises.',
      'We withdrew the campaign on {time}. We are reviewing how our content is checked, and future campaigns will go through a stricter review.',
      'Thank you for telling us. We will share the changes on our website.',
      'Feedback: {contact}',
    ],
  },
  emotionalVenting: {
    title: 'Reply to a customer complaint',
    body: [
      'Hello, we have read what you shared about {incident}, and we are sorry it left you feeling this way.',
      'We would like to understand what happened and help. A member of our team will contact you, and you are welcome to reach us directly at {contact}.',
      'Thank you for telling us. {company} takes your feedback seriously.',
    ],
  },
  dataLeak: {
    title: 'Data security incident: holding statement',
    body: [
      'On {time}, {company} discovered {incident} affecting some member data. We are sorry.',
      'We blocked the unusual access straight away, brought in external security experts to investigate, and notified the authorities as the law requires. Affected members will be contacted individually with steps to protect themselves.',
      'We recommend changing your password now and watching for suspicious calls or messages. We will update on the investigation within 24 hours.',
      'Helpline: {contact}',
    ],
  },
  executiveMisconduct: {
    title: 'Statement on a conduct matter',
    body: [
      '{company} is aware of public concern about {incident} and takes it seriously.',
      'On {time} we began an internal investigation with independent external experts. The person concerned has stepped back from their duties while it runs.',
      'We will report the outcome as our procedures allow. Integrity and respect are what we expect of everyone here.',
      'Media enquiries: {contact}',
    ],
  },
  labourDispute: {
    title: 'Statement on a workplace matter',
    body: [
      '{company} is aware of {incident}. The rights of every colleague matter to us.',
      'On {time} we began talks with employee representatives and are reviewing the policies involved against labour law, so that we can find a solution together.',
      'We will share progress as soon as there is any.',
      'Contact: {contact}',
    ],
  },
  foodSafety: {
    title: 'Food safety incident: holding statement',
    body: [
      '{company} has been told that on {time} some customers felt unwell after eating {product} ({incident}). Their health comes first, and we apologise to them and their families.',
      'We have stopped selling the items concerned, sealed the same batch of ingredients for testing by an independent laboratory, and are working fully with the health authorities. We will help cover related medical costs.',
      'We will publish the laboratory results as soon as we receive them.',
      'If you feel unwell or have questions: {contact}',
    ],
  },
  falseAdvertising: {
    title: 'Apology for inaccurate advertising',
    body: [
      'Customers have told us that our advertising for {product} does not match the product ({incident}). {company} apologises.',
      'We paused the advertising on {time} and are reviewing every product description and claim. Customers who bought {product} can apply for a refund or compensation.',
      'We will publish the changes and the compensation details on our website.',
      'Applications and questions: {contact}',
    ],
  },
  overbooking: {
    title: 'Overbooking apology',
    body: [
      'During {incident} on {time}, some travellers could not board or check in as booked because of overbooking. {company} is sorry.',
      'We have rebooked affected travellers on the nearest alternative flight or room and are providing upgrades, accommodation and meals, with compensation to follow.',
      'We are also changing how our booking system is set up.',
      'Affected travellers, please contact: {contact}',
    ],
  },
};
