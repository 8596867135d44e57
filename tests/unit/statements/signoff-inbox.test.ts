import { describe, expect, it } from 'vitest';
import type { Governance } from '../../../shared/governance/governance';
import { write } from '../../../shared/doc/origins';
import { pendingSignoffFor, pendingSignoffs, reviewerOf } from '../../../shared/statements/inbox';
import * as Y from 'yjs';
import { listStatements, statementsOf } from '../../../shared/statements/store';
import { moveRecord } from '../../../shared/rooms/items';
import { approve, noteLastEditor, setRequiredRoles, submitForReview } from '../../../shared/statements/workflow';
import { SignoffInboxWatcher, type InboxScheduler } from '../../../renderer/features/statements/inboxWatcher';
import { typeInto } from './helpers';
import { appendSigned, signedTeam, statementBy, WS, type Person, type SignedTeam } from './signoff-helpers';

/** What is waiting for `who` in the team's doc: statement ids with the roles. */
async function waitingFor(t: SignedTeam, who: Person): Promise<string[]> {
  const gov = await t.gov();
  return pendingSignoffs(listStatements(t.doc), gov, reviewerOf(gov, t.keys[who].publicKey)).map((p) => `${p.title}:${p.roles.join('+')}`);
}

function inReview(t: SignedTeam, author: Person, title: string, init = {}) {
  const s = statementBy(t, author, { title, ...init });
  submitForReview(t.doc, s.id, 'x');
  return s;
}

describe('awaiting your sign-off (pure)', () => {
  it('lists a statement in review for the holder of a required role until an approval counts over the current text', async () => {
    const t = await signedTeam();
    const draft = statementBy(t, 'owner', { title: '草稿' });
    const s = inReview(t, 'owner', '初步聲明');
    expect(await waitingFor(t, 'legal')).toEqual(['初步聲明:legal']);
    // A holding statement needs only legal by default: nothing waits for the executive, the editor or the author.
    expect(await waitingFor(t, 'exec')).toEqual([]);
    expect(await waitingFor(t, 'editor')).toEqual([]);
    expect(await waitingFor(t, 'owner')).toEqual([]);
    await approve(t.doc, s.id, 'legal', await t.as('legal'));
    expect(await waitingFor(t, 'legal')).toEqual([]);
    // Another legal approver's inbox empties too: the role has its approval.
    expect(await waitingFor(t, 'legalEditor')).toEqual([]);
    // The text changes after the approval: it waits again.
    typeInto(t.doc, s.id, 0, 0, '更新：');
    expect(await waitingFor(t, 'legal')).toEqual(['初步聲明:legal']);
    void draft;
  });

  it('leaves the legal sign-off out for the last editor while the policy keeps separation of duties', async () => {
    const t = await signedTeam();
    const s = inReview(t, 'legalEditor', '由法務撰寫');
    expect(await waitingFor(t, 'legalEditor')).toEqual([]);
    expect(await waitingFor(t, 'legal')).toEqual(['由法務撰寫:legal']);
    // Someone else edits last: now the legal editor may sign it.
    noteLastEditor(s.rec, t.keys.editor.publicKey, 'user');
    expect(await waitingFor(t, 'legalEditor')).toEqual(['由法務撰寫:legal']);
    noteLastEditor(s.rec, t.keys.legalEditor.publicKey, 'user');
    expect(await waitingFor(t, 'legalEditor')).toEqual([]);
    // An owner turns separation of duties off (signed policy): the author may approve their own text.
    await appendSigned(t, 'owner', { ws: WS, kind: 'policy.set', policy: { separationOfDuties: false, requiredRoles: {} } });
    expect(await waitingFor(t, 'legalEditor')).toEqual(['由法務撰寫:legal']);
  });

  it('follows the policy floor and the statement’s own roles; lists the longest-waiting first', async () => {
    const t = await signedTeam();
    inReview(t, 'owner', '第一則', { at: 1000 });
    const second = inReview(t, 'owner', '第二則', { at: 2000 });
    expect(await waitingFor(t, 'exec')).toEqual([]);
    setRequiredRoles(second.rec, ['legal', 'executive']);
    expect(await waitingFor(t, 'exec')).toEqual(['第二則:executive']);
    await appendSigned(t, 'owner', { ws: WS, kind: 'policy.set', policy: { separationOfDuties: true, requiredRoles: { holding: ['legal', 'executive'] } } });
    expect(await waitingFor(t, 'exec')).toEqual(['第一則:executive', '第二則:executive']);
    expect(await waitingFor(t, 'legal')).toEqual(['第一則:legal', '第二則:legal']);
  });

  it('lists nothing for a removed member, a role signed by a non-owner, or while the roster is being verified', async () => {
    const t = await signedTeam();
    inReview(t, 'owner', '初步聲明');
    // The editor makes themself legal approver: not an owner's entry, it does not count.
    await appendSigned(t, 'editor', { ws: WS, kind: 'roster.roles', key: t.keys.editor.publicKey, roles: ['legal_approver'] });
    expect(await waitingFor(t, 'editor')).toEqual([]);
    await appendSigned(t, 'owner', { ws: WS, kind: 'roster.remove', key: t.keys.legal.publicKey });
    expect(await waitingFor(t, 'legal')).toEqual([]);
    const gov = await t.gov();
    const unsettled: Governance = { ...gov, roster: { ...gov.roster, settled: false } };
    expect(reviewerOf(unsettled, t.keys.legalEditor.publicKey).roles).toEqual([]);
    expect(reviewerOf(gov, t.keys.legalEditor.publicKey).roles).toEqual(['legal']);
  });
});

