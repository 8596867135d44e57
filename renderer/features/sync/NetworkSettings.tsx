import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncSettings } from '../../sync/syncSettings';
import { IceServerSchema, SignalingUrlSchema, type IceServer } from '../../../shared/sync/settings';
import { syncAllowedHosts } from '../../sync/hostAccess';
import { HostAccessNotice } from './HostAccessNotice';

/** Parses "url [username credential]" lines into ICE servers; returns errors by line. */
export function parseIceLines(text: string): { servers: IceServer[]; errors: Array<{ line: number; reason: string }> } {
  const servers: IceServer[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [urls, username, credential] = line.split(/\s+/);
    const parsed = IceServerSchema.safeParse({ urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) });
    if (parsed.success) servers.push(parsed.data);
    else errors.push({ line: i + 1, reason: parsed.error.issues[0]?.message ?? 'invalid' });
  });
  return { servers, errors };
}

/**
 * STUN/TURN servers and extra signaling servers (empty by default: LAN only). In Electron, saved
 * signaling servers go to main over the validated `allowHosts` IPC (sync/hostAccess.ts), which
 * asks the person before the page may connect to a new host; the outcome is shown here.
 */
export function NetworkSettings() {
  const { t } = useTranslation('sync');
  const { iceServers, extraSignaling, setIceServers, setExtraSignaling } = useSyncSettings();
  const [ice, setIce] = useState(() => iceServers.map((s) => [s.urls, s.username, s.credential].filter(Boolean).join(' ')).join('\n'));
  const [sig, setSig] = useState(() => extraSignaling.join('\n'));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const parsedIce = parseIceLines(ice);
    const sigLines = sig.split('\n').map((l) => l.trim());
    const sigErrors = sigLines.flatMap((l, i) => (l && !SignalingUrlSchema.safeParse(l).success ? [{ line: i + 1, reason: 'ws:// / wss://' }] : []));
    const all = [...parsedIce.errors.map((e) => t('network.invalid', e)), ...sigErrors.map((e) => t('network.invalid', e))];
    setErrors(all);
    if (all.length > 0) return;
    setIceServers(parsedIce.servers);
    setExtraSignaling(sigLines.filter(Boolean));
    setSaved(true);
    // Saving again asks again about a host declined before.
    await syncAllowedHosts(true);
  };

  return (
    <details className="network-settings">
      <summary>{t('network.title')}</summary>
      <p className="muted">{t('network.explain')}</p>
      <label className="field">
        <span>{t('network.ice')}</span>
        <textarea value={ice} onChange={(e) => (setIce(e.target.value), setSaved(false))} placeholder="stun:stun.example.org:3478" />
      </label>
      <label className="field">
        <span>{t('network.signaling')}</span>
        <textarea value={sig} onChange={(e) => (setSig(e.target.value), setSaved(false))} placeholder="wss://signal.example.org" />
      </label>
      <button type="button" onClick={() => void save()}>
        {saved ? t('network.saved') : t('network.save')}
      </button>
      <HostAccessNotice />
      {errors.map((e) => (
        <p key={e} className="error" role="alert">
          {e}
        </p>
      ))}
    </details>
  );
}
