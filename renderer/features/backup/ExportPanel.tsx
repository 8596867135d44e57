import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { BackupKind } from '../../../shared/backup';
import { listIncidents } from '../../../shared/incidents/incidents';
import { backupFileName } from '../../../shared/ipc';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { useIdentity } from '../../identity/identity';
import { useGovernance } from '../../identity/useGovernance';
import { getPlatform } from '../../platform';
import { makeBackup } from './backupService';
import { errorText, formatSize, ProgressBar, type Busy } from './ui';

export const MIN_PASSPHRASE = 12;

/** Export the open workspace (or a selection) as an encrypted `.crisisroom` file. */
export function ExportPanel({ doc, workspaceId }: { doc: Y.Doc; workspaceId: string }) {
  const { t } = useTranslation('backup');
  const gov = useGovernance();
  const myKey = useIdentity((s) => s.keys?.agreementKey);
  const [kind, setKind] = useState<BackupKind>('workspace');
  const [incidentId, setIncidentId] = useState('');
  const [mode, setMode] = useState<'passphrase' | 'members'>('passphrase');
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const incidents = useMemo(() => (kind === 'incident' ? listIncidents(doc) : []), [doc, kind]);
  const members = (gov?.roster.members ?? []).filter((m) => !m.removed && m.agreementKey);
  const defaults = new Set(members.filter((m) => m.agreementKey === myKey || m.roles.includes('owner')).map((m) => m.agreementKey));
  const selected = chosen ?? defaults;

  const problem =
    mode === 'passphrase'
      ? pass.length < MIN_PASSPHRASE
        ? t('export.tooShort')
        : pass !== pass2
          ? t('export.mismatch')
          : null
      : selected.size === 0
        ? t('export.noMembers')
        : null;

  const run = async () => {
    setMessage(null);
    setBusy({ phase: 'prepare', done: 0, total: 0 });
    try {
      const protection = mode === 'passphrase' ? { passphrase: pass } : { members: members.filter((m) => selected.has(m.agreementKey)).map((m) => ({ agreementKey: m.agreementKey, name: m.name })) };
      const chosenIncident = incidentId || incidents[0]?.id || '';
      const { bytes } = await makeBackup(doc, workspaceId, { kind, incidentId: chosenIncident, protection }, (p) => setBusy({ ...p }));
      setBusy({ phase: 'write', done: 0, total: 0 });
      const base = String(metaOf(doc).get('name') ?? 'workspace') + (kind === 'workspace' ? '' : `-${kind}`);
      const suggestedName = backupFileName(base, new Date());
      const saved = await getPlatform().saveFile({ suggestedName, mime: 'application/octet-stream', bytes, filters: [{ name: 'Crisis Room', extensions: ['crisisroom'] }] });
      if (saved.kind === 'saved') setMessage({ error: false, text: t('export.done', { name: saved.path, size: formatSize(bytes.length) }) });
      else if (saved.kind === 'downloaded') setMessage({ error: false, text: t('export.downloaded', { name: saved.name, size: formatSize(bytes.length) }) });
      setPass('');
      setPass2('');
    } catch (err) {
      setMessage({ error: true, text: errorText(t, err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section data-testid="backup-export">
      <h2>{t('export.title')}</h2>
      <fieldset>
        <legend>{t('export.kind')}</legend>
        {(['workspace', 'playbook', 'incident'] as const).map((k) => (
          <label key={k} className="row">
            <input type="radio" name="backup-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`export-kind-${k}`} />
            {t(`kinds.${k}`)}
          </label>
        ))}
        <p className="small muted">{kind === 'workspace' ? t('how.workspace') : t('how.selection')}</p>
        {kind === 'incident' &&
          (incidents.length === 0 ? (
            <p className="muted">{t('export.noIncidents')}</p>
          ) : (
            <label className="row">
              {t('export.incident')}
              <select value={incidentId || incidents[0]?.id} onChange={(e) => setIncidentId(e.target.value)} data-testid="export-incident">
                {incidents.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            </label>
          ))}
      </fieldset>
      <fieldset>
        <legend>{t('export.protect')}</legend>
        <label className="row">
          <input type="radio" name="backup-protect" checked={mode === 'passphrase'} onChange={() => setMode('passphrase')} data-testid="export-by-passphrase" />
          {t('export.byPassphrase')}
        </label>
        <label className="row">
          <input type="radio" name="backup-protect" checked={mode === 'members'} onChange={() => setMode('members')} data-testid="export-by-members" disabled={members.length === 0} />
          {t('export.byMembers')}
        </label>
        {mode === 'passphrase' ? (
          <div className="row">
            <label>
              {t('export.passphrase')} <input type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} data-testid="export-passphrase" />
            </label>
            <label>
              {t('export.passphrase2')} <input type="password" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} data-testid="export-passphrase2" />
            </label>
          </div>
        ) : (
          <ul className="card-list" aria-label={t('export.members')}>
            {members.map((m) => (
              <li key={m.key}>
                <label className="row">
                  <input
                    type="checkbox"
                    checked={selected.has(m.agreementKey)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(m.agreementKey);
                      else next.delete(m.agreementKey);
                      setChosen(next);
                    }}
                  />
                  {m.name} {m.agreementKey === myKey ? t('export.you') : ''}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {problem && (pass || pass2 || mode === 'members') && <p className="small error">{problem}</p>}
      <button type="button" className="primary" disabled={problem !== null || busy !== null || (kind === 'incident' && incidents.length === 0)} onClick={() => void run()} data-testid="export-button">
        {t('export.button')}
      </button>
      {busy && <ProgressBar t={t} busy={busy} testId="export-progress" />}
      {message && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid={message.error ? 'export-error' : 'export-result'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
