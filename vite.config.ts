import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the renderer build (web mode and Electron load the same dist/) and Vitest.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Every Y.Doc in the unit tests throws on a local write without an origin (shared/doc/originGuard.ts).
    setupFiles: ['tests/unit/setup/originGuard.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
