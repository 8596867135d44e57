import { useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { importPlaybook, PlaybookImportError, type PlaybookIssue } from '../../../shared/playbook/accessors';
import { useToasts } from '../../ui/toasts';
import { checkPlaybookBytes, IMPORT_STAGES, type ImportStage, type PlaybookCheck, type WorkerMessage } from './playbookCheck';
import { pickPlaybookFile, savePlaybookJson } from './playbookFiles';
import { issuePathText, issueText } from './issueText';

const MAX_BYTES = 5 * 1024 * 1024;

/** A running check: the worker (to cancel it) and the stage it reached. */
interface Busy {
  stage: ImportStage;
  cancel: () => void;
}

/** A checked file waiting for the person's go-ahead. */
interface Pending {
  crisisTypes: number;
  units: number;
  answer: (go: boolean) => void;
}

/**
 * Checks the file's bytes in a Web Worker, reporting stages; resolves null when cancelled. Where
 * no worker can start or load, checks on this thread (same code, same result).
 */
function checkInWorker(bytes: Uint8Array, onStage: (stage: ImportStage) => void, onCancel: (cancel: () => void) => void): Promise<PlaybookCheck | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./playbookImport.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(checkPlaybookBytes(bytes, onStage));
  }
  return new Promise((resolve, reject) => {
    const done = () => worker.terminate();
    onCancel(() => {
      done();
      resolve(null);
    });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.type === 'stage') return onStage(event.data.stage);
      done();
      resolve(event.data.result);
    };
    worker.onerror = (event) => {
      // A worker that cannot load (a policy, a broken build) must not make import impossible.
      done();
      console.warn(`Playbook import: the worker failed (${event.message || 'no message'}); checking on the page instead.`);
      try {
        resolve(checkPlaybookBytes(bytes, onStage));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    // A copy goes to the worker (a few milliseconds for 5 MB): the page keeps its bytes for the fallback.
    worker.postMessage({ bytes: bytes.slice().buffer });
  });
}

/** Lets the page paint (the progress) before a long synchronous step. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Export the playbook as one JSON file, or replace it from one. The file is read, parsed and
 * validated in a Web Worker with progress shown (the page stays responsive); only a clean file
 * is written, after the person confirms on the page, in one transaction (all or nothing).
 */
export function PlaybookTransfer({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation('playbook');
  const [issues, setIssues] = useState<PlaybookIssue[] | null>(null);
  // Keys and values, worded at render: a message already shown follows a switch of the UI language.
  const [error, setError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const cancelRef = useRef<() => void>(() => {});

  const doExport = async () => {
    await savePlaybookJson(doc);
  };

  const stage = (s: ImportStage) => setBusy((b) => (b ? { ...b, stage: s } : b));

  const doImport = async () => {
    setIssues(null);
    setError(null);
    const file = await pickPlaybookFile(MAX_BYTES);
    if (file.kind === 'cancelled') return;
    if (file.kind === 'too-large') return setError({ key: 'transfer.tooLarge', params: { size: Math.round(file.size / 1024) } });
    const bytes = file.kind === 'bytes' ? file.bytes : new TextEncoder().encode(file.text);
    setBusy({ stage: 'read', cancel: () => cancelRef.current() });
    try {
      const result = await checkInWorker(bytes, stage, (cancel) => (cancelRef.current = cancel));
      if (result === null) return;
      if (!result.ok) {
        if (result.reason === 'invalid') setIssues(result.issues);
        else setError(result.reason === 'notJson' ? { key: 'transfer.notJson', params: { message: result.message } } : { key: 'transfer.notUtf8' });
        return;
      }
      const go = await new Promise<boolean>((resolve) => setPending({ crisisTypes: result.crisisTypes, units: result.units, answer: resolve }));
      setPending(null);
      if (!go) return;
      stage('write');
      await nextPaint();
      // The document lives on this thread: the write is one transaction (validated again here,
      // as the trust boundary of the document itself).
      const summary = importPlaybook(doc, result.text, 'import');
      useToasts.getState().show({ text: t('transfer.done', { types: summary.crisisTypes, removed: summary.removed }), ttl: 5000 });
    } catch (err) {
      if (err instanceof PlaybookImportError) setIssues(err.issues);
      else setError({ key: 'transfer.failed', params: { message: (err as Error).message } });
    } finally {
      cancelRef.current = () => {};
      setBusy(null);
    }
  };

  return (
    <div className="transfer no-print">
      <button type="button" onClick={() => void doExport()} data-testid="playbook-export">
        {t('transfer.export')}
      </button>
      <button type="button" onClick={() => void doImport()} data-testid="playbook-import" disabled={busy !== null}>
        {t('transfer.import')}
      </button>
      {pending && (
        <div className="row" role="alertdialog" aria-labelledby="playbook-import-question" data-testid="playbook-import-confirm">
          <span id="playbook-import-question">{t('transfer.checked', { types: pending.crisisTypes, units: pending.units })}</span>
          <button type="button" className="primary" onClick={() => pending.answer(true)} data-testid="playbook-import-apply">
            {t('transfer.apply')}
          </button>
          <button type="button" onClick={() => pending.answer(false)}>
            {t('transfer.cancel')}
          </button>
        </div>
      )}
      {busy && !pending && (
        <div className="row" role="status" data-testid="playbook-import-progress" data-stage={busy.stage}>
          <progress max={IMPORT_STAGES.length} value={IMPORT_STAGES.indexOf(busy.stage) + 1} aria-label={t('transfer.progress')} />
          <span className="small">
            {t('transfer.step', { step: IMPORT_STAGES.indexOf(busy.stage) + 1, steps: IMPORT_STAGES.length })} {t(`transfer.stages.${busy.stage}`)}
          </span>
          {busy.stage !== 'write' && (
            <button type="button" onClick={busy.cancel} data-testid="playbook-import-cancel">
              {t('transfer.cancel')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      {issues && (
        <div className="error" role="alert" data-testid="import-issues">
          <p>{t('transfer.rejected', { count: issues.length })}</p>
          <ul>
            {issues.slice(0, 50).map((i, n) => (
              <li key={n}>
                <span className="issue-path" data-testid="import-issue-path" data-path={i.path}>
                  {issuePathText(t, i.path)}
                </span>
                {t('pathSeparator')}
                <span data-testid="import-issue-text">{issueText(t, i)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
