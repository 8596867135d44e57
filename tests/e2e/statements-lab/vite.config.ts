import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Builds the statements lab page (tests/e2e/statements-lab) into .tmp/statements-lab: the real
 * statement editor and the real sync stack on a bare page, for the two-peer co-edit test and the
 * P6 keystroke benchmark. Never part of the app.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: `${here}../../../.tmp/statements-lab`, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000, minify: process.env.LAB_MINIFY !== '0' },
});