/** A scheduler on a hand-moved clock. */
function manualScheduler() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const idles: Array<{ fn: () => void; live: boolean }> = [];
  const s: InboxScheduler = {
    now: () => now,
    later: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => void (t.live = false);
    },
    idle: (fn) => {
      const t = { fn, live: true };
      idles.push(t);
      return () => void (t.live = false);
    },
  };
  /** Moves the clock, firing due timers; idle callbacks run when `idle` is true (a quiet page). */
  const advance = (ms: number, idle = true) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      now = due.at;
      due.live = false;
      due.fn();
      if (idle) for (const i of idles.splice(0)) if (i.live) i.fn();
    }
    now = end;
    if (idle) for (const i of idles.splice(0)) if (i.live) i.fn();
  };
  return { s, advance };
}

describe('SignoffInboxWatcher: never on the typing path', () => {
  async function setup() {
    const t = await signedTeam();
    const s = inReview(t, 'owner', '初步聲明');
    let gov = await t.gov();
    const listeners = new Set<() => void>();
    const source = {
      getSnapshot: () => gov,
      subscribe: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
      /** The log changed: a new derivation, listeners told (as GovernanceView does). */
      refresh: async () => {
        gov = await t.gov();
        for (const l of listeners) l();
      },
    };
    const clock = manualScheduler();
    return { t, s, source, clock };
  }

  it('works the list out once typing pauses, only for what changed, and at most every maxWait while it goes on', async () => {
    const { t, s, source, clock } = await setup();
    const w = new SignoffInboxWatcher(t.doc, { scheduler: clock.s, quietMs: 300, maxWaitMs: 600 });
    const stop = w.start(source, t.keys.legal.publicKey);
    expect(w.runs).toBe(0); // nothing read while opening
    clock.advance(300);
    expect(w.runs).toBe(1);
    expect(w.getSnapshot().map((p) => p.statementId)).toEqual([s.id]);
    // 100 keystrokes, 50 ms apart (5 s of typing): worked out at most every 600 ms, not per keystroke.
    for (let i = 0; i < 100; i++) {
      typeInto(t.doc, s.id, 0, 0, '字');
      clock.advance(50);
    }
    expect(w.runs).toBeGreaterThan(1);
    expect(w.runs).toBeLessThanOrEqual(1 + Math.ceil(5000 / 600));
    // Legal approves on another laptop: the list empties after the governance changes.
    clock.advance(1000);
    const before = w.runs;
    await approve(t.doc, s.id, 'legal', await t.as('legal'));
    await source.refresh();
    expect(w.getSnapshot()).toHaveLength(1); // not yet: the list is worked out later…
    clock.advance(300);
    expect(w.getSnapshot()).toEqual([]); // …within the quiet time
    expect(w.runs).toBe(before + 1);
    stop();
  });

  it('costs a person without a reviewer role nothing per keystroke', async () => {
    const { t, s, source, clock } = await setup();
    const w = new SignoffInboxWatcher(t.doc, { scheduler: clock.s });
    const stop = w.start(source, t.keys.editor.publicKey);
    clock.advance(1000);
    expect(w.runs).toBe(1);
    for (let i = 0; i < 50; i++) {
      typeInto(t.doc, s.id, 0, 0, '字');
      clock.advance(50);
    }
    clock.advance(2000);
    expect(w.runs).toBe(1);
    expect(w.getSnapshot()).toEqual([]);
    stop();
  });

  it('keeps the list shown while the roster is being verified or sign-offs are still being read', async () => {
    const { t, s, source, clock } = await setup();
    const w = new SignoffInboxWatcher(t.doc, { scheduler: clock.s });
    const stop = w.start(source, t.keys.legal.publicKey);
    await approve(t.doc, s.id, 'legal', await t.as('legal'));
    await source.refresh();
    clock.advance(1000);
    expect(w.getSnapshot()).toEqual([]);
    // The log changes again and the view has not read the approval back yet (GovernanceView reads
    // sign-offs in the background): without it the statement would look as if it still waited.
    const real = source.getSnapshot();
    const partial = { ...real, ordered: real.ordered.filter((i) => i.payload.kind !== 'approval'), unread: 1 };
    expect(pendingSignoffFor(s.rec, { ...partial, unread: 0 }, reviewerOf(real, t.keys.legal.publicKey))).not.toBeNull();
    source.getSnapshot = () => partial;
    await source.refresh();
    clock.advance(1000);
    expect(w.getSnapshot()).toEqual([]); // unchanged: never a guess
    // The roster being verified again (a new roster entry): likewise.
    source.getSnapshot = () => ({ ...partial, unread: 0, roster: { ...real.roster, settled: false } });
    await source.refresh();
    clock.advance(1000);
    expect(w.getSnapshot()).toEqual([]);
    source.getSnapshot = () => real;
    await source.refresh();
    clock.advance(1000);
    expect(w.getSnapshot()).toEqual([]);
    expect(w.runs).toBeGreaterThanOrEqual(4);
    stop();
  });

  it('hashes only the statements that changed', async () => {
    const { t, s, source, clock } = await setup();
    const other = inReview(t, 'owner', '第二則');
    const w = new SignoffInboxWatcher(t.doc, { scheduler: clock.s });
    const stop = w.start(source, t.keys.legal.publicKey);
    clock.advance(1000);
    expect(w.getSnapshot()).toHaveLength(2);
    // A change of the second statement is seen without the first being worked out again: the
    // list is new, the first's entry the same object.
    const list = w.getSnapshot();
    const first = list.find((p) => p.statementId === s.id);
    write(t.doc, 'user', () => other.rec.set('title', '第二則（修訂）'));
    clock.advance(1000);
    expect(w.getSnapshot()).not.toBe(list);
    expect(w.getSnapshot().map((p) => p.title)).toEqual(['初步聲明', '第二則（修訂）']);
    expect(w.getSnapshot().find((p) => p.statementId === s.id)).toBe(first);
    stop();
  });
});

