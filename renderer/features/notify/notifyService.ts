import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import i18next from 'i18next';
import type { Alert } from '../../../shared/incidents/alerts';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { navigate, workspacePath } from '../../app/router';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { watchIncidents } from './watchedCache';
import { AlertWatch } from './alertWatch';

/**
 * System notifications (the web Notification API; in Electron it shows the operating system's
 * own) and an optional short tone when a status update falls due or a drill inject arrives, so a
 * team working in other windows does not miss them. Off until the person turns them on (the
 * browser asks for permission then); silent on the projector unless asked for there too.
 * Settings are per laptop (localStorage: no content in them).
 */
export interface NotifySettings {
  enabled: boolean;
  sound: boolean;
  /** Also on the projector view (off by default: the room sees it already). */
  onProjector: boolean;
}

export const useNotifySettings = create<NotifySettings & { set: (patch: Partial<NotifySettings>) => void }>()(
  persist((set) => ({ enabled: false, sound: false, onProjector: false, set: (patch) => set(patch) }), {
    name: 'crisis-room.notify',
    version: 1,
    partialize: (s) => ({ enabled: s.enabled, sound: s.sound, onProjector: s.onProjector }),
  }),
);

/** Alerts raised this session, newest last (for the in-app list and tests). */
export const useAlerts = create<{ raised: Alert[] }>(() => ({ raised: [] }));

const TICK_MS = 1000;
/** What one tick may spend reading incidents that changed (the rest are read in the next ticks). */
export const READ_BUDGET_MS = 8;
let installed = false;

const onProjector = () => /\/projector(\/|$|\?)/.test(window.location.hash);

function tone(): void {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
    osc.onended = () => void ctx.close();
  } catch {
    /* no audio device: the notification itself still shows */
  }
}

function raise(alert: Alert, workspaceId: string): void {
  useAlerts.setState((s) => ({ raised: [...s.raised.slice(-49), alert] }));
  const settings = useNotifySettings.getState();
  if (!settings.enabled || (onProjector() && !settings.onProjector)) return;
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const title = i18next.t(alert.kind === 'cadence' ? 'notify:cadenceTitle' : 'notify:injectTitle', { title: alert.title });
    const body = alert.kind === 'cadence' ? i18next.t('notify:cadenceBody', { count: alert.minutes }) : alert.detail;
    const n = new Notification(title, { body, tag: alert.key });
    n.onclick = () => {
      window.focus();
      navigate(workspacePath(workspaceId, alert.drill ? 'drills' : 'incidents', alert.incidentId));
    };
  }
  if (settings.sound) tone();
}

/** Asks the browser for permission (once the person turns notifications on). */
export async function enableNotifications(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  useNotifySettings.getState().set({ enabled: permission === 'granted' });
  return permission === 'granted';
}

export function installNotifications(): void {
  if (installed) return;
  installed = true;
  const watch = new AlertWatch();
  window.setInterval(() => {
    const current = useCurrentWorkspace.getState().current;
    const alerts = watch.tick(current, (doc) => watchIncidents(doc, incidentNowFor, READ_BUDGET_MS));
    if (current) for (const alert of alerts) raise(alert, current.id);
  }, TICK_MS);
}
