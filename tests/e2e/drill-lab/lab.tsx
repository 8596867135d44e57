/**
 * Drill lab: one workspace document, the product's sync stack over WebRTC (renderer/sync) and
 * the real drills section (renderer/features/drills: incident room, exercise clock, review),
 * routed by the URL hash as in the app. Driven by tests/e2e/drill-sync.spec.ts through
 * `window.dlab`. The app starts sync itself (renderer/sync/syncLifecycle.ts, from
 * app/wiring.ts); this page calls the same startSync without the app shell, so the spec can set
 * up two peers and their clocks directly.
 */
import { createRoot } from 'react-dom/client';
import { createElement, Fragment } from 'react';
import * as Y from 'yjs';
import '../../../renderer/styles.css';
import { startSync, type SyncHandle } from '../../../renderer/sync/syncService';
import { initI18n } from '../../../renderer/i18n';
import { useSession } from '../../../renderer/session/sessionStore';
import { useCurrentWorkspace } from '../../../renderer/workspace/useWorkspace';
import type { OpenWorkspace } from '../../../renderer/workspace/workspaceService';
import { useRoute } from '../../../renderer/app/router';
import { Toasts } from '../../../renderer/ui/toasts';
import { DrillsPage } from '../../../renderer/features/drills/DrillsPage';
import { DrillIndicator } from '../../../renderer/features/drills/DrillIndicator';
import { getDeviceId, registerAwarenessSource, useClockSync } from '../../../renderer/exerciseClock/clockService';
import { incidentNowFor } from '../../../renderer/exerciseClock/useExerciseClock';
import { readChildren } from '../../../shared/doc/collection';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { readPlaybook } from '../../../shared/playbook/accessors';
import { SCENARIO_LIBRARY, scenarioFromLibrary } from '../../../shared/drills/library/index';
import { addScenario } from '../../../shared/drills/scenario';
import { incidentRecord, listIncidents } from '../../../shared/incidents/incidents';
import { playbookOf } from '../../../shared/doc/workspaceDoc';

const WORKSPACE = 'drill-lab';
let doc = new Y.Doc();
let handle: SyncHandle | null = null;
let roomKey = '';
const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(`rejection: ${String((e.reason as Error)?.message ?? e.reason)}`));

function LabApp() {
  const route = useRoute();
  return createElement(Fragment, null, createElement('div', { className: 'topbar' }, createElement(DrillIndicator)), createElement(DrillsPage, { rest: route.rest, params: route.params }), createElement(Toasts));
}

const dlab = {
  /** A fresh workspace document; the seeding peer gets the default playbook and the food scenario. */
  init(o: { roomKey: string; seed: boolean; name: string }): void {
    doc = new Y.Doc();
    useSession.setState({ language: 'en', userName: o.name });
    roomKey = o.roomKey;
    if (o.seed) {
      seedWorkspace(doc, 'en');
      const lib = SCENARIO_LIBRARY.find((s) => s.key === 'restaurant-food-poisoning')!;
      const type = readPlaybook(doc).crisisTypes.find((t) => t.key === lib.crisisTypeKey)!;
      addScenario(doc, scenarioFromLibrary(lib, 'en', type.steps), 'user');
    }
    useCurrentWorkspace.setState({ current: { id: WORKSPACE, doc, provider: null, close: () => {} } as unknown as OpenWorkspace, loadingId: null, error: null });
  },
  /** The product's sync over WebRTC; its presence carries the exercise-clock exchanges. */
  connect(o: { signaling: string[]; name: string }): void {
    handle = startSync({ workspaceId: WORKSPACE, doc, signaling: o.signaling, iceServers: [], user: { name: o.name, color: '#0369a1' }, publish: false, password: roomKey });
    registerAwarenessSource(() => handle?.awareness ?? null);
  },
  mount(): void {
    initI18n();
    createRoot(document.getElementById('root')!).render(createElement(LabApp));
  },
  peers(): number {
    return handle ? handle.session.status().peers.filter((p) => p.connected && p.inSync).length : 0;
  },
  hasScenario(): boolean {
    return doc.getMap('drills.scenarios').size > 0;
  },
  drillId(): string {
    return listIncidents(doc).find((i) => i.drill)?.id ?? '';
  },
  deviceId: (): string => getDeviceId(),
  /** This laptop's idea of the exercise time now (ms), and of its offset to the facilitator. */
  exerciseNow(): number {
    return incidentNowFor(incidentRecord(doc, dlab.drillId()), true);
  },
  sync: () => ({ status: useClockSync.getState().status, offset: useClockSync.getState().offset, rtt: useClockSync.getState().rtt }),
  /** The food-safety step `index` of the playbook: target and checklist texts. */
  step(index: number): { title: string; targetMinutes: number; checklist: string[] } {
    const type = [...playbookOf(doc).crisisTypes.values()].find((t) => t.get('key') === 'foodSafety')!;
    const step = readChildren(type, 'steps')[index]!;
    return { title: String(step.get('title')), targetMinutes: Number(step.get('targetMinutes')), checklist: readChildren(step, 'checklist').map((c) => String(c.get('text'))) };
  },
  errors: () => errors,
};

declare global {
  interface Window {
    dlab: typeof dlab;
  }
}
window.dlab = dlab;
document.getElementById('state')!.textContent = 'ready';
