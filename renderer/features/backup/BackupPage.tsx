import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../app/sections';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { AutoBackupPanel } from './AutoBackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel, type Incoming } from './ImportPanel';

/** The workspace's "Backup & restore" page. */
export function BackupPage(_props: SectionProps) {
  const { t } = useTranslation('backup');
  const current = useCurrentWorkspace((s) => s.current);
  const [incoming, setIncoming] = useState<Incoming | null>(null);
  if (!current) return <main className="page" />;
  return (
    <main className="page" data-testid="backup-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ExportPanel key={`e-${current.id}`} doc={current.doc} workspaceId={current.id} />
      <ImportPanel key={`i-${current.id}`} target={{ doc: current.doc, workspaceId: current.id }} incoming={incoming} />
      <AutoBackupPanel doc={current.doc} workspaceId={current.id} onRestore={(bytes, name) => setIncoming((prev) => ({ bytes, name, seq: (prev?.seq ?? 0) + 1 }))} />
    </main>
  );
}

