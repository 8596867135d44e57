import * as Y from 'yjs';
import { z } from 'zod';

/**
 * A statement body is a Y.XmlFragment written by the editor's Yjs binding: elements named after
 * ProseMirror node types (paragraph, heading, bulletList…) with their attributes, and Y.XmlText
 * runs whose formatting attributes are the marks (bold, italic, link…; overlapping marks carry a
 * `--hash` suffix). This module reads and writes that layout without any editor code, so the
 * approval hash, the lint and printing work the same in every process.
 */

/** A body node as plain JSON (the ProseMirror JSON shape). */
export interface BodyNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
  text?: string;
  marks?: BodyMark[];
}
export interface BodyMark {
  type: string;
  attrs?: Record<string, unknown>;
}

const markSchema: z.ZodType<BodyMark> = z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() });
/** Validates body JSON read from a version or release (it came from a peer). */
export const bodyNodeSchema: z.ZodType<BodyNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(bodyNodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(markSchema).optional(),
  }),
);

/** Inline (non-text) nodes: they sit inside a paragraph. A hard break reads as a line break. */
const INLINE_NODES = new Set(['hardBreak', 'hard_break', 'image', 'mention']);
const LINE_BREAK_NODES = new Set(['hardBreak', 'hard_break']);

/** Mark name from a Y.XmlText attribute key (strips the overlapping-mark hash). */
function markName(key: string): string {
  const i = key.indexOf('--');
  return i >= 0 ? key.slice(0, i) : key;
}

function textToNodes(text: Y.XmlText): BodyNode[] {
  const out: BodyNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const node: BodyNode = { type: 'text', text: op.insert };
    const attrs = op.attributes ?? {};
    const marks = Object.keys(attrs)
      .filter((k) => attrs[k] !== null && attrs[k] !== undefined)
      .map((k) => {
        const v = attrs[k];
        const mark: BodyMark = { type: markName(k) };
        if (v && typeof v === 'object' && Object.keys(v).length > 0) mark.attrs = v as Record<string, unknown>;
        return mark;
      });
    if (marks.length > 0) node.marks = marks;
    out.push(node);
  }
  return out;
}

function elementToNode(el: Y.XmlElement): BodyNode {
  const node: BodyNode = { type: el.nodeName };
  const attrs = el.getAttributes() as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined));
  if (Object.keys(kept).length > 0) node.attrs = kept;
  const content = childrenToNodes(el);
  if (content.length > 0) node.content = content;
  return node;
}

function childrenToNodes(parent: Y.XmlFragment | Y.XmlElement): BodyNode[] {
  const out: BodyNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textToNodes(child));
    else if (child instanceof Y.XmlElement) out.push(elementToNode(child));
  }
  return out;
}

/** The body as ProseMirror-shaped JSON: `{ type: 'doc', content: [...] }`. */
export function bodyToJson(fragment: Y.XmlFragment): BodyNode {
  return { type: 'doc', content: childrenToNodes(fragment) };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .filter((k) => obj[k] !== null && obj[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return typeof value === 'string' ? value.normalize('NFC') : value;
}

const marksKey = (marks: BodyMark[] | undefined): string => JSON.stringify(sortKeys([...(marks ?? [])].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))));

/** Merges adjacent text runs with equal marks and drops empty ones, recursively. */
function normalizeNode(node: BodyNode): BodyNode {
  const out: BodyNode = { type: node.type };
  if (node.attrs && Object.keys(node.attrs).length > 0) out.attrs = node.attrs;
  if (node.type === 'text') {
    out.text = (node.text ?? '').normalize('NFC');
    if (node.marks && node.marks.length > 0) out.marks = JSON.parse(marksKey(node.marks)) as BodyMark[];
    return out;
  }
  const merged: BodyNode[] = [];
  for (const child of (node.content ?? []).map(normalizeNode)) {
    const last = merged[merged.length - 1];
    if (child.type === 'text') {
      if (!child.text) continue;
      if (last && last.type === 'text' && marksKey(last.marks) === marksKey(child.marks)) {
        last.text = (last.text ?? '') + child.text;
        continue;
      }
    }
    merged.push(child);
  }
  if (merged.length > 0) out.content = merged;
  return out;
}

/**
 * Canonical serialization of a body: normalized JSON (NFC text, merged runs, sorted marks and
 * keys, no empty values). Two bodies that look the same serialize the same; any visible change —
 * a character, a mark, a link target, a heading level — changes it. This is what approvals hash.
 */
