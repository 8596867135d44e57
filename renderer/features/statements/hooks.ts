import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { deriveGate, type GateState } from '../../../shared/statements/approval';
import { flattenBody } from '../../../shared/statements/body';
import { countChannels, type ChannelCount } from '../../../shared/statements/channels';
import { checkFacts, type FactConflict } from '../../../shared/statements/facts';
import { factsFor } from '../../../shared/statements/factsheet';
import { contentHash } from '../../../shared/statements/hash';
import { effectivePhrases, lintText, phraseSettingsOf, type LintFinding } from '../../../shared/statements/lint';
import { bodyOf, readStatement, statementsOf } from '../../../shared/statements/store';
import type { StatementFields } from '../../../shared/statements/types';
import { splitList } from '../../../shared/statements/types';
import { collectionOf } from '../../../shared/doc/workspaceDoc';

/**
 * Subscriptions for the statement studio. The body is never observed by React directly: one
 * cheap observer bumps a version on every edit, and the analysis (hash, lint, facts, counts)
 * runs once typing pauses. Until it has caught up, the gate cannot show "approved" — a stale
 * hash is never trusted.
 */

/** Any Yjs type (their event types differ, so AbstractType<unknown> does not fit them all). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyYType = Y.AbstractType<any>;

/** Re-renders on shallow changes of a Y type (its own keys, not nested content). */
function useShallow<T>(type: AnyYType | null | undefined, read: () => T): T {
  const cache = useRef<{ v: number; value: T } | null>(null);
  const version = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const h = () => {
        version.current++;
        onChange();
      };
      type.observe(h);
      return () => type.unobserve(h);
    },
    [type],
  );
  const get = useCallback(() => {
    if (!cache.current || cache.current.v !== version.current) cache.current = { v: version.current, value: readRef.current() };
    return cache.current.value;
  }, []);
  return useSyncExternalStore(subscribe, get, get);
}

/** A statement record by id (undefined when it does not exist or was removed). */
export function useStatementRecord(doc: Y.Doc, id: string): YRecord | undefined {
  const coll = statementsOf(doc);
  return useShallow(coll, () => coll.get(id));
}

/** The statement's primitive fields. */
export function useStatementFields(rec: YRecord): StatementFields {
  return useShallow(rec, () => readStatement(rec));
}

/** Re-renders on any change inside a nested collection (approvals, comments, …) or root. */
export function useDeepVersion(type: AnyYType | null | undefined): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const h = () => {
        version.current++;
        onChange();
      };
      type.observeDeep(h);
      return () => type.unobserveDeep(h);
    },
    [type],
  );
  const get = useCallback(() => version.current, []);
  return useSyncExternalStore(subscribe, get, get);
}

/** Everything computed from the body text. */
export interface BodyAnalysis {
  /** Body version this analysis belongs to. */
  version: number;
  text: string;
  hash: string;
  lint: LintFinding[];
  conflicts: FactConflict[];
  counts: ChannelCount[];
}

/** Analysis delay after the last keystroke (ms). */
const ANALYSIS_DELAY = 250;

/**
 * Body analysis that follows edits. Returns the latest analysis and whether it is stale (the
 * body changed since). Facts, phrase settings, language and channels changes re-run it too.
 */
export function useBodyAnalysis(doc: Y.Doc, rec: YRecord, fields: StatementFields): { analysis: BodyAnalysis | null; stale: boolean } {
  const body = bodyOf(rec);
  const bodyVersion = useDeepVersion(body);
  const factsVersion = useDeepVersion(factsOwner(doc, rec, fields));
  const phrasesVersion = useDeepVersion(phraseSettingsOf(doc));
  const [analysis, setAnalysis] = useState<BodyAnalysis | null>(null);
  const key = `${bodyVersion}|${factsVersion}|${phrasesVersion}|${fields.language}|${fields.channels}|${fields.incidentId}`;
  const done = useRef('');

  useEffect(() => {
    if (!body) return;
    const run = () => {
      const flat = flattenBody(body);
      const text = flat.text;
      setAnalysis({
        version: bodyVersion,
        text,
        hash: contentHash(body),
        lint: lintText(text, effectivePhrases(doc, fields.language)),
        conflicts: checkFacts(text, factsFor(doc, rec)),
        counts: countChannels(splitList(fields.channels), text),
      });
      done.current = key;
    };
    // The first analysis (opening the statement) runs at once; later ones when typing pauses.
    if (done.current === '') {
      run();
      return;
    }
    const timer = window.setTimeout(run, ANALYSIS_DELAY);
    return () => window.clearTimeout(timer);
  }, [key, body, bodyVersion, doc, rec, fields.language, fields.channels]);

  return { analysis, stale: !analysis || analysis.version !== bodyVersion };
}

/** The record whose `facts` collection the statement is checked against. */
function factsOwner(doc: Y.Doc, rec: YRecord, fields: StatementFields): AnyYType | null {
  if (fields.incidentId) {
    const inc = collectionOf(doc, 'incidents').get(fields.incidentId);
    if (inc) return inc;
  }
  const f = rec.get('facts');
  return f instanceof Y.Map ? f : null;
}

/**
 * The gate as shown: derived with the analysed hash, and never "approved" while the analysis
 * lags behind the text (then `checking` is true).
 */
export function useGate(rec: YRecord, analysis: BodyAnalysis | null, stale: boolean): GateState & { checking: boolean } {
  const approvalsVersion = useDeepVersion(rec.get('approvals') as AnyYType | undefined);
  const releasesVersion = useDeepVersion(rec.get('releases') as AnyYType | undefined);
  const fieldsVersion = useShallow(rec, () => `${rec.get('stage')}|${rec.get('requiredRoles')}`);
  void approvalsVersion;
  void releasesVersion;
  void fieldsVersion;
  const derived = deriveGate(rec, analysis?.hash ?? '');
  const gate = stale && derived.status === 'approved' ? { ...derived, status: 'in_review' as const, checking: true } : { ...derived, checking: stale };
  // The same gate keeps the same object, so memoized panels skip re-rendering while typing.
  const signature = JSON.stringify(gate);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the value's signature
  return useMemo(() => gate, [signature]);
}
