// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's strict, type-checked rules, with these choices written down:
 * - restrict-template-expressions allows numbers: counts and sizes in messages read naturally.
 * - no-confusing-void-expression allows an arrow's shorthand body (`() => write(x)`), the usual callback.
 * - In tests, values read back from JSON output are `any`, and expect() checks them at run time: the
 *   no-unsafe-* rules are off there, and so is no-control-regex (tests look for escape sequences).
 * - require-await is off: run(), the Prompter and test doubles implement async interfaces whether or not they await.
 * - Unused names starting with _ are allowed, as are the siblings of a rest pattern ({ id: _id, ...rest }).
 * - JavaScript files (bench/, bin/, test helpers in .mjs) are linted without type information; bin/ and
 *   .cjs files are CommonJS, so they may require().
 */
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/stores/', 'bench/.tmp/'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      'no-control-regex': 'off',
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['bin/**', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