describe('SignoffInboxWatcher: statements of restricted rooms', () => {
  it('lists a statement in review in an open room, and follows edits there', async () => {
    const t = await signedTeam();
    const s = inReview(t, 'owner', '和解聲明');
    const room = new Y.Doc();
    expect(moveRecord(t.doc, room, 'statements', s.id, 'user')).toBe(true);
    const gov = await t.gov();
    const source = { getSnapshot: () => gov, subscribe: () => () => {} };
    const clock = manualScheduler();
    // Without the room's document the workspace alone has nothing waiting.
    const alone = new SignoffInboxWatcher(t.doc, { scheduler: clock.s });
    const stopAlone = alone.start(source, t.keys.legal.publicKey);
    const w = new SignoffInboxWatcher(t.doc, { scheduler: clock.s }, [room]);
    const stop = w.start(source, t.keys.legal.publicKey);
    clock.advance(300);
    expect(alone.getSnapshot()).toEqual([]);
    expect(w.getSnapshot().map((p) => [p.statementId, p.title])).toEqual([[s.id, '和解聲明']]);
    // A title change in the room's document is picked up (only that statement is worked out again).
    write(room, 'user', () => statementsOf(room).get(s.id)!.set('title', '和解聲明（二稿）'));
    clock.advance(300);
    expect(w.getSnapshot().map((p) => p.title)).toEqual(['和解聲明（二稿）']);
    stop();
    stopAlone();
  });
});
