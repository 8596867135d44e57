import { useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { exportPlaybook, importPlaybook, PlaybookImportError, type PlaybookIssue } from '../../../shared/playbook/accessors';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { getPlatform } from '../../platform';
import { useToasts } from '../../ui/toasts';

/** Export the playbook as one JSON file, or replace it from one (validated first; all or nothing). */
export function PlaybookTransfer({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation('playbook');
  const [issues, setIssues] = useState<PlaybookIssue[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const doExport = async () => {
    const name = String(metaOf(doc).get('name') ?? 'playbook');
    const text = JSON.stringify(exportPlaybook(doc), null, 2);
    await getPlatform().saveFile({ suggestedName: `${name}-playbook.json`, mime: 'application/json', text, filters: [{ name: 'JSON', extensions: ['json'] }] });
  };

  const doImport = async () => {
    setIssues(null);
    setError(null);
    const file = await getPlatform().openFile({ as: 'text', filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 5 * 1024 * 1024 });
    if (file.kind === 'cancelled') return;
    if (file.kind === 'too-large') return setError(t('transfer.tooLarge', { size: Math.round(file.size / 1024) }));
    if (file.kind !== 'text') return;
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (err) {
      return setError(t('transfer.notJson', { message: (err as Error).message }));
    }
    if (!window.confirm(t('transfer.confirm'))) return;
    try {
      const summary = importPlaybook(doc, json, 'import');
      useToasts.getState().show({ text: t('transfer.done', { types: summary.crisisTypes, removed: summary.removed }), ttl: 5000 });
    } catch (err) {
      if (err instanceof PlaybookImportError) setIssues(err.issues);
      else setError((err as Error).message);
    }
  };

  return (
    <div className="transfer no-print">
      <button type="button" onClick={() => void doExport()} data-testid="playbook-export">
        {t('transfer.export')}
      </button>
      <button type="button" onClick={() => void doImport()} data-testid="playbook-import">
        {t('transfer.import')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {issues && (
        <div className="error" role="alert" data-testid="import-issues">
          <p>{t('transfer.rejected', { count: issues.length })}</p>
          <ul>
            {issues.slice(0, 50).map((i, n) => (
              <li key={n}>
                <code>{i.path || '/'}</code> — {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
