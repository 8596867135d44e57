/**
 * A seeded synthetic editing trace: a person drafting a long public statement, the size of
 * crdt-benchmarks' B4 trace (259,778 operations). Mostly single-character inserts with typing
 * locality (the cursor moves on as one types, and now and then jumps elsewhere), about 12.5 %
 * deletes (bursts of 1–8 backspaces, sometimes a selected range), runs of Traditional Chinese
 * and of English, and about 1 % field edits on the statement record (title, stage, channels…).
 * Operations are grouped into transactions of 50–150 (about 100), as an editor commits them
 * while a person types: about 2,600 Yjs updates.
 *
 * The generator is pure (it keeps its own model of the text length, no Yjs, no DOM), so the same
 * seed gives the same trace in Node and in a browser, for every contender. The helpers at the
 * bottom create the statement-like target record and apply a transaction to a Y.Doc.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { addRecord, type YRecord } from '../../shared/doc/collection';
import { write, type Origin } from '../../shared/doc/origins';
import { collectionOf } from '../../shared/doc/workspaceDoc';

/** Number of operations in crdt-benchmarks' B4 editing trace. */
export const B4_OPS = 259_778;

export interface TraceOptions {
  seed: number;
  /** Total operations (inserts, deletes and field edits). */
  ops: number;
  /** Mean operations per transaction (each transaction holds 0.5×–1.5× this many). */
  opsPerTransaction: number;
}

export const DEFAULT_TRACE: TraceOptions = { seed: 0x5eed_b4, ops: B4_OPS, opsPerTransaction: 100 };

export type TraceOp =
  | { t: 'ins'; pos: number; text: string }
  | { t: 'del'; pos: number; len: number }
  | { t: 'field'; key: string; value: string | number };

// Common characters of a zh-TW crisis statement, and English for mixed passages.
const CJK =
  '我們對於此次事件深表歉意並已立即啟動內部調查確認受影響的顧客範圍將主動聯繫每一位' +
  '說明後續處理方式公司高度重視食品安全與個人資料保護絕不容許任何疏失再次發生目前已' +
  '暫停相關產品販售全面檢查供應鏈流程於今日下午召開記者會向社會大眾報告調查進度感謝' +
  '各界關心與指教如有任何疑問請撥打客服專線或來信詢問我們承諾在二十四小時內回覆負責';
const CJK_PUNCT = '，。、；：「」';
const LATIN = 'etaoinshrdlcumwfgypbvkjxqz';
const LATIN_PUNCT = ',.;:-';
const FIELDS = ['title', 'stage', 'channels', 'ownerUnitId', 'updatedAt'] as const;
const STAGES = ['draft', 'in_review', 'draft', 'released'];

/** Yields the trace one transaction (array of operations) at a time. */
export function* traceTransactions(opts: TraceOptions = DEFAULT_TRACE): Generator<TraceOp[]> {
  const gen = prng.create(opts.seed);
  let len = 0;
  let cursor = 0;
  let cjk = true;
  let emitted = 0;
  // Deletes come in bursts (fixing a typo, rewriting a word): each burst backspaces 1–8 characters.
  let burst = 0;
  const minTx = Math.max(1, Math.round(opts.opsPerTransaction / 2));
  const maxTx = Math.max(minTx, Math.round((opts.opsPerTransaction * 3) / 2));
  while (emitted < opts.ops) {
    const size = Math.min(opts.ops - emitted, prng.int32(gen, minTx, maxTx));
    const tx: TraceOp[] = [];
    for (let n = 0; n < size; n++) {
      const r = prng.real53(gen);
      if (burst > 0 && cursor > 0) {
        burst--;
        cursor--;
        len--;
        tx.push({ t: 'del', pos: cursor, len: 1 });
      } else if (r < 0.01) {
        const key = prng.oneOf(gen, [...FIELDS]);
        const value =
          key === 'updatedAt'
            ? 1_700_000_000_000 + emitted
            : key === 'stage'
              ? prng.oneOf(gen, STAGES)
              : `${key}-${prng.word(gen, 3, 12)}`;
        tx.push({ t: 'field', key, value });
      } else if (r < 0.01 + 0.035 && len > 0) {
        if (prng.real53(gen) < 0.9 && cursor > 0) {
          // Backspace, maybe several times.
          burst = prng.int32(gen, 0, 7);
          cursor--;
          len--;
          tx.push({ t: 'del', pos: cursor, len: 1 });
        } else {
          // A selected range (or forward delete at the start).
          const pos = prng.int32(gen, Math.max(0, cursor - 40), Math.min(len - 1, cursor + 40));
          const del = Math.min(len - pos, prng.int32(gen, 1, 20));
          len -= del;
          cursor = pos;
          tx.push({ t: 'del', pos, len: del });
        }
      } else {
        if (prng.real53(gen) < 0.01) cursor = prng.int32(gen, 0, len);
        if (prng.real53(gen) < 0.02) cjk = !cjk;
        let ch: string;
        const c = prng.real53(gen);
        if (c < 0.004) ch = '\n';
        else if (cjk) ch = c < 0.08 ? prng.oneOf(gen, [...CJK_PUNCT]) : CJK[prng.int32(gen, 0, CJK.length - 1)]!;
        else ch = c < 0.17 ? ' ' : c < 0.2 ? prng.oneOf(gen, [...LATIN_PUNCT]) : LATIN[prng.int32(gen, 0, LATIN.length - 1)]!;
        tx.push({ t: 'ins', pos: cursor, text: ch });
        cursor++;
        len++;
      }
    }
    emitted += size;
    yield tx;
  }
}

