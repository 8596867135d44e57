import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { AutoBackupEntry } from '../../../shared/ipc';
import { backupFileName } from '../../../shared/ipc';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { currentGovernanceView } from '../../identity/useGovernance';
import { getPlatform } from '../../platform';
import { backupNow, refreshAutoBackupSettings, useAutoBackup } from './autoBackup';
import { makeBackup, ownRecipients } from './backupService';
import { errorText, formatSize, ProgressBar, type Busy } from './ui';

/** Automatic backups (Electron: folder, interval, retention, list, restore) or a download (web). */
export function AutoBackupPanel({ doc, workspaceId, onRestore }: { doc: Y.Doc; workspaceId: string; onRestore: (bytes: Uint8Array, name: string) => void }) {
  const { t, i18n } = useTranslation('backup');
  const control = getPlatform().autoBackup;
  const { settings, lastAt, error: autoError } = useAutoBackup();
  const [list, setList] = useState<AutoBackupEntry[]>([]);
  const [interval, setIntervalMinutes] = useState(10);
  const [keep, setKeep] = useState(24);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const refresh = useCallback(async () => {
    if (!control) return;
    const s = await refreshAutoBackupSettings();
    if (s) {
      setIntervalMinutes(s.intervalMinutes);
      setKeep(s.keep);
    }
    setList(await control.list({ workspaceId }));
  }, [control, workspaceId]);
  useEffect(() => {
    void refresh().catch((err: unknown) => setMessage({ error: true, text: errorText(t, err) }));
  }, [refresh, lastAt, t]);

  const guard = async (fn: () => Promise<void>) => {
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      setMessage({ error: true, text: errorText(t, err) });
    } finally {
      setBusy(null);
    }
  };

  if (!control) {
    const download = () =>
      guard(async () => {
        setBusy({ phase: 'prepare', done: 0, total: 0 });
        const gov = currentGovernanceView()?.getSnapshot() ?? null;
        const { bytes } = await makeBackup(doc, workspaceId, { kind: 'workspace', protection: { members: ownRecipients(gov) }, automatic: true }, (p) => setBusy({ ...p }));
        const saved = await getPlatform().saveFile({ suggestedName: backupFileName(String(metaOf(doc).get('name') ?? 'workspace'), new Date()), mime: 'application/octet-stream', bytes });
        if (saved.kind === 'downloaded') setMessage({ error: false, text: t('export.downloaded', { name: saved.name, size: formatSize(bytes.length) }) });
      });
    return (
      <section data-testid="backup-auto">
        <h2>{t('auto.title')}</h2>
        <p className="small muted">{t('auto.web')}</p>
        <button type="button" onClick={() => void download()} disabled={busy !== null} data-testid="backup-download">
          {t('auto.download')}
        </button>
        {busy && <ProgressBar t={t} busy={busy} testId="backup-download-progress" />}
        {message && <p className={message.error ? 'error' : 'muted'}>{message.text}</p>}
      </section>
    );
  }

  return (
    <section data-testid="backup-auto">
      <h2>{t('auto.title')}</h2>
      <p className="small muted">{t('auto.help')}</p>
      <p className="row">
        {t('auto.folder')}: <code>{settings?.folder ?? t('auto.none')}</code>
        <button type="button" onClick={() => void guard(async () => void (await control.chooseFolder(), await refresh()))} data-testid="backup-choose-folder">
          {t('auto.choose')}
        </button>
      </p>
      <div className="row">
        <label>
          {t('auto.interval')} <input type="number" min={1} max={1440} value={interval} onChange={(e) => setIntervalMinutes(Number(e.target.value))} />
        </label>
        <label>
          {t('auto.keep')} <input type="number" min={1} max={1000} value={keep} onChange={(e) => setKeep(Number(e.target.value))} />
        </label>
        <button type="button" onClick={() => void guard(async () => void (await control.configure({ intervalMinutes: interval, keep }), await refresh()))}>
          {t('auto.save')}
        </button>
        <button type="button" disabled={!settings?.folder} onClick={() => void guard(async () => void (await backupNow()))} data-testid="backup-now">
          {t('auto.now')}
        </button>
      </div>
      {lastAt && <p className="small muted">{t('auto.last', { time: new Date(lastAt).toLocaleString(i18n.language) })}</p>}
      {autoError && <p className="small error">{t('auto.failed', { message: autoError })}</p>}
      <h3>{t('auto.list')}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('auto.empty')}</p>
      ) : (
        <ul className="card-list" data-testid="backup-list">
          {list.map((e) => (
            <li key={e.name} className="card">
              <span>{new Date(e.at).toLocaleString(i18n.language)}</span>
              <span className="small muted">{formatSize(e.size)}</span>
              <span className="small muted">{t('kinds.workspace')} ({t('import.automatic')})</span>
              <span className="row-actions">
                <button type="button" onClick={() => void guard(async () => onRestore((await control.read({ name: e.name })).bytes, e.name))}>
                  {t('auto.restore')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {busy && <ProgressBar t={t} busy={busy} testId="backup-auto-progress" />}
      {message && <p className={message.error ? 'error' : 'muted'}>{message.text}</p>}
    </section>
  );
}
