// eslint 9 rather than 10: eslint-plugin-jsx-a11y (accessible forms in the portal) declares eslint <= 9.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            // Layers: an arrow may only point down this list.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:api', 'type:domain', 'type:data', 'type:util', 'type:ui', 'type:contract'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:api', 'type:domain', 'type:data', 'type:util', 'type:contract'] },
            { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util', 'type:contract'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util', 'type:contract'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contract'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            // Browser tests drive the running apps from outside; they only borrow test helpers.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:data', 'type:util', 'type:contract'] },
            // Where code runs: the browser never pulls in server code. The one exception is the
            // tRPC router *type* (tag exposes:router-type), which the rule below keeps type-only.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared', 'exposes:router-type'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/portal/**/*.ts', 'apps/portal/**/*.tsx', 'libs/ui/**/*.tsx', 'libs/ui/**/*.ts'],
    ignores: ['apps/portal/e2e/**', 'apps/portal/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@dd/api', message: 'The portal may only import the AppRouter type from @dd/api.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen against Kysely<any>: they must not follow today's table types.
    files: ['libs/db/migrations/**/*.ts', 'libs/db/src/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Every CSV goes out through @dd/csv, which neutralises cells a spreadsheet would run as formulas.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['libs/csv/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['csv-stringify', 'csv-stringify/*'], message: 'Write CSV with toCsv from @dd/csv (formula-safe cells).' }] },
      ],
    },
  },
  {
    // Convention 7: each process parses its env once through libs/config (one schema, one rule for
    // empty values, one line per bad variable) and passes the values down. PATH is the shell's
    // search path, not configuration, so looking up an executable on it stays allowed.
    files: ['libs/**/*.ts', 'libs/**/*.tsx', 'apps/**/*.ts', 'apps/**/*.tsx', 'tools/seed/**/*.ts'],
    ignores: ['libs/config/**', '**/*.spec.ts', '**/*.spec.tsx', 'libs/*/src/testing/**', 'apps/*/src/testing/**', 'apps/portal-e2e/**', '**/vite.config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env']:not([property.name='PATH']):not([property.value='PATH'])",
          message: 'Read configuration through libs/config (loadApiEnv, loadWorkerEnv, loadToolEnv) and pass the parsed env down.',
        },
        {
          selector: ":not(MemberExpression) > MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through libs/config (loadApiEnv, loadWorkerEnv, loadToolEnv) and pass the parsed env down.',
        },
      ],
    },
  },
  {
    // Noise and identifiers must come from node:crypto; Math.random is predictable.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use node:crypto (randomInt, randomBytes) instead.' }],
    },
  },
);
