import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      'portal/.svelte-kit/',
      'portal/.houdini/',
      'portal/$houdini/',
      'portal/src/lib/paraglide/',
      'db/migrations/',
      '.data/',
      'tests/.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // Links go through Paraglide's localizeHref (fa at /, en at /en/), not Kit's resolve().
    rules: { 'svelte/no-navigation-without-resolve': 'off' },
  },
  {
    // Values from Houdini's barrel pull every document's store into every page: import each store
    // from its own module ($houdini/plugins/houdini-svelte/stores/<Name>); types are erased.
    files: ['portal/src/**/*.ts', 'portal/src/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '$houdini',
              allowTypeImports: true,
              message: 'Import the store from $houdini/plugins/houdini-svelte/stores/<Name>.',
            },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules for the API and tests: no promise may be forgotten.
    files: ['api/src/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // Named exports only in the API, so every import says what it takes.
    files: ['api/src/**/*.ts'],
    rules: {
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
);
