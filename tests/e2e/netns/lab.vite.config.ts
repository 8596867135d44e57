import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** Builds the sync lab page (tests/e2e/netns/lab) into .tmp/sync-lab for the namespace tests and benches. */
const here = fileURLToPath(new URL('.', import.meta.url));
export default defineConfig({
  root: `${here}lab`,
  base: './',
  logLevel: 'warn',
  build: { outDir: `${here}../../../.tmp/sync-lab`, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
});
