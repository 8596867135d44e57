/**
 * Reading the bytes of a CSV file in the encodings spreadsheets really save: UTF-8 (with or
 * without BOM), UTF-16 ("Unicode text" in Excel, with or without BOM), Big5 / CP950 (Excel's
 * default "CSV" in Taiwan and Hong Kong) and GBK / GB18030 (the default in mainland China).
 * TextDecoder decodes all of them (WHATWG Encoding: `gbk` and `gb18030` share one decoder, a
 * superset of GBK and GB2312).
 *
 * Detection, in order: a byte order mark; a NUL pattern that only UTF-16 text has; valid UTF-8
 * (unless it holds no character above U+07FF while Big5 or GBK reads it as frequent Chinese: a
 * few GBK characters such as 询息要 are also valid UTF-8, as Cyrillic and Greek letters);
 * then Big5 against GB18030: each decoding must succeed without a single error, and the one
 * with the larger share of frequently used characters (./frequentHanzi.ts) wins: bytes read in
 * the wrong one of the two give valid but rare characters (客服部 in GBK read as Big5 is 諦督窒).
 * When that does not decide, the share of two-byte characters in each standard's "frequently
 * used" block does (Big5 level 1, A440–C67E; GB2312 level 1, B0A1–D7FE; the punctuation rows). The caller shows which encoding was read and lets the person pick
 * another.
 */

import { frequentShare } from './frequentHanzi.js';

export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export function isCsvEncoding(value: unknown): value is CsvEncoding {
  return typeof value === 'string' && (CSV_ENCODINGS as readonly string[]).includes(value);
}

/** How the encoding was chosen. */
export type EncodingEvidence = 'bom' | 'nulPattern' | 'validUtf8' | 'ascii' | 'chineseScore' | 'onlyDecoding' | 'chosen';

export interface DetectedEncoding {
  encoding: CsvEncoding;
  evidence: EncodingEvidence;
  /** Bytes of a byte order mark to skip (0 when none). */
  bomLength: number;
}

const BOMS: { bytes: number[]; encoding: CsvEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  for (const bom of BOMS) if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  return null;
}

/** Decodes strictly: null when the bytes are not valid in `encoding`. */
export function decodeStrict(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    // ignoreBOM: a BOM is stripped by the caller, not silently by the decoder of another encoding.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: in text with ASCII (commas, digits, a header) every other byte is 0. */
function utf16ByNuls(bytes: Uint8Array): CsvEncoding | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  const n = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

interface Score {
  /** Two-byte characters read. */
  chars: number;
  /** Of those, in the frequently used block or the punctuation rows. */
  common: number;
}

/** Big5: lead 81–FE, trail 40–7E or A1–FE. Frequently used: A440–C67E; punctuation A140–A3BF. */
function big5Score(bytes: Uint8Array): Score {
  const score: Score = { chars: 0, common: 0 };
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const code = (lead << 8) | (bytes[i + 1] ?? 0);
    score.chars++;
    if ((code >= 0xa440 && code <= 0xc67e) || (code >= 0xa140 && code <= 0xa3bf)) score.common++;
    i++;
  }
  return score;
}

/** GB18030: two bytes (lead 81–FE, trail 40–FE) or four (second byte 30–39). Frequently used: GB2312 level 1 and rows A1–A3. */
function gbScore(bytes: Uint8Array): Score {
  const score: Score = { chars: 0, common: 0 };
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    score.chars++;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte sequence: characters outside GBK, rare in a contact table
      continue;
    }
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa3))) score.common++;
    i++;
  }
  return score;
}

const share = (s: Score): number => (s.chars === 0 ? 0 : s.common / s.chars);

/**
 * Big5 or GB18030, for bytes both decode: first by the share of frequently used characters in
 * each decoding, then by the share of characters in each standard's frequently used block. Ties
 * (e.g. only punctuation) go to Big5: the app's first language is Traditional Chinese.
 */
function bigFiveOrGb(bytes: Uint8Array, asBig5: string, asGb: string): CsvEncoding {
  const byWords = frequentShare(asGb).share - frequentShare(asBig5).share;
  if (Math.abs(byWords) >= 0.1) return byWords > 0 ? 'gb18030' : 'big5';
  return share(gbScore(bytes)) > share(big5Score(bytes)) ? 'gb18030' : 'big5';
}

/** UTF-8 text with no character above U+07FF (so no Chinese): a few GBK or Big5 characters can look like that. */
function onlyTwoByteUtf8(text: string): boolean {
  return !/[\u0800-\uFFFF]/.test(text);
}

/** Whether a Big5 or GB18030 decoding reads as real Chinese (for bytes that are also valid UTF-8). */
function readsAsChinese(...decodings: (string | null)[]): boolean {
  return decodings.some((text) => {
    if (text === null) return false;
    const { hanzi, share } = frequentShare(text);
    return hanzi >= 2 && share >= 0.6;
  });
}

/**
 * Picks the encoding of a CSV file's bytes; null when no supported encoding reads them without
 * errors.
 */
export function detectCsvEncoding(bytes: Uint8Array): DetectedEncoding | null {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, evidence: 'bom', bomLength: bom.length };
  const utf16 = utf16ByNuls(bytes);
  if (utf16 && decodeStrict(bytes, utf16) !== null) return { encoding: utf16, evidence: 'nulPattern', bomLength: 0 };
  if (!bytes.some((b) => b >= 0x80)) return { encoding: 'utf-8', evidence: 'ascii', bomLength: 0 };
  const utf8 = decodeStrict(bytes, 'utf-8');
  const big5 = decodeStrict(bytes, 'big5');
  const gb = decodeStrict(bytes, 'gb18030');
  if (utf8 !== null && !(onlyTwoByteUtf8(utf8) && readsAsChinese(big5, gb))) return { encoding: 'utf-8', evidence: 'validUtf8', bomLength: 0 };
  if (big5 !== null && gb !== null) return { encoding: bigFiveOrGb(bytes, big5, gb), evidence: 'chineseScore', bomLength: 0 };
  if (big5 !== null) return { encoding: 'big5', evidence: 'onlyDecoding', bomLength: 0 };
  if (gb !== null) return { encoding: 'gb18030', evidence: 'onlyDecoding', bomLength: 0 };
  return null;
}

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding; evidence: EncodingEvidence } | { ok: false; encoding: CsvEncoding | null };

/**
 * Decodes a CSV file: in `encoding` when the person chose one, else in the detected one. The BOM
 * of the encoding read is dropped. Fails (never guesses characters) when the bytes are not valid
 * in that encoding.
 */
export function decodeCsvText(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  const detected: DetectedEncoding | null = encoding ? { encoding, evidence: 'chosen', bomLength: 0 } : detectCsvEncoding(bytes);
  if (!detected) return { ok: false, encoding: null };
  const bom = bomOf(bytes);
  const skip = bom && bom.encoding === detected.encoding ? bom.length : 0;
  const text = decodeStrict(bytes.subarray(skip), detected.encoding);
  if (text === null) return { ok: false, encoding: detected.encoding };
  return { ok: true, text, encoding: detected.encoding, evidence: detected.evidence };
}
