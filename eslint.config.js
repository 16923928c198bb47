// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import ts from 'typescript';
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
 * - films/typescript-errors reports what `tsc --noEmit` would (see below), so `npm test` runs no tsc of its own.
 */

/**
 * TypeScript's own errors, asked of the program typescript-eslint builds for its type-checked rules.
 * Those rules have already checked nearly every type, so this costs ~0.5 s of CPU; a separate tsc
 * builds and checks the whole program again, ~7 s without its cache. typescript-eslint builds the
 * program from tsconfig.json with noUnusedLocals and noUnusedParameters on: tsconfig.json sets both,
 * so the errors are tsc's, no more and no fewer.
 */
let globalErrorsReported = false;
/** @type {import('eslint').Rule.RuleModule} */
const typescriptErrors = {
  meta: { type: 'problem', schema: [], messages: { error: '{{message}} (TS{{code}})' } },
  create(context) {
    const { program, esTreeNodeToTSNodeMap } = context.sourceCode.parserServices;
    return {
      Program(node) {
        /** @type {import('typescript').SourceFile} */
        const file = esTreeNodeToTSNodeMap.get(node);
        const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
        if (!globalErrorsReported) {
          globalErrorsReported = true;
          diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
        }
        /** @param {number} offset */
        const at = (offset) => {
          const { line, character } = file.getLineAndCharacterOfPosition(offset);
          return { line: line + 1, column: character };
        };
        for (const diagnostic of diagnostics) {
          if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
          const start = diagnostic.file === file ? (diagnostic.start ?? 0) : 0;
          const length = diagnostic.file === file ? (diagnostic.length ?? 0) : 0;
          context.report({
            loc: { start: at(start), end: at(start + length) },
            messageId: 'error',
            data: { message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '), code: String(diagnostic.code) },
          });
        }
      },
    };
  },
};

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
  {
    files: ['**/*.ts'],
    plugins: { films: { rules: { 'typescript-errors': typescriptErrors } } },
    rules: { 'films/typescript-errors': 'error' },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['bin/**', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
