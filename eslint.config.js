// Lint, including the layering table: which top folder may import which.
// shared/  : pure TypeScript — no DOM, Node or Electron (it runs in main, preload, renderer, tests)
// renderer/: never imports electron/ (it reaches main only through window.crisisRoom)
// electron/: never imports renderer/
// preload  : only shared/ and Electron's renderer modules
// features : renderer/features/<f> imports only the features listed in `features` below; code of
//            renderer/ outside features/ imports none (except app/ and the i18n table)
// Yjs      : every transaction and applied update names its origin (lint/originRules.js)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import crisisRoom from './lint/plugin.js';
import { assertAcyclic } from './lint/featureBoundaries.js';

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

/**
 * Which feature of renderer/features/ may import which (exported for the tests). It must stay
 * acyclic: a feature lower in the table never imports one above it. What two features both
 * need goes below the features (renderer/hooks, renderer/incidentClock…) or is handed in by
 * app/sections.tsx (incidents shows drills' panel and review that way).
 */
export const features = {
  settings: [],
  incidents: [],
  roles: [],
  sync: ['settings'],
  playbook: ['sync'],
  statements: ['sync'],
  workspaces: ['sync', 'backup'],
  members: ['settings', 'statements'],
  drills: ['incidents'],
  vault: ['settings'],
  backup: [],
  search: [],
  undo: [],
  notify: [],
  help: [],
  company: [],
};
assertAcyclic(features);

/** Browser globals `shared/` must not touch (it also runs in main and in Node tests). */
export const DOM_GLOBALS = [
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB',
  'self', 'top', 'parent', 'frames', 'alert', 'confirm', 'prompt', 'requestAnimationFrame', 'cancelAnimationFrame',
  'requestIdleCallback', 'getComputedStyle', 'matchMedia', 'HTMLElement', 'Element', 'Node', 'Event', 'CustomEvent',
  'MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'Image', 'FileReader', 'XMLHttpRequest', 'WebSocket',
  'Worker', 'BroadcastChannel',
];

/** Native dialogs renderer/ must not open (exported for the tests). */
export const NATIVE_DIALOGS = ['confirm', 'alert', 'prompt'];
const NATIVE_DIALOG_MESSAGE = 'No native dialogs: ask with confirm() from renderer/ui/confirm.tsx.';

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
    plugins: { 'react-hooks': reactHooks, 'crisis-room': crisisRoom },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Every Yjs write names its origin (lint/originRules.js; bare writes: shared/doc/originGuard.ts).
      'crisis-room/transaction-origin': 'error',
      // No source file over 400 lines (issue 14): a longer one is split by what it does.
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'no-restricted-syntax': [
        'error',
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
  {
    // The browser's own dialogs cannot be styled, translated or inspected, and block the page:
    // ask with renderer/ui/confirm.tsx (an accessible dialog in the app's window) instead.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...NATIVE_DIALOGS.map((name) => ({ name, message: NATIVE_DIALOG_MESSAGE }))],
      'no-restricted-properties': ['error', ...['window', 'globalThis', 'self'].flatMap((object) => NATIVE_DIALOGS.map((property) => ({ object, property, message: NATIVE_DIALOG_MESSAGE })))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'crisis-room/feature-boundaries': ['error', { featuresDir: 'renderer/features', features, roots: ['renderer/app/', 'renderer/i18n/resources.ts'] }] },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: `Bad layering: shared/ must stay free of DOM globals (${name}); take what you need as a parameter.` }))],
      'no-restricted-properties': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location'].map((property) => ({
          object: 'globalThis',
          property,
          message: `Bad layering: shared/ must stay free of DOM globals (globalThis.${property}).`,
        })),
      ],
    },
  },
);
