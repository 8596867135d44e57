import type { TFunction } from 'i18next';
import { isBackupError, type Progress } from '../../../shared/backup';

/** A clear sentence for anything an import or export threw. */
export function errorText(t: TFunction<'backup'>, err: unknown): string {
  if (isBackupError(err)) {
    const detail: Record<string, string | number> = { ...err.detail };
    if (typeof detail.part === 'string') detail.part = t(`parts.${detail.part}`);
    return t(`errors.${err.code}`, detail);
  }
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith('backup:errors.')) return t(message.slice('backup:'.length).split(' ')[0]!);
  return t('errors.readFailed', { message });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type BusyPhase = Progress['phase'] | 'prepare' | 'write';
export interface Busy {
  phase: BusyPhase;
  done: number;
  total: number;
}

/** A progress bar with what is happening and how far it is. */
export function ProgressBar({ t, busy, testId }: { t: TFunction<'backup'>; busy: Busy; testId: string }) {
  const pct = busy.total > 0 ? Math.round((busy.done / busy.total) * 100) : 0;
  return (
    <div className="row" role="status" data-testid={testId} data-phase={busy.phase} data-percent={pct}>
      <progress max={100} value={pct} aria-label={t(`progress.${busy.phase}`)} />
      <span className="small">
        {t(`progress.${busy.phase}`)} {busy.total > 0 ? `${pct}% (${formatSize(busy.done)} / ${formatSize(busy.total)})` : ''}
      </span>
    </div>
  );
}
