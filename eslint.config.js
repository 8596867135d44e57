// Lint, including the layering table: which top folder may import which.
// shared/  : pure TypeScript — no DOM, Node or Electron (it runs in main, preload, renderer, tests)
// renderer/: never imports electron/ (it reaches main only through window.crisisRoom)
// electron/: never imports renderer/
// preload  : only shared/ and Electron's renderer modules
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'stream', 'worker_threads', 'dgram', 'dns', 'tls', 'zlib', 'events', 'util', 'buffer', 'process'];
const nodeModules = NODE_BUILTINS.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

/** Layering rules, exported so a test can prove each one fails on a violating import. */
export const layering = {
  shared: {
    files: ['shared/**/*.{ts,tsx}'],
    paths: ['electron', ...nodeModules, 'react', 'react-dom', 'dexie', 'y-dexie', 'y-webrtc', 'zustand'],
    patterns: ['**/renderer/**', '**/electron/**', '../renderer/*', '../electron/*'],
    message: 'Bad layering: shared/ must stay free of DOM, Node, Electron and UI code.',
    globals: { ...globals.es2021 },
  },
  renderer: {
    files: ['renderer/**/*.{ts,tsx}'],
    paths: ['electron', ...nodeModules],
    patterns: ['**/electron/**'],
    message: 'Bad layering: renderer/ reaches main only through window.crisisRoom (shared/ipc.ts).',
    globals: { ...globals.browser },
  },
  electron: {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload.ts'],
    paths: [],
    patterns: ['**/renderer/**'],
    message: 'Bad layering: electron/ must not import renderer/.',
    globals: { ...globals.node },
  },
  preload: {
    files: ['electron/preload.ts'],
    paths: [...nodeModules],
    patterns: ['**/renderer/**', './*', '!../shared/**'],
    message: 'Bad layering: the preload imports only shared/ and Electron renderer modules.',
    globals: { ...globals.browser },
  },
};

const layerConfigs = Object.values(layering).map(({ files, ignores, paths, patterns, message, globals: g }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  languageOptions: { globals: g },
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: [{ group: patterns, message }],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.tmp/', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Every Yjs write names its origin: doc.transact(fn) without one is an error.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transact'][arguments.length<2]",
          message: 'Every Yjs write carries a transaction origin: use write(doc, origin, fn).',
        },
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]",
          message: 'No focused, skipped or todo tests.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.ts', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...layerConfigs,
);
