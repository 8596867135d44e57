/**
 * One trial's edits by the whole team while some laptops are cut off.
 *
 * How much: a long outage gets the full set — every laptop types three words into the statement
 * (start, middle, end), appends to its principle, adds a person and writes a log entry. A short
 * one (5 s) cannot hold that on a shared 2-core machine (about 8–12 s of typing for three
 * laptops), so it gets the light set: each laptop types one statement word and edits one other
 * place, rotated so the team still touches every place in every trial and every laptop edits on
 * both sides of the cut.
 *
 * One rule, the one people follow in a shared document: two colleagues who can see each other do
 * not type at the very same caret position at the same moment (live typing at one spot
 * interleaves letters in any caret-based co-editor, which would count as missing words without
 * any sync fault). In the full set, connected laptops take turns in the statement, each waiting
 * until its copy shows the previous one's words; cut-off laptops type whenever they like. In the
 * light set the laptops type at different places, so nobody waits.
 */
import { ALL_PARTS, type Laptop, type StatementPart, type TeamRefs, type TrialMarkers } from './laptop';
import { sleep } from './converge';

export type EditStep = 'statement' | 'principle' | 'person' | 'log';

/** Outages shorter than this get the light set of edits. */
export const FULL_EDITS_MIN_SECONDS = 20;

export interface LaptopPlan {
  laptop: Laptop;
  slot: number;
  markers: TrialMarkers;
  /** Can see the others (not cut off). */
  connected: boolean;
  steps: EditStep[];
  parts: readonly StatementPart[];
  /** Takes a turn in the statement with the other connected laptops. */
  takesTurn: boolean;
}

const OTHER_STEPS: EditStep[] = ['principle', 'person', 'log'];

/**
 * Who does what. Full set: among the connected, the first starts with the statement and the rest
 * end with it (so the turn costs little waiting). Light set: laptop i types at part (i + trial)
 * of the statement and edits other place (i + trial), so the places rotate between trials.
 */
export function planEdits(laptops: Laptop[], cut: number[], markers: TrialMarkers[], trial: number, light: boolean): LaptopPlan[] {
  let connectedSeen = 0;
  return laptops.map((laptop, i) => {
    const connected = !cut.includes(i);
    const base = { laptop, slot: i, markers: markers[i]!, connected };
    if (light) {
      const k = (i + trial) % laptops.length;
      return { ...base, steps: ['statement', OTHER_STEPS[k % OTHER_STEPS.length]!], parts: [ALL_PARTS[k % ALL_PARTS.length]!], takesTurn: false };
    }
    const steps: EditStep[] = connected && connectedSeen++ > 0 ? [...OTHER_STEPS, 'statement'] : ['statement', ...OTHER_STEPS];
    return { ...base, steps, parts: ALL_PARTS, takesTurn: connected };
  });
}

/** The words a plan types (what must then be on every laptop). */
export function plannedWords(p: LaptopPlan): string[] {
  const m = p.markers;
  const words: string[] = [];
  for (const step of p.steps) {
    if (step === 'statement') words.push(...p.parts.map((part) => (part === 'start' ? m.statementStart : part === 'middle' ? m.statementMiddle : m.statementEnd)));
    else words.push(step === 'principle' ? m.principle : step === 'person' ? m.person : m.log);
  }
  return words;
}

const pageOf = (step: EditStep, refs: TeamRefs): string =>
  step === 'statement' ? `w/${refs.workspaceId}/statements/${refs.statementId}` : step === 'principle' ? `w/${refs.workspaceId}/playbook/principles` : step === 'person' ? `w/${refs.workspaceId}/roles/people` : `w/${refs.workspaceId}/incidents/${refs.incidentId}`;

/** Where each laptop is before the cut: on its first step's page (navigation only, no edit). */
export async function preposition(plans: LaptopPlan[], refs: TeamRefs): Promise<void> {
  await Promise.all(plans.map((p) => p.laptop.go(pageOf(p.steps[0]!, refs))));
}

export interface EditOutcome {
  /** ms per step, per laptop (steps after a failure are absent). */
  took: Array<Partial<Record<EditStep, number>>>;
  errors: Array<string | null>;
}

export async function runEdits(plans: LaptopPlan[], refs: TeamRefs): Promise<EditOutcome> {
  // The statement turn among connected laptops: a chain of promises.
  let turn: Promise<void> = Promise.resolve();
  const previousWords: string[] = [];
  const took: EditOutcome['took'] = plans.map(() => ({}));
  const errors: EditOutcome['errors'] = plans.map(() => null);

  const statement = async (p: LaptopPlan) => {
    if (!p.takesTurn) return p.laptop.typeInStatement(refs, p.markers, p.parts);
    const waitFor = [...previousWords];
    const mine = turn.then(async () => {
      // Wait until this copy shows the previous colleague's words (up to 15 s, then type anyway).
      const t0 = Date.now();
      while (waitFor.length && Date.now() - t0 < 15_000 && (await p.laptop.missing(waitFor)).length > 0) await sleep(100);
      await p.laptop.typeInStatement(refs, p.markers, p.parts);
    });
    // The next connected laptop waits for this one's words even if this one failed.
    turn = mine.catch(() => {});
    previousWords.push(p.markers.statementStart, p.markers.statementMiddle, p.markers.statementEnd);
    return mine;
  };

  await Promise.all(
    plans.map(async (p, i) => {
      try {
        for (const step of p.steps) {
          const t0 = Date.now();
          if (step === 'statement') await statement(p);
          else if (step === 'principle') await p.laptop.appendToPrinciple(refs, p.slot, p.markers.principle);
          else if (step === 'person') await p.laptop.addPerson(refs, p.markers.person);
          else await p.laptop.addLogEntry(refs, `decision ${p.markers.log}`);
          took[i]![step] = Date.now() - t0;
        }
      } catch (err) {
        errors[i] = String((err as Error)?.message ?? err).split('\n')[0]!;
      }
    }),
  );
  return { took, errors };
}
