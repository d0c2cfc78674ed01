// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Node's built-in modules by bare name (the list includes subpaths such as fs/promises); any node: import. */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const NODE_PREFIX = '^node:';
const NATIVE_AND_SHELL = ['better-sqlite3', 'node-hid', 'serialport', 'usb', 'pdfkit', 'fastify', 'ws'];
/** Package names as regexes so that `electron` does not also match our own ../electron/ folder. */
const pkg = (/** @type {string} */ name) => `^${name.replace(/[/.]/g, '\\$&')}(/.*)?$`;
const ELECTRON = pkg('electron');

/**
 * The layering of DESIGN.md §4, enforced: the renderer imports neither Node nor Electron nor the
 * host; pure domain code imports neither platform; only the shell imports Electron.
 */
const layer = (
  /** @type {string} */ message,
  /** @type {string[]} */ names,
  /** @type {string[]} */ regexes,
  /** @type {string[]} */ folders,
  /** @type {{ group: string[], message: string }[]} */ extra = [],
) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: [
        ...regexes.map((regex) => ({ regex, message })),
        // Relative imports name a folder by its path from the importer (../shell/x.js from
        // electron/host), so match the folder's last segment as well as its full path.
        ...folders.map((f) => {
          const last = f.split('/').pop() ?? f;
          return { group: [...new Set([`**/${f}/**`, `**/${f}`, `**/${last}/**`, `../${last}`])], message: `${message} (no imports from ${f}/)` };
        }),
        ...extra,
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Type-aware rules for the promise mistakes that lose work silently: a promise nobody awaits
    // (a print job or a save whose failure vanishes) and a promise where a callback expects void.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        'The renderer runs in a sandboxed page: it talks to the host over HTTP only',
        [...NODE_BUILTINS, ...NATIVE_AND_SHELL],
        [NODE_PREFIX, ELECTRON, pkg('@fastify')],
        ['electron/host', 'electron/shell', 'db'],
        [{ group: ['**/electron/domain/**'], message: 'Import domain code as @domain/… (one name from every depth)' }],
      ),
    },
  },
  {
    files: ['vite.config.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/domain/**/*.ts'],
    rules: layer(
      'Domain code is pure: no platform imports',
      [...NODE_BUILTINS, ...NATIVE_AND_SHELL],
      [NODE_PREFIX, ELECTRON, pkg('@fastify'), pkg('react'), pkg('react-dom')],
      ['electron/host', 'electron/shell', 'db', 'renderer'],
    ),
  },
  {
    files: ['electron/host/**/*.ts', 'electron/city/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(
      'Only the shell imports Electron; the host must also run headless',
      [],
      [ELECTRON, pkg('react'), pkg('react-dom')],
      ['electron/shell', 'renderer'],
    ),
  },
  {
    files: ['electron/shell/**/*.ts', 'tests/**/*.ts', '*.config.{ts,js}', 'eslint.config.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Last: formatting belongs to Prettier (`npm run format`), so no lint rule argues with it.
  prettier,
);
