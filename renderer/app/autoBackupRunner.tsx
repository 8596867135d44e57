import { useEffect, type ReactElement } from 'react';

let started = false;

/**
 * Top-bar item: runs the automatic-backup scheduler (features/backup/autoBackup.ts, Electron
 * only; it starts once) for the app's lifetime and shows nothing. Its code (the backup writer)
 * is loaded after the first render, not with the app's first chunk (bench P13).
 */
export function AutoBackupRunner(): ReactElement {
  useEffect(() => {
    if (started) return;
    started = true;
    void import('../features/backup/autoBackup').then(({ startAutoBackup }) => startAutoBackup());
  }, []);
  return <></>;
}
