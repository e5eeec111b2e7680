// Lint: TypeScript's recommended rules, React's hook rules, and the layers of renderer/
// (docs/ARCHITECTURE.md): what each folder may import, and what core and io may touch of
// the platform. Formatting is Prettier's (npm run format), not a lint concern.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * What each folder of renderer/ may import: other layers (folders of renderer/, or a top
 * folder of the repository written with a slash, e.g. 'codebook/') and packages by name.
 * A folder not listed here fails the lint.
 */
export const LAYERS = {
  // Pure domain: no platform, no app layer; only pure libraries, by name.
  core: { layers: [], packages: ['fuse.js', 'unhomoglyph', 'stemmer', '@eslint-community/regexpp', 'stopword'] },
  // File formats as functions over bytes and strings.
  io: { layers: ['core'], packages: ['fflate', 'pako', '@noble/hashes', 'saxes', 'papaparse', 'exceljs', 'docx', 'mammoth', 'pdfjs-dist'] },
  // Sample study data (text and codings), plain modules.
  sample: { layers: ['core'], packages: [] },
  // Dexie: the databases, migrations, repositories, undo.
  store: { layers: ['core', 'io', 'sample', 'codebook/'], packages: ['dexie', 'hash-wasm', '@noble/ciphers', 'fflate', 'pdfjs-dist'] },
  // Lexical: the transcript editor.
  editor: { layers: ['core'], packages: ['react', 'lexical', '@lexical/*'], assets: true },
  // Files and dialogs: Electron's preload or the browser.
  platform: { layers: ['core', 'electron/'], packages: [] },
  // React screens.
  views: {
    layers: ['core', 'io', 'store', 'editor', 'platform', 'codebook/'],
    packages: ['react', 'react-dom', 'dexie-react-hooks', '@tanstack/react-virtual'],
    assets: true,
  },
  // renderer/main.tsx
  entry: { layers: ['views'], packages: ['react', 'react-dom'], assets: true },
};

/** Platform objects core and io must not reach for (they run in tests, workers, scripts). */
const PLATFORM = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Worker',
  'self',
  'DOMParser',
  'process',
  'Buffer',
  'require',
  'alert',
];
const platformBan = (extra = []) => [
  'error',
  ...[...PLATFORM, ...extra].map((name) => ({ name, message: `${name} is platform: core and io take what they need as arguments.` })),
];
const globalThisBan = [
  'error',
  ...PLATFORM.map((property) => ({ object: 'globalThis', property, message: 'Platform objects stay out of core and io.' })),
];

const TABLES = 'meta|waves|participants|sources|sourceContent|codes|codingSets|coders|memos|frameworkCells|decisions|basketItems|history';

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'node_modules/', 'bench-results/', 'test-results/', 'tests/fixtures/refi/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // One import per module (types inline): the feature entry files made several per file easy.
      'no-duplicate-imports': 'error',
      // Control characters in patterns are deliberate here: transcripts and XML are cleaned of them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { layers, 'react-hooks': reactHooks },
    rules: {
      'layers/imports': ['error', { root, layers: LAYERS, features: ['core'] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['renderer/core/**/*.ts'],
    rules: {
      'no-restricted-globals': platformBan(['crypto', 'setTimeout', 'setInterval', 'TextDecoder', 'TextEncoder']),
      'no-restricted-properties': globalThisBan,
    },
  },
  {
    files: ['renderer/io/**/*.ts'],
    rules: { 'no-restricted-globals': platformBan(), 'no-restricted-properties': globalThisBan },
  },
  {
    // Views get data through store functions and hooks, never from a table.
    files: ['renderer/views/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name='db'][property.name=/^(${TABLES}|table|transaction|tables)$/]`,
          message: 'Views read and write the project through store functions (renderer/store), not Dexie tables.',
        },
        {
          selector: `MemberExpression[object.property.name='db'][property.name=/^(${TABLES}|table|transaction|tables)$/]`,
          message: 'Views read and write the project through store functions (renderer/store), not Dexie tables.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{js,mjs}', 'electron/**/*.ts', 'eslint/**/*.js', '*.{js,ts}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
