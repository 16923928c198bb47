// @ts-check
import eslint from '@eslint/js';
import { isAbsolute, join, relative, sep } from 'node:path';
import globals from 'globals';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's strict, type-checked rules, with these choices written down:
 * - restrict-template-expressions allows numbers: counts and sizes in messages read naturally.
 * - no-confusing-void-expression allows an arrow's shorthand body (`() => write(x)`), the usual callback.
 * - In tests, values read back from JSON output are `any`, and expect() checks them at run time: the
 *   no-unsafe-* rules are off there, and so is no-control-regex (tests look for escape sequences).
 * - no-control-regex is off too in render/width.ts, whose pattern finds colour codes by their ESC.
 * - require-await is off: run(), the Prompter and test doubles implement async interfaces whether or not they await.
 * - Unused names starting with _ are allowed, as are the siblings of a rest pattern ({ id: _id, ...rest }).
 * - JavaScript files (bench/, bin/, test helpers in .mjs) are linted without type information; bin/ and
 *   .cjs files are CommonJS, so they may require().
 * - Comments do not configure eslint (noInlineConfig): every exception is written here, and no
 *   `eslint-disable` comment can hide an error, TypeScript's among them.
 * - films/typescript-errors reports what `tsc --noEmit` would (see below), so `npm test` runs no tsc of its own.
 */

const IGNORED = ['dist/', 'node_modules/', 'coverage/', 'bench/stores/', 'bench/.tmp/'];
const TYPESCRIPT = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
const ROOT = import.meta.dirname;
/** Where the program's own errors are reported: the entry point, which every run of `eslint .` lints. */
const ENTRY = join(ROOT, 'src', 'cli.ts');

/** A file's path from the root, `/`-separated. */
const fromRoot = (/** @type {string} */ fileName) => relative(ROOT, fileName).replaceAll(sep, '/');

/** Whether eslint lints a file with films/typescript-errors, and so reports its TypeScript errors there. */
function linted(/** @type {string} */ fileName) {
  const path = fromRoot(fileName);
  return (
    path !== '..' &&
    !path.startsWith('../') &&
    !isAbsolute(path) &&
    /\.(ts|mts|cts|tsx)$/.test(path) &&
    !path.split('/').includes('node_modules') &&
    !IGNORED.some((folder) => path.startsWith(folder))
  );
}

/**
 * TypeScript's own errors, asked of the program typescript-eslint builds for its type-checked rules.
 * Those rules have already checked nearly every type, so this costs ~0.5 s of CPU; a separate tsc
 * builds and checks the whole program again, ~7 s without its cache. typescript-eslint builds the
 * program from tsconfig.json with noUnusedLocals and noUnusedParameters on: tsconfig.json sets both,
 * so the errors are tsc's. Each linted file gets its own. The entry point also gets those of the
 * program as a whole and of the files eslint does not lint (an imported JSON file, say), each naming
 * its file: in one place, whichever pass (--fix lints a file again) or process lints it.
 * eslint's --cache must stay off: a file's TypeScript errors change when a file it imports does.
 */
/** @type {import('eslint').Rule.RuleModule} */
const typescriptErrors = {
  meta: { type: 'problem', schema: [], messages: { error: '{{message}} (TS{{code}})' } },
  create(context) {
    /** @type {{ program: import('typescript').Program, esTreeNodeToTSNodeMap: { get(node: unknown): import('typescript').SourceFile } }} */
    const { program, esTreeNodeToTSNodeMap } = context.sourceCode.parserServices;
    /** @param {import('typescript').SourceFile} file */
    const errorsOf = (file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    /** The program's own errors: checking every file first records those of missing global types. */
    const programErrors = () => {
      program.getSemanticDiagnostics();
      const unlinted = program.getSourceFiles().filter((other) => !linted(other.fileName));
      return [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...unlinted.flatMap(errorsOf)];
    };
    return {
      Program(node) {
        const file = esTreeNodeToTSNodeMap.get(node);
        const diagnostics = file.fileName === ENTRY ? [...errorsOf(file), ...programErrors()] : errorsOf(file);
        /** @param {import('typescript').SourceFile} where @param {number} offset */
        const at = (where, offset) => {
          const { line, character } = where.getLineAndCharacterOfPosition(offset);
          return { line: line + 1, column: character };
        };
        for (const diagnostic of diagnostics) {
          if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
          const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
          const code = String(diagnostic.code);
          const start = diagnostic.start ?? 0;
          const where = diagnostic.file;
          if (where === file) {
            context.report({
              loc: { start: at(file, start), end: at(file, start + (diagnostic.length ?? 0)) },
              messageId: 'error',
              data: { message: text, code },
            });
            continue;
          }
          const position = where && at(where, start);
          const place = where && position ? `${fromRoot(where.fileName)}:${String(position.line)}:${String(position.column + 1)}: ` : '';
          context.report({ loc: { line: 1, column: 0 }, messageId: 'error', data: { message: `${place}${text}`, code } });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: IGNORED },
  { linterOptions: { noInlineConfig: true } },
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
  { files: ['src/render/width.ts'], rules: { 'no-control-regex': 'off' } },
  {
    files: TYPESCRIPT,
    plugins: { films: { rules: { 'typescript-errors': typescriptErrors } } },
    rules: { 'films/typescript-errors': 'error' },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['bin/**', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
