import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../workspace/db';
import { createWorkspace, deleteWorkspace, purgeDeleted, renameWorkspace, undoDelete, UNDO_DELETE_MS } from '../../workspace/workspaceService';
import { reportStorageError } from '../../workspace/persistence';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { navigate, workspacePath } from '../../app/router';
import { JoinByInvite } from '../sync/JoinByInvite';
import { RestoreFromBackup } from '../backup/RestoreFromBackup';
import { useIdentity } from '../../identity/identity';

export function WorkspaceList() {
  const { t, i18n } = useTranslation('app');
  const language = useSession((s) => s.language);
  const rows = useLiveQuery(() => getDb().workspaces.toArray(), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  useEffect(() => {
    // Workspaces whose undo period ran out while the app was closed go now; later ones on a timer.
    purgeDeleted().catch(reportStorageError);
    const timer = window.setInterval(() => purgeDeleted().catch(reportStorageError), 2000);
    return () => window.clearInterval(timer);
  }, []);

  const showError = (err: unknown) => {
    const message = (err as Error).message;
    setError(message.startsWith('errors.') ? t(message) : t('errors.unknown', { message }));
    if (!message.startsWith('errors.')) reportStorageError(err);
  };

  const create = async () => {
    try {
      // The creator signs the roster's genesis: they are the new workspace's first owner.
      const { keys, profile } = useIdentity.getState();
      const id = await createWorkspace({ name, language, ...(keys && profile ? { creator: { keys, name: profile.name, unit: profile.unit } } : {}) });
      setName('');
      setError(null);
      navigate(workspacePath(id, 'playbook'));
    } catch (err) {
      showError(err);
    }
  };

  const remove = async (id: string, wsName: string) => {
    const body = t('workspaces.confirmDelete', { name: wsName, seconds: UNDO_DELETE_MS / 1000 });
    if (!(await confirm({ title: t('workspaces.delete'), body, confirmLabel: t('workspaces.delete'), danger: true }))) return;
    try {
      await deleteWorkspace(id);
      useToasts.getState().show({
        text: t('workspaces.deleted', { name: wsName }),
        ttl: UNDO_DELETE_MS,
        action: { label: t('workspaces.undo'), run: () => void undoDelete(id).catch(showError) },
      });
    } catch (err) {
      showError(err);
    }
  };

  const saveRename = async () => {
    if (!renaming) return;
    try {
      await renameWorkspace(renaming.id, renaming.name);
      setRenaming(null);
      setError(null);
    } catch (err) {
      showError(err);
    }
  };

  const visible = (rows ?? []).filter((r) => r.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <main className="page workspaces-page">
      <h1>{t('workspaces.title')}</h1>
      <p className="muted">{t('workspaces.intro')}</p>
      <form
        className="row"
        data-testid="create-workspace"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          <span className="sr-only">{t('workspaces.newName')}</span>
          <input aria-label={t('workspaces.newName')} value={name} placeholder={t('workspaces.namePlaceholder')} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="submit" className="primary">
          {t('workspaces.create')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rows && visible.length === 0 && <p className="muted">{t('workspaces.empty')}</p>}
      <ul className="card-list" aria-label={t('workspaces.title')}>
        {visible.map((w) => (
          <li key={w.id} className="card" data-testid="workspace-item">
            {renaming?.id === w.id ? (
              <form
                className="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  void saveRename();
                }}
              >
                <input aria-label={t('workspaces.rename')} value={renaming.name} onChange={(e) => setRenaming({ id: w.id, name: e.target.value })} autoFocus />
                <button type="submit">{t('workspaces.save')}</button>
                <button type="button" onClick={() => setRenaming(null)}>
                  {t('workspaces.cancel')}
                </button>
              </form>
            ) : (
              <>
                <a className="card-title" href={workspacePath(w.id, 'playbook')}>
                  {w.name}
                </a>
                <span className="muted small">{t('workspaces.updated', { when: fmt.format(w.updatedAt) })}</span>
                <span className="row-actions">
                  <button type="button" onClick={() => setRenaming({ id: w.id, name: w.name })}>
                    {t('workspaces.rename')}
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(w.id, w.name)}>
                    {t('workspaces.delete')}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      <JoinByInvite />
      <RestoreFromBackup />
    </main>
  );
}
