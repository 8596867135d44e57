import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { MAX_BACKUP_BYTES, SECTION_LIST, totalChanges, type ChangeSummary } from '../../../shared/backup';
import { getPlatform } from '../../platform';
import { useToasts } from '../../ui/toasts';
import { applyImport, needsPassphrase, openFile, previewImport, restoreAsNew, type OpenedFile, type Restored } from './backupService';
import { errorText, formatSize, ProgressBar, type Busy } from './ui';
import { keyFingerprint } from '../../../shared/governance';

/** Bytes handed to the import panel from elsewhere on the page (an automatic backup). */
export interface Incoming {
  bytes: Uint8Array;
  name: string;
  seq: number;
}

type Stage =
  | { at: 'idle' }
  | { at: 'passphrase'; bytes: Uint8Array; name: string }
  | { at: 'opened'; file: OpenedFile }
  | { at: 'preview'; file: OpenedFile; summary: ChangeSummary };

/** Restricted rooms in the file: how many open for this person, how many are not restored. */
function RoomsNote({ t, file }: { t: TFunction<'backup'>; file: OpenedFile }) {
  if (file.rooms.length === 0 && file.roomsSkipped === 0) return null;
  return (
    <p className="small" data-testid="import-rooms" data-opened={file.rooms.length} data-skipped={file.roomsSkipped}>
      {file.rooms.length > 0 && t('import.roomsOpen', { count: file.rooms.length })} {file.roomsSkipped > 0 && t('import.roomsSkipped', { count: file.roomsSkipped })}
    </p>
  );
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The open workspace a file can be merged or copied into (none on the workspace list). */
export interface ImportTarget {
  doc: Y.Doc;
  workspaceId: string;
}

/**
 * Open a `.crisisroom` file, see what it holds, then merge, copy or restore — after a preview.
 * Without a `target` (the workspace list, a laptop with no workspace yet) only a whole-workspace
 * file can be restored; the same opening, progress and errors as on the Backup page.
 */
export function ImportPanel({ target, incoming }: { target: ImportTarget | null; incoming: Incoming | null }) {
  const { t, i18n } = useTranslation('backup');
  const [stage, setStage] = useState<Stage>({ at: 'idle' });
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ text: string; restored?: Restored } | null>(null);

  const fail = (err: unknown) => setError(errorText(t, err));

  const open = async (bytes: Uint8Array, passphrase?: string) => {
    setError(null);
    setBusy({ phase: 'decrypt', done: 0, total: 0 });
    try {
      const file = await openFile(bytes, passphrase, (p) => setBusy({ ...p }));
      setPass('');
      setStage({ at: 'opened', file });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const load = (bytes: Uint8Array, name: string) => {
    setResult(null);
    setError(null);
    setStage({ at: 'idle' });
    try {
      if (needsPassphrase(bytes)) setStage({ at: 'passphrase', bytes, name });
      else void open(bytes);
    } catch (err) {
      fail(err);
    }
  };

  useEffect(() => {
    if (incoming) load(incoming.bytes, incoming.name);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incoming?.seq]);

  const pick = async () => {
    try {
      const file = await getPlatform().openFile({ as: 'bytes', filters: [{ name: 'Crisis Room', extensions: ['crisisroom'] }], maxBytes: MAX_BACKUP_BYTES });
      if (file.kind === 'cancelled') return;
      if (file.kind === 'too-large') return setError(t('errors.tooLarge'));
      if (file.kind !== 'bytes') return;
      load(file.bytes, file.name);
    } catch (err) {
      fail(err);
    }
  };

  const preview = async (file: OpenedFile) => {
    setError(null);
    setBusy({ phase: 'verify', done: 0, total: 0 });
    await pause();
    try {
      if (!target) throw new Error('backup:errors.wrongKind');
      setStage({ at: 'preview', file, summary: previewImport(target.doc, target.workspaceId, file) });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const apply = async (file: OpenedFile, summary: ChangeSummary) => {
    setBusy({ phase: 'write', done: 0, total: 0 });
    await pause();
    try {
      if (!target) throw new Error('backup:errors.wrongKind');
      await applyImport(target.doc, target.workspaceId, file);
      const text = t(file.manifest.kind === 'workspace' ? 'import.merged' : 'import.copied', { count: totalChanges(summary) });
      setResult({ text });
      useToasts.getState().show({ text, ttl: 5000 });
      setStage({ at: 'idle' });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const restore = async (file: OpenedFile) => {
    setError(null);
    setBusy({ phase: 'write', done: 0, total: 0 });
    await pause();
    try {
      const restored = await restoreAsNew(file);
      const parts = [restored.copy ? t('import.restoredCopy', { name: restored.name }) : t('import.restored', { name: restored.name })];
      if (restored.rooms > 0) parts.push(t('import.roomsRestored', { count: restored.rooms }));
      if (restored.trusted) parts.push(t('import.restoredTrust', { fingerprint: keyFingerprint(restored.trusted).hex }));
      setResult({ text: parts.join(' '), restored });
      setStage({ at: 'idle' });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const file = stage.at === 'opened' || stage.at === 'preview' ? stage.file : null;
  const m = file?.manifest;
  const date = (ms: number) => new Date(ms).toLocaleString(i18n.language);

  return (
    <section data-testid="backup-import">
      <h2>{t(target ? 'import.title' : 'import.restoreTitle')}</h2>
      <p className="small muted">{t('how.workspace')}</p>
      {target && <p className="small muted">{t('how.selection')}</p>}
      <button type="button" onClick={() => void pick()} disabled={busy !== null} data-testid="import-pick">
        {t('import.pick')}
      </button>
      {stage.at === 'passphrase' && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void open(stage.bytes, pass);
          }}
        >
          <span className="small">{stage.name}</span>
          <label>
            {t('import.passphrase')} <input type="password" autoComplete="off" value={pass} onChange={(e) => setPass(e.target.value)} data-testid="import-passphrase" />
          </label>
          <button type="submit" className="primary" disabled={busy !== null} data-testid="import-open">
            {t('import.open')}
          </button>
        </form>
      )}
      {busy && <ProgressBar t={t} busy={busy} testId="import-progress" />}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {file && m && (
        <div className="card" data-testid="import-manifest" data-kind={m.kind} data-workspace={m.workspace.id}>
          <dl>
            <dt>{t('import.kind')}</dt>
            <dd>
              {t(`kinds.${m.kind}`)}
              {m.incident ? ` — ${m.incident.title}` : ''}
              {m.automatic ? ` (${t('import.automatic')})` : ''}
            </dd>
            <dt>{t('import.workspace')}</dt>
            <dd>{m.workspace.name}</dd>
            <dt>{t('import.exportedBy')}</dt>
            <dd>
              {m.exportedBy.name} · <code>{m.exportedBy.fingerprint}</code>
            </dd>
            <dt>{t('import.exportedAt')}</dt>
            <dd>{date(m.exportedAt)}</dd>
            <dt>{t('import.schema')}</dt>
            <dd>{m.schemaVersion}</dd>
            <dt>{t('import.size')}</dt>
            <dd>{formatSize(file.size)}</dd>
            <dt>{t('import.counts')}</dt>
            <dd>{SECTION_LIST.map((s) => `${t(`sections.${s}`)} ${m.counts[s] ?? 0}`).join(' · ')}</dd>
          </dl>
          <RoomsNote t={t} file={file} />
          {stage.at === 'opened' && (
            <div className="row">
              {m.kind === 'workspace' ? (
                <>
                  {target && (
                    <button type="button" onClick={() => void preview(file)} disabled={busy !== null} data-testid="import-merge">
                      {t('import.merge')}
                    </button>
                  )}
                  <button type="button" onClick={() => void restore(file)} disabled={busy !== null} data-testid="import-restore">
                    {t('import.restoreNew')}
                  </button>
                </>
              ) : target ? (
                <button type="button" onClick={() => void preview(file)} disabled={busy !== null} data-testid="import-copy">
                  {t('import.copy')}
                </button>
              ) : (
                <p className="muted" data-testid="import-needs-workspace">
                  {t('import.needsWorkspace')}
                </p>
              )}
            </div>
          )}
        </div>
      )}
      {stage.at === 'preview' && (
        <div role="alertdialog" aria-labelledby="backup-preview-title" data-testid="import-preview">
          <h3 id="backup-preview-title">{t('import.preview')}</h3>
          {totalChanges(stage.summary) === 0 && <p className="muted">{t('import.previewNone')}</p>}
          <RoomsNote t={t} file={stage.file} />
          <table>
            <tbody>
              {SECTION_LIST.map((s) => (
                <tr key={s} data-section={s} data-added={stage.summary[s].added} data-changed={stage.summary[s].changed} data-removed={stage.summary[s].removed}>
                  <th scope="row">{t(`sections.${s}`)}</th>
                  <td>{t('change', { ...stage.summary[s] })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button type="button" className="primary" onClick={() => void apply(stage.file, stage.summary)} disabled={busy !== null} data-testid="import-apply">
              {t('import.apply')}
            </button>
            <button type="button" onClick={() => setStage({ at: 'opened', file: stage.file })} data-testid="import-cancel">
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <p role="status" data-testid="import-result">
          {result.text}{' '}
          {result.restored && (
            <a href={`#/w/${result.restored.id}/playbook`} data-testid="import-open-restored">
              {t('import.openWorkspace')}
            </a>
          )}
        </p>
      )}
    </section>
  );
}