export function canonicalBody(body: Y.XmlFragment | BodyNode): string {
  const json = body instanceof Y.XmlFragment ? bodyToJson(body) : body;
  return JSON.stringify(sortKeys(normalizeNode(json)));
}

// ---- Plain text with a map back to the Yjs text runs ----

/** One Y.XmlText run inside the plain text. */
export interface TextSegment {
  text: Y.XmlText;
  /** Offset of the run's first character in the plain text. */
  start: number;
  length: number;
}

/** Plain text of a body and where each Y.XmlText run sits in it. */
export interface FlatBody {
  text: string;
  segments: TextSegment[];
}

function isTextblock(el: Y.XmlElement | Y.XmlFragment): boolean {
  return el.toArray().some((c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && INLINE_NODES.has(c.nodeName)));
}

/**
 * Flattens a body to plain text: blocks separated by '\n', hard breaks as '\n', inline content
 * concatenated. Offsets are UTF-16 units, the same units as Y.Text indexes and editor positions.
 * The editor side (renderer) flattens its document by the same rule.
 */
export function flattenBody(fragment: Y.XmlFragment): FlatBody {
  let text = '';
  const segments: TextSegment[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    if (isTextblock(node)) {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText) {
          const s = plainOf(child);
          segments.push({ text: child, start: text.length, length: s.length });
          text += s;
        } else if (child instanceof Y.XmlElement && LINE_BREAK_NODES.has(child.nodeName)) {
          text += '\n';
        }
      }
      return;
    }
    node.toArray().forEach((child, i) => {
      if (i > 0) text += '\n';
      if (child instanceof Y.XmlElement) walk(child);
    });
  };
  walk(fragment);
  return { text, segments };
}

/** Plain characters of a text run (toString() would render marks as XML tags). */
function plainOf(t: Y.XmlText): string {
  return (t.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** Plain text of a body (see flattenBody). */
export function bodyText(fragment: Y.XmlFragment): string {
  return flattenBody(fragment).text;
}

/** Plain text of body JSON, by the same rule as flattenBody. */
export function jsonText(node: BodyNode): string {
  const kids = node.content ?? [];
  const textblock = kids.some((c) => c.type === 'text' || INLINE_NODES.has(c.type));
  if (textblock) return kids.map((c) => (c.type === 'text' ? (c.text ?? '') : LINE_BREAK_NODES.has(c.type) ? '\n' : '')).join('');
  return kids.map(jsonText).join('\n');
}

// ---- Writing a body (call inside a write(doc, origin, …) transaction) ----

function marksToAttributes(marks: BodyMark[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of marks ?? []) out[m.type] = m.attrs ?? {};
  return out;
}

/**
 * Appends `content` to an integrated parent. Each child is inserted first and filled after, so
 * every Yjs type is part of the document when it is written (prelim types cannot be read).
 */
function appendContent(parent: Y.XmlFragment | Y.XmlElement, content: BodyNode[]): void {
  let i = 0;
  while (i < content.length) {
    const child = content[i]!;
    if (child.type === 'text') {
      const run: BodyNode[] = [];
      while (i < content.length && content[i]!.type === 'text') run.push(content[i++]!);
      const nonEmpty = run.filter((r) => r.text);
      if (nonEmpty.length === 0) continue;
      const t = new Y.XmlText();
      parent.insert(parent.length, [t]);
      t.applyDelta(nonEmpty.map((r) => ({ insert: r.text!, attributes: marksToAttributes(r.marks) })));
      continue;
    }
    const el = new Y.XmlElement(child.type);
    parent.insert(parent.length, [el]);
    for (const [k, v] of Object.entries(child.attrs ?? {})) {
      if (v !== null && v !== undefined) el.setAttribute(k, v as string);
    }
    appendContent(el, child.content ?? []);
    i++;
  }
}

/** Replaces the whole body with `json` (a `doc` node). Must run inside a write transaction. */
export function replaceBody(fragment: Y.XmlFragment, json: BodyNode): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  appendContent(fragment, json.content ?? []);
}

/** Body JSON for plain text: one paragraph per line (empty lines become empty paragraphs). */
export function plainTextToJson(text: string): BodyNode {
  return {
    type: 'doc',
    content: text.split(/\r?\n/).map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}

/** Parses stored body JSON, throwing a clear error when it is not a body. */
export function parseBodyJson(raw: string): BodyNode {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new Error('The saved version is damaged (its body is not valid JSON)');
  }
  const parsed = bodyNodeSchema.safeParse(data);
  if (!parsed.success || parsed.data.type !== 'doc') throw new Error('The saved version is damaged (its body has an unknown shape)');
  return parsed.data;
}
