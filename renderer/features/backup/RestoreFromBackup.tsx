import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportPanel } from './ImportPanel';

/**
 * "Restore from a backup file…" on the workspace list: the Backup page's import panel without an
 * open workspace, so a fresh laptop (no workspace, no network) can restore a `.crisisroom` file.
 */
export function RestoreFromBackup() {
  const { t } = useTranslation('backup');
  const [open, setOpen] = useState(false);
  return (
    <div className="restore-from-backup">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="restore-from-file">
        {t('import.fromList')}
      </button>
      {open && <ImportPanel target={null} incoming={null} />}
    </div>
  );
}
