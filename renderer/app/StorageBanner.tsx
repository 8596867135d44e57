import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { usePersistence, clearStorageError } from '../workspace/persistence';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { resaveWorkspace } from '../workspace/workspaceService';
import { useToasts } from '../ui/toasts';

/** Storage failures are shown, never swallowed: what happened, what to do, and a way out. */
export function StorageBanner() {
  const { t } = useTranslation('app');
  const error = usePersistence((s) => s.error);
  const kind = usePersistence((s) => s.errorKind);
  const current = useCurrentWorkspace((s) => s.current);
  if (!error) return null;

  const retry = async () => {
    if (!current) return clearStorageError();
    try {
      await resaveWorkspace(current.id, current.doc);
      clearStorageError();
      useToasts.getState().show({ text: t('storage.retried'), ttl: 4000 });
    } catch (err) {
      usePersistence.setState({ error: `${(err as Error).name}: ${(err as Error).message}` });
    }
  };

  const backup = () => {
    if (!current) return;
    const blob = new Blob([Y.encodeStateAsUpdate(current.doc) as BlobPart], { type: 'application/octet-stream' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `crisis-room-${current.id}.yjs`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <div className="banner banner-error" role="alert" data-testid="storage-error">
      <strong>{t('storage.error')}</strong> <code>{error}</code>
      <p>{t(`storage.${kind ?? 'other'}`)}</p>
      <button type="button" onClick={retry}>
        {t('storage.retry')}
      </button>{' '}
      {current && (
        <button type="button" onClick={backup}>
          {t('storage.backup')}
        </button>
      )}
    </div>
  );
}

export function SaveIndicator() {
  const { t } = useTranslation('app');
  const status = usePersistence((s) => s.status);
  return (
    <span className={`save-indicator save-${status}`} data-testid="save-status" data-status={status}>
      {t(`storage.${status}`)}
    </span>
  );
}
