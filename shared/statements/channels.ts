/**
 * Target channels and their length limits, counted the way each platform counts. Chinese text is
 * where naive `.length` goes wrong: X weighs a CJK character as 2, Weibo weighs half-width
 * characters as ½, an SMS with one Chinese character drops from 160 to 70 characters, and an
 * emoji may be several code points but one character to the reader. Limits are the platforms'
 * published figures at the time of writing; teams can still read the count and judge.
 */

export const CHANNEL_KEYS = ['x', 'weibo', 'line', 'facebook', 'threads', 'instagram', 'sms', 'press', 'website', 'email', 'intranet'] as const;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/** How a channel counts. */
export type CountingRule = 'xWeighted' | 'weibo' | 'graphemes' | 'sms' | 'none';

export interface ChannelSpec {
  key: ChannelKey;
  /** Maximum count for one post/message; null when the channel has no practical limit. */
  limit: number | null;
  rule: CountingRule;
}

export const CHANNELS: Record<ChannelKey, ChannelSpec> = {
  x: { key: 'x', limit: 280, rule: 'xWeighted' },
  weibo: { key: 'weibo', limit: 2000, rule: 'weibo' },
  line: { key: 'line', limit: 5000, rule: 'graphemes' },
  facebook: { key: 'facebook', limit: 63206, rule: 'graphemes' },
  threads: { key: 'threads', limit: 500, rule: 'graphemes' },
  instagram: { key: 'instagram', limit: 2200, rule: 'graphemes' },
  sms: { key: 'sms', limit: 160, rule: 'sms' },
  press: { key: 'press', limit: null, rule: 'none' },
  website: { key: 'website', limit: null, rule: 'none' },
  email: { key: 'email', limit: null, rule: 'none' },
  intranet: { key: 'intranet', limit: null, rule: 'none' },
};

export function isChannelKey(value: unknown): value is ChannelKey {
  return typeof value === 'string' && (CHANNEL_KEYS as readonly string[]).includes(value);
}

/**
 * Characters that are always a grapheme cluster of their own, whatever surrounds them — except
 * a combining mark or joiner that follows, which belongs to the complex run after them.
 */
const SIMPLE = '\\n\\t\\u0020-\\u007e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u3000-\\u3029\\u3030-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff01-\\uff5e';
const COMPLEX_RUN = new RegExp(`[^${SIMPLE}]+`, 'g');

let segmenter: Intl.Segmenter | null | undefined;

function segmentSlice(text: string, out: string[]): void {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (!segmenter) out.push(...Array.from(text));
  else for (const s of segmenter.segment(text)) out.push(s.segment);
}

/**
 * User-perceived characters (grapheme clusters). Plain Latin and CJK text is split directly;
 * only runs of other characters (emoji, combining marks, other scripts) go through
 * Intl.Segmenter, each with the character before it — V8's segmenter slows down quadratically
 * on long strings (20,000 CJK characters took seconds in one call).
 */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  let pos = 0; // everything before pos is done
  let winStart = -1;
  let winEnd = -1;
  const flush = (): void => {
    if (winStart < 0) return;
    for (let i = pos; i < winStart; i++) out.push(text[i]!);
    segmentSlice(text.slice(winStart, winEnd), out);
    pos = winEnd;
    winStart = -1;
  };
  for (const m of text.matchAll(COMPLEX_RUN)) {
    // The character before a run may combine with it (e + U+0301), so it joins the run.
    const start = Math.max(m.index - 1, winStart >= 0 ? winEnd : pos);
    const end = m.index + m[0].length;
    // Nearby runs share one segmenter call (each call has a fixed cost); windows stay short.
    if (winStart >= 0 && start - winEnd < 32 && end - winStart < 256) {
      winEnd = end;
      continue;
    }
    flush();
    winStart = start;
    winEnd = end;
  }
  flush();
  for (let i = pos; i < text.length; i++) out.push(text[i]!);
  return out;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const URL_RE = /https?:\/\/[^\s<>"'，。、！？）」』]+/gi;
/** X counts every link as this many characters (t.co wrapping). */
export const X_URL_LENGTH = 23;

/** Code point ranges X counts as 1; everything else (CJK, most symbols) counts as 2. */
const X_LIGHT_RANGES: readonly [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function xWeight(cp: number): number {
  return X_LIGHT_RANGES.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
}

/** X (Twitter) weighted length: links 23, emoji 2, CJK 2, Latin 1, after NFC normalization. */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  let total = 0;
  let last = 0;
  for (const m of normalized.matchAll(URL_RE)) {
    total += weighGraphemes(normalized.slice(last, m.index)) + X_URL_LENGTH;
    last = m.index + m[0].length;
  }
  return total + weighGraphemes(normalized.slice(last));
}

function weighGraphemes(text: string): number {
  let total = 0;
  for (const g of graphemes(text)) {
    if (EMOJI.test(g)) {
      total += 2;
      continue;
    }
    for (const ch of g) total += xWeight(ch.codePointAt(0)!);
  }
  return total;
}

/** Weibo length: full-width characters 1, half-width (ASCII) ½, rounded up. */
export function weiboLength(text: string): number {
  let halves = 0;
  for (const g of graphemes(text)) halves += g.length === 1 && g.charCodeAt(0) < 0x80 ? 1 : 2;
  return Math.ceil(halves / 2);
}

/** GSM 03.38 basic character set (counts 1) and its extension table (counts 2). */
const GSM_BASIC = new Set(
  Array.from('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'),
);
const GSM_EXTENDED = new Set(Array.from('^{}\\[~]|€\f'));

/** SMS encoding, length in that encoding's units, and the number of messages it takes. */
export interface SmsCount {
  encoding: 'gsm7' | 'ucs2';
  units: number;
  /** Characters that fit one message in this encoding (160 or 70). */
  singleLimit: number;
  segments: number;
}

/** Counts an SMS: GSM-7 when every character allows, else UCS-2 (any Chinese character). */
export function smsCount(text: string): SmsCount {
  const chars = Array.from(text);
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c));
  if (gsm) {
    const units = chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'gsm7', units, singleLimit: 160, segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units: an emoji outside the BMP takes two
  return { encoding: 'ucs2', units, singleLimit: 70, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** The live count for one channel. */
export interface ChannelCount {
  channel: ChannelKey;
  count: number;
  limit: number | null;
  over: boolean;
  /** SMS only: the messages the text takes. */
  segments?: number;
}

/** Counts `text` for `channel` by that channel's rule. */
export function countFor(channel: ChannelKey, text: string): ChannelCount {
  const spec = CHANNELS[channel];
  switch (spec.rule) {
    case 'xWeighted': {
      const count = xWeightedLength(text);
      return { channel, count, limit: spec.limit, over: count > spec.limit! };
    }
    case 'weibo': {
      const count = weiboLength(text);
      return { channel, count, limit: spec.limit, over: count > spec.limit! };
    }
    case 'graphemes': {
      const count = graphemes(text).length;
      return { channel, count, limit: spec.limit, over: count > spec.limit! };
    }
    case 'sms': {
      const sms = smsCount(text);
      return { channel, count: sms.units, limit: sms.singleLimit, over: sms.units > sms.singleLimit, segments: sms.segments };
    }
    case 'none':
      return { channel, count: graphemes(text).length, limit: null, over: false };
  }
}

/** Counts for every channel in a comma list field (unknown keys ignored). */
export function countChannels(channels: readonly string[], text: string): ChannelCount[] {
  return channels.filter(isChannelKey).map((c) => countFor(c, text));
}
