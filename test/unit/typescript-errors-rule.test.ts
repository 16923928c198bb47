import { Linter } from 'eslint';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/**
 * films/typescript-errors (eslint.config.js) is npm test's only type check: were it to stop
 * reporting, CI would pass code tsc refuses. It is run here on a small program built in memory,
 * the way typescript-eslint hands it its program.
 */
const ENTRY = join(ROOT, 'src', 'cli.ts');
const OTHER = join(ROOT, 'src', 'other.ts');

async function theRule(): Promise<Linter.Config['plugins']> {
  const config = ((await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as { default: Linter.Config[] }).default;
  const withRule = config.find((entry) => entry.plugins?.films);
  if (!withRule) throw new Error('eslint.config.js has no films plugin');
  return withRule.plugins;
}

/** A program of these files (and files on disk for the rest, e.g. the ES5 library), as tsc would build it. */
function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = {
    strict: true,
    noUnusedLocals: true,
    noEmit: true,
    lib: ['lib.es5.d.ts'],
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    resolveJsonModule: true,
  };
  const disk = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...disk,
    fileExists: (name) => name in files || disk.fileExists(name),
    // Module resolution looks for the folders too: bench/stores/ exists only where the benchmark ran.
    directoryExists: (folder) =>
      Object.keys(files).some((name) => name.startsWith(`${folder}/`)) || (disk.directoryExists?.(folder) ?? false),
    readFile: (name) => files[name] ?? disk.readFile(name),
    getSourceFile: (name, language, ...rest) => {
      const text = files[name];
      return text === undefined ? disk.getSourceFile(name, language, ...rest) : ts.createSourceFile(name, text, language);
    },
  };
  return ts.createProgram(
    Object.keys(files).filter((name) => name.endsWith('.ts')),
    options,
    host,
  );
}

async function lint(files: Record<string, string>, file: string): Promise<string[]> {
  const program = programOf(files);
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const messages = linter.verify(
    files[file] ?? '',
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { programs: [program] } },
        plugins: await theRule(),
        rules: { 'films/typescript-errors': 'error' },
      },
    ],
    file,
  );
  return messages.map((message) => `${String(message.line)}:${String(message.column)} ${message.ruleId ?? 'fatal'} ${message.message}`);
}

describe('films/typescript-errors', () => {
  it("reports a file's type errors where tsc does, and nothing for a file without any", async () => {
    const files = {
      [ENTRY]: 'export const fine: number = 1;\n',
      [OTHER]: "export const wrong: number = 'x';\nfunction unused(): void {}\n",
    };
    expect(await lint(files, OTHER)).toEqual([
      "1:14 films/typescript-errors Type 'string' is not assignable to type 'number'. (TS2322)",
      "2:10 films/typescript-errors 'unused' is declared but its value is never read. (TS6133)",
    ]);
    expect(await lint(files, ENTRY)).toEqual([]);
  });

  it('reports at the entry point, naming each file, the errors of files eslint does not lint: an imported JSON file, an ignored folder', async () => {
    const files = {
      [ENTRY]:
        "import data from './data.json' with { type: 'json' };\nimport { kept } from '../bench/stores/kept.js';\nexport const all = [data, kept];\n",
      [join(ROOT, 'src', 'data.json')]: '{ "a": 01 }',
      [join(ROOT, 'bench', 'stores', 'kept.ts')]: "export const kept: number = 'x';\n",
      [OTHER]: 'export const fine = 1;\n',
    };
    expect(await lint(files, ENTRY)).toEqual([
      "1:1 films/typescript-errors src/data.json:1:8: Octal literals are not allowed. Use the syntax '0o1'. (TS1121)",
      "1:1 films/typescript-errors bench/stores/kept.ts:1:14: Type 'string' is not assignable to type 'number'. (TS2322)",
    ]);
    expect(await lint(files, OTHER)).toEqual([]);
  });
});
