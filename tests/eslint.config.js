// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { resolve } from 'node:path';
import koers from './eslint/layers.js';

/** The only files allowed to import Electron at run time; everything else runs in plain Node. */
export const ELECTRON_EDGE_FILES = [
  'main/index.ts',
  'main/window.ts',
  'main/settings-store.ts',
  'main/electron-desktop.ts',
  'preload/index.ts',
];

const ELECTRON_AT_THE_EDGE = {
  name: 'electron',
  message:
    'Only the edge files (see tests/eslint.config.js) may import Electron; pass what you need in, or use `import type`.',
  allowTypeImports: true,
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON_AT_THE_EDGE],
        },
      ],
    },
  },
  {
    // Import direction between the top-level folders (tests/eslint/layers.js).
    files: ['{common,renderer,preload,db,main,server}/**/*.{ts,tsx,js}'],
    plugins: { koers },
    rules: { 'koers/layers': ['error', { root: resolve(import.meta.dirname, '..') }] },
  },
  {
    files: ELECTRON_EDGE_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Screens ask main through the query cache (renderer/src/query.ts): `useQuery(remote(…))` to read, `useMutate` to
    // act. A bare call would bypass the shared answers and their invalidation.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/query.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON_AT_THE_EDGE],
          patterns: [
            {
              group: ['**/api'],
              importNames: ['call'],
              message: 'Ask main through renderer/src/query.ts: useQuery(remote(…)) to read, useMutate(…) to act.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests use non-null assertions on values they just created.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Layout is Prettier's (checked by `npm run lint`): no ESLint rule may disagree with it.
  prettier,
);
