import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, readText, runFilms, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');
const films = (args: string[]) => runFilms(args, { env: { FILMS_DB: temp.store }, cwd: temp.dir });

describe('documents nested 200,000 deep', () => {
  const deep = (inner: string): string => `${'['.repeat(200_000)}${inner}${']'.repeat(200_000)}`;

  it.each([
    [
      'a __proto__ key at the top',
      `{"version":1,"films":[],"__proto__":${deep('1')}}`,
      '__proto__: a key named "__proto__" is not allowed',
    ],
    ['an unknown key in a film', `{"version":1,"films":[{"slug":"a","x":${deep('"constructor"')}}]}`, 'films[0].x[0][0]'],
    // The document itself is the first level: the 64th '[' is the 65th level, at column 85.
    ['invalid JSON', `{"version":1,"films":${'['.repeat(200_000)}}`, 'invalid JSON at line 1:85: nested more than 64 levels deep'],
  ])('a store with %s: one line, exit 1, the file unchanged', async (_name, content, expected) => {
    await writeFile(temp.store, content);
    for (const args of [
      ['show', 'dear'],
      ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
      ['db', 'check'],
    ]) {
      const result = await films(args);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')).toHaveLength(2);
      // db check lists the problems on stdout, and says how many on stderr.
      expect(`${result.stdout}${result.stderr}`).toContain(expected);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/Maximum call stack|unexpected error/);
    }
    expect(await readText(temp.store)).toBe(content);
  });

  it.each([
    [
      'a __proto__ key',
      `{"version":1,"films":[{"slug":"a","x":${deep('{"__proto__":1}')}}]}`,
      'films[0].x[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]…',
    ],
    [
      'an unknown key',
      `{"version":1,"films":[{"slug":"a","x":${deep('1')}}]}`,
      'films[0].x[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]…',
    ],
    [
      'NDJSON',
      `{"slug":"a","x":${deep('{"constructor":1}')}}\n{"slug":"b"}\n`,
      '[0].x[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]…',
    ],
  ])('an import with %s: one line, exit 1, the store unchanged', async (_name, content, where) => {
    const before = await readText(temp.store);
    const file = join(temp.dir, 'deep.json');
    await writeFile(file, content);
    expect(await films(['import', '--format', 'json', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: ${file}: nested more than 64 levels deep at ${where} — nothing was imported; a films export is never that deep\n`,
    });
    expect(await readText(temp.store)).toBe(before);
  });
});

describe('endless input', () => {
  const importRefusal = (name: string): string =>
    `films: ${name} is larger than the ~512 MB a films store can hold — nothing was imported; split it into smaller files\n`;

  it('films import /dev/zero stops at the limit: one line, exit 1, the store unchanged', async () => {
    const before = await readText(temp.store);
    expect(await films(['import', '/dev/zero'])).toEqual({ code: 1, stdout: '', stderr: importRefusal('/dev/zero') });
    expect(await readText(temp.store)).toBe(before);
  });

  it('cat /dev/zero | films import - stops at the limit', async () => {
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'sh',
        ['-c', `cat /dev/zero | "${process.execPath}" "${BIN}" import -`],
        { env: { ...process.env, FILMS_DB: temp.store }, encoding: 'utf8', timeout: 20_000 },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
    expect(result).toEqual({ code: 1, stdout: '', stderr: importRefusal('standard input') });
  });

  it('--text-file /dev/zero stops past what a review text can be', async () => {
    expect(await films(['review', 'add', 'dear', '--author', 'A', '--text-file', '/dev/zero'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'films: /dev/zero holds more than 400,000 bytes, past the review text limit of 100,000 characters — shorten it\n',
    });
  });
});
