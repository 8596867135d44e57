// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { YRecord } from '../../../shared/doc/collection';
import { readText } from '../../../shared/playbook/textFields';
import { TextFieldBinding, transformCaret, type TextInputLike } from '../../../renderer/ui/textBinding';
import { flushNow } from '../../../renderer/workspace/flush';

/** An input as the binding sees it: value and selection, edited the way a browser does. */
class FakeInput implements TextInputLike {
  value = '';
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  setSelectionRange(start: number, end: number): void {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  caretAt(i: number): void {
    this.setSelectionRange(i, i);
  }
  /** Types `s` at the caret (replacing a selection), as the browser does before `input`. */
  type(s: string): void {
    const start = this.selectionStart ?? 0;
    const end = this.selectionEnd ?? start;
    this.value = this.value.slice(0, start) + s + this.value.slice(end);
    this.caretAt(start + s.length);
  }
  backspace(): void {
    const at = this.selectionStart ?? 0;
    this.value = this.value.slice(0, at - 1) + this.value.slice(at);
    this.caretAt(at - 1);
  }
}

/** Two laptops with one record whose `note` is a plain string (as older documents have it). */
function twoRecords(initial = 'Call the hotline'): [YRecord, YRecord, () => void] {
  const a = new Y.Doc();
  const recA = a.transact(() => a.getMap('records').set('r1', new Y.Map<unknown>()) as YRecord, 'system');
  a.transact(() => recA.set('note', initial), 'system');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  const recB = b.getMap('records').get('r1') as YRecord;
  const sync = () => {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, toB, 'remote');
    Y.applyUpdate(a, toA, 'remote');
  };
  return [recA, recB, sync];
}

const bindings = new Map<FakeInput, TextFieldBinding>();

function bound(rec: YRecord): [FakeInput, TextFieldBinding] {
  const input = new FakeInput();
  const binding = new TextFieldBinding(input, rec, 'note');
  bindings.set(input, binding);
  return [input, binding];
}

/** The `input` event after a keystroke. */
function bindingInput(_rec: YRecord, input: FakeInput): void {
  bindings.get(input)!.input();
}

describe('a text field bound to a Y.Text', () => {
  it('writes each keystroke as an edit at the caret, and shows others’ text keeping the caret', () => {
    const [recA, recB, sync] = twoRecords();
    const [inA] = bound(recA);
    const [inB] = bound(recB);
    expect(inA.value).toBe('Call the hotline');
    inA.caretAt(4);
    for (const ch of ' now') {
      inA.type(ch);
      bindingInput(recA, inA);
    }
    inB.caretAt(inB.value.length);
    for (const ch of '!!') {
      inB.type(ch);
      bindingInput(recB, inB);
    }
    sync();
    expect(inA.value).toBe('Call now the hotline!!');
    expect(inB.value).toBe('Call now the hotline!!');
    // B's caret followed its own text (after "!!"), A's stayed after " now".
    expect(inB.selectionStart).toBe(inB.value.length);
    expect(inA.selectionStart).toBe(8);
  });

  it('keeps two people typing at the same spot each after their own characters', () => {
    const [recA, recB, sync] = twoRecords('X');
    const [inA] = bound(recA);
    const [inB] = bound(recB);
    inA.caretAt(1);
    inB.caretAt(1);
    for (let i = 0; i < 5; i++) {
      inA.type('ABCDE'[i]!);
      bindingInput(recA, inA);
      inB.type('abcde'[i]!);
      bindingInput(recB, inB);
      sync();
    }
    expect(inA.value).toBe(inB.value);
    expect(inA.value).toMatch(/^X(ABCDE|abcde)(ABCDE|abcde)$/);
  });

  it('holds an IME composition to itself, writes it where it started, and leaving the page writes it', () => {
    const [recA, recB, sync] = twoRecords('通知');
    const [inA, bA] = bound(recA);
    const [inB] = bound(recB);
    inA.caretAt(2);
    bA.compositionStart();
    inA.type('ㄈㄚˋ');
    bA.input(true);
    expect(readText(recA, 'note')).toBe('通知');
    // Meanwhile someone types at the start; the composition is not disturbed.
    inB.caretAt(0);
    inB.type('請');
    bindingInput(recB, inB);
    sync();
    expect(inA.value).toBe('通知ㄈㄚˋ');
    // The page is hidden mid-composition: what it shows is written.
    flushNow();
    expect(readText(recA, 'note')).toBe('請通知ㄈㄚˋ');
    expect(inA.value).toBe('通知ㄈㄚˋ'); // the input is left alone while the IME works
    // The IME finishes: the phonetic text becomes 法務.
    inA.value = '通知法務';
    inA.caretAt(4);
    bA.compositionEnd();
    expect(readText(recA, 'note')).toBe('請通知法務');
    expect(inA.value).toBe('請通知法務');
    expect(inA.selectionStart).toBe(5);
    sync();
    expect(inB.value).toBe('請通知法務');
  });

  it('follows the field when it is replaced as a whole (an import, an older app)', () => {
    const [recA] = twoRecords();
    const [inA] = bound(recA);
    inA.caretAt(4);
    inA.type('!');
    bindingInput(recA, inA);
    recA.doc!.transact(() => recA.set('note', 'Replaced'), 'import');
    expect(inA.value).toBe('Replaced');
    inA.caretAt(8);
    inA.type('?');
    bindingInput(recA, inA);
    expect(readText(recA, 'note')).toBe('Replaced?');
  });
});

describe('transformCaret', () => {
  it('moves a caret through inserts and deletes; an insert at the caret stays after it', () => {
    expect(transformCaret(5, [{ retain: 2 }, { insert: 'ab' }])).toBe(7);
    expect(transformCaret(5, [{ retain: 5 }, { insert: 'ab' }])).toBe(5);
    expect(transformCaret(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformCaret(5, [{ retain: 4 }, { delete: 3 }])).toBe(4);
    expect(transformCaret(2, [{ retain: 6 }, { delete: 1 }])).toBe(2);
  });
});

