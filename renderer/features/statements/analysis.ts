import * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import type { Language } from '../../../shared/languages';
import { flattenBody } from '../../../shared/statements/body';
import { countChannels, type ChannelCount } from '../../../shared/statements/channels';
import { checkFacts, type FactConflict } from '../../../shared/statements/facts';
import { factsFor } from '../../../shared/statements/factsheet';
import { contentHash } from '../../../shared/statements/hash';
import { effectivePhrases, lintText, phraseSettingsOf, type LintFinding } from '../../../shared/statements/lint';
import { bodyOf } from '../../../shared/statements/store';
import { findPlaceholders, type Placeholder } from '../../../shared/statements/templates/index';
import { splitList } from '../../../shared/statements/types';

/** Everything computed from the body text. */
export interface BodyAnalysis {
  /** Body version this analysis belongs to. */
  version: number;
  text: string;
  hash: string;
  lint: LintFinding[];
  conflicts: FactConflict[];
  counts: ChannelCount[];
  /** Template placeholders not filled in yet. */
  placeholders: { from: number; to: number; key: Placeholder }[];
}

export interface AnalysisSnapshot {
  analysis: BodyAnalysis | null;
  /** The body changed since `analysis` was made (a new one is on its way). */
  stale: boolean;
}

/** Analysis delay after the last keystroke (ms). */
export const ANALYSIS_DELAY = 250;

/**
 * Follows a statement's body and runs the checks (hash, risky phrases, facts, channel counts)
 * once typing pauses. Typing itself costs one counter increment per edit: subscribers hear only
 * "now stale" (first edit after an analysis) and "new analysis", so the studio does not
 * re-render on every keystroke. Facts, phrase settings, language and channels changes re-run it.
 */
export class BodyAnalyzer {
  private version = 0;
  private snapshot: AnalysisSnapshot = { analysis: null, stale: true };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the armed timer fires, and when the analysis is due (Date.now() ms). */
  private timerAt = 0;
  private due = 0;
  private inputs: { language: Language; channels: string; incidentId: string } | null = null;
  private readonly disposers: (() => void)[] = [];
  private factsDisposer: (() => void) | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly rec: YRecord,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AnalysisSnapshot => this.snapshot;

  /** Starts observing; returns the disposer. */
  start(): () => void {
    const body = bodyOf(this.rec);
    if (body) {
      const onBody = () => {
        this.version++;
        if (!this.snapshot.stale) this.set({ analysis: this.snapshot.analysis, stale: true });
        this.schedule(ANALYSIS_DELAY);
      };
      body.observeDeep(onBody);
      this.disposers.push(() => body.unobserveDeep(onBody));
    }
    const phrases = phraseSettingsOf(this.doc);
    const onPhrases = () => this.schedule(ANALYSIS_DELAY);
    phrases.observeDeep(onPhrases);
    this.disposers.push(() => phrases.unobserveDeep(onPhrases));
    return () => this.dispose();
  }

  /** Statement settings the analysis depends on; the first call runs the first analysis at once. */
  setInputs(language: Language, channels: string, incidentId: string): void {
    const first = this.inputs === null;
    const factsMoved = first || this.inputs!.incidentId !== incidentId;
    this.inputs = { language, channels, incidentId };
    if (factsMoved) this.observeFacts(incidentId);
    this.schedule(first ? 0 : ANALYSIS_DELAY);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.factsDisposer?.();
    this.factsDisposer = null;
    for (const d of this.disposers.splice(0)) d();
  }

  private observeFacts(incidentId: string): void {
    this.factsDisposer?.();
    const incident = incidentId ? collectionOf(this.doc, 'incidents').get(incidentId) : undefined;
    const own = this.rec.get('facts');
    const target = incident ?? (own instanceof Y.Map ? own : null);
    if (!target) {
      this.factsDisposer = null;
      return;
    }
    const on = () => this.schedule(ANALYSIS_DELAY);
    target.observeDeep(on);
    this.factsDisposer = () => target.unobserveDeep(on);
  }

  /**
   * Runs the analysis `delay` ms from now (later calls move it). A keystroke only moves the due
   * time: one timer serves a burst of edits and re-arms itself if it fires before the due time
   * (a clearTimeout + setTimeout pair on every keystroke was a visible share of typing, P14).
   */
  private schedule(delay: number): void {
    const now = Date.now();
    this.due = now + delay;
    if (this.timer && this.timerAt <= this.due) return;
    if (this.timer) clearTimeout(this.timer);
    this.arm(delay, now);
  }

  private arm(delay: number, now: number): void {
    this.timerAt = now + delay;
    this.timer = setTimeout(this.fire, delay);
  }

  private readonly fire = (): void => {
    this.timer = null;
    const now = Date.now();
    if (now < this.due) this.arm(this.due - now, now);
    else this.run();
  };

  private run(): void {
    this.timer = null;
    const body = bodyOf(this.rec);
    if (!body || !this.inputs) return;
    const text = flattenBody(body).text;
    this.set({
      stale: false,
      analysis: {
        version: this.version,
        text,
        hash: contentHash(body),
        lint: lintText(text, effectivePhrases(this.doc, this.inputs.language)),
        conflicts: checkFacts(text, factsFor(this.doc, this.rec)),
        counts: countChannels(splitList(this.inputs.channels), text),
        placeholders: findPlaceholders(text),
      },
    });
  }

  private set(s: AnalysisSnapshot): void {
    this.snapshot = s;
    for (const l of this.listeners) l();
  }
}
