import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Builds the drill lab page (tests/e2e/drill-lab) into .tmp/drill-lab: the real drills section
 * (incident room, exercise clock, review) on a workspace document synced by the real sync stack
 * (renderer/sync over WebRTC). Used by tests/e2e/drill-sync.spec.ts; never part of the app.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: `${here}../../../.tmp/drill-lab`, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
});