/** Summary of a trace without applying it: counts and the final text length. */
export interface TraceSummary {
  ops: number;
  transactions: number;
  inserts: number;
  deletes: number;
  fieldEdits: number;
  finalLength: number;
}

export function summarizeTrace(opts: TraceOptions = DEFAULT_TRACE): TraceSummary {
  const s: TraceSummary = { ops: 0, transactions: 0, inserts: 0, deletes: 0, fieldEdits: 0, finalLength: 0 };
  for (const tx of traceTransactions(opts)) {
    s.transactions++;
    for (const op of tx) {
      s.ops++;
      if (op.t === 'ins') {
        s.inserts++;
        s.finalLength += op.text.length;
      } else if (op.t === 'del') {
        s.deletes++;
        s.finalLength -= op.len;
      } else s.fieldEdits++;
    }
  }
  return s;
}

/** Where the trace is typed: a statement-like record with a rich-text body (one paragraph). */
export interface TraceTarget {
  statementId: string;
  record: YRecord;
  text: Y.XmlText;
}

export const TRACE_STATEMENT_TITLE = '產品下架說明（基準測試）';

/** Adds the statement-like record the trace types into (one transaction, origin 'user'). */
export function createTraceTarget(doc: Y.Doc): TraceTarget {
  return write(doc, 'user', () => {
    const statementId = addRecord(
      collectionOf(doc, 'statements'),
      { title: TRACE_STATEMENT_TITLE, kind: 'press', language: 'zh-TW', stage: 'draft', channels: 'press,web', createdBy: 'bench' },
      'user',
    );
    const record = collectionOf(doc, 'statements').get(statementId)!;
    const body = new Y.XmlFragment();
    record.set('body', body);
    const paragraph = new Y.XmlElement('paragraph');
    body.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    return { statementId, record, text };
  });
}

/** Finds the trace's target in a loaded document (undefined if absent or malformed). */
export function findTraceTarget(doc: Y.Doc, statementId: string): TraceTarget | undefined {
  const record = collectionOf(doc, 'statements').get(statementId);
  const body = record?.get('body');
  if (!record || !(body instanceof Y.XmlFragment)) return undefined;
  const paragraph = body.get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  return text instanceof Y.XmlText ? { statementId, record, text } : undefined;
}

/** Applies one transaction of the trace as one Yjs transaction with `origin`. */
export function applyTraceTransaction(doc: Y.Doc, target: TraceTarget, tx: TraceOp[], origin: Origin = 'user'): void {
  write(doc, origin, () => {
    for (const op of tx) {
      if (op.t === 'ins') target.text.insert(op.pos, op.text);
      else if (op.t === 'del') target.text.delete(op.pos, op.len);
      else target.record.set(op.key, op.value);
    }
  });
}
