import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { RunGit } from '../../src/io.js';
import { BIN, BUNDLED, tempDir, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { git, initRepo, testGit } from '../helpers/git.js';

/** `films db git-setup` in-process, with the real git behind the Deps seam (or a missing one). */
const temp = useTempStore('bundled');

async function films(args: string[], options: { store?: string; git?: RunGit } = {}) {
  const deps = bufferedDeps({ env: { FILMS_DB: options.store ?? temp.store }, cwd: temp.dir, git: options.git ?? testGit });
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

const quoted = (path: string): string => `'${path}'`;
const DRIVER = `${quoted(process.execPath)} ${quoted(BIN)} db merge %O %A %B %P`;
const TEXTCONV = `${quoted(process.execPath)} ${quoted(BIN)} db textconv`;

describe('films db git-setup', () => {
  it('writes .gitattributes, info/exclude and the local config, says so, and a second run changes nothing', async () => {
    await initRepo(temp.dir);
    const first = await films(['db', 'git-setup']);
    expect(first).toEqual({
      code: 0,
      stdout: [
        `Set up git to merge and diff films.json in ${temp.dir} through films:`,
        '  .gitattributes: added films.json merge=films diff=films',
        "  .git/info/exclude: ignoring the store's backup, lock, temp and conflicts files (/films.json.* /.films.json.*)",
        '  git config merge.films.name films: merge stores by their meaning',
        `  git config merge.films.driver ${DRIVER}`,
        `  git config diff.films.textconv ${TEXTCONV}`,
        "Commit .gitattributes, and run 'films db git-setup' in every clone: the config is the clone's own.",
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await readFile(join(temp.dir, '.gitattributes'), 'utf8')).toBe('films.json merge=films diff=films\n');
    expect(await git(temp.dir, 'config', '--local', 'merge.films.driver')).toBe(`${DRIVER}\n`);
    expect(await git(temp.dir, 'config', '--local', 'diff.films.textconv')).toBe(`${TEXTCONV}\n`);
    expect(await git(temp.dir, 'check-attr', 'merge', 'diff', '--', 'films.json', 'other.json')).toBe(
      'films.json: merge: films\nfilms.json: diff: films\nother.json: merge: unspecified\nother.json: diff: unspecified\n',
    );
    // films' own files beside the store are ignored; the store itself is not.
    await writeFile(`${temp.store}.bak`, '');
    await writeFile(`${temp.store}.conflicts`, '');
    await writeFile(join(temp.dir, '.films.json.0123456789ab.tmp'), '');
    expect(await git(temp.dir, 'status', '--porcelain', '--untracked-files=all')).toBe('?? .gitattributes\n?? films.json\n');

    const files = async () => [
      await readFile(join(temp.dir, '.gitattributes')),
      await readFile(join(temp.dir, '.git', 'info', 'exclude')),
      await readFile(join(temp.dir, '.git', 'config')),
    ];
    const before = await files();
    expect(await films(['db', 'git-setup'])).toEqual({
      code: 0,
      stdout: `Nothing to change: git already merges and diffs films.json in ${temp.dir} through films\n`,
      stderr: '',
    });
    expect(await files()).toEqual(before);
  });

  it('adds its line to an existing .gitattributes (no final newline) without repeating a line that is there', async () => {
    await initRepo(temp.dir);
    await writeFile(join(temp.dir, '.gitattributes'), '*.png binary');
    expect((await films(['db', 'git-setup'])).code).toBe(0);
    expect(await readFile(join(temp.dir, '.gitattributes'), 'utf8')).toBe('*.png binary\nfilms.json merge=films diff=films\n');

    const other = await tempDir();
    try {
      await initRepo(other.dir);
      await writeFile(join(other.dir, '.gitattributes'), 'films.json merge=films diff=films\r\n');
      const result = await films(['db', 'git-setup'], { store: other.store });
      expect(result.stdout).not.toContain('.gitattributes');
      expect(await readFile(join(other.dir, '.gitattributes'), 'utf8')).toBe('films.json merge=films diff=films\r\n');
    } finally {
      await other.cleanup();
    }
  });

  it('a store in a folder of the repository, with a space and a glob character in its path, is named exactly', async () => {
    await initRepo(temp.dir);
    const folder = join(temp.dir, 'My Films');
    await mkdir(folder);
    const store = join(folder, 'diary[1].json');
    await copyFile(BUNDLED, store);
    const result = await films(['db', 'git-setup'], { store });
    expect(result.code).toBe(0);
    expect(await readFile(join(temp.dir, '.gitattributes'), 'utf8')).toBe('"My Films/diary\\\\[1].json" merge=films diff=films\n');
    expect(await git(temp.dir, 'check-attr', 'merge', '--', 'My Films/diary[1].json', 'My Films/diary1.json')).toBe(
      'My Films/diary[1].json: merge: films\nMy Films/diary1.json: merge: unspecified\n',
    );
    await writeFile(`${store}.bak`, '');
    await writeFile(join(folder, 'diary1.json.bak'), '');
    expect(await git(temp.dir, 'status', '--porcelain', '--untracked-files=all')).toBe(
      '?? .gitattributes\n?? "My Films/diary1.json.bak"\n?? "My Films/diary[1].json"\n?? films.json\n',
    );
  });

  it('follows a link to the store inside the work tree', async () => {
    await initRepo(temp.dir);
    const link = join(temp.dir, 'link.json');
    await symlink(temp.store, link);
    expect((await films(['db', 'git-setup'], { store: link })).code).toBe(0);
    expect(await readFile(join(temp.dir, '.gitattributes'), 'utf8')).toBe('films.json merge=films diff=films\n');
  });

  describe('refuses with one line, exit 1, writing nothing', () => {
    const HOW = 'keep the store in a git repository (e.g. FILMS_DB=~/films-diary/films.json in a clone) and run films db git-setup there';
    it('outside any git work tree', async () => {
      expect(await films(['db', 'git-setup'])).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: the store ${temp.store} is not inside a git work tree — ${HOW}\n`,
      });
      expect(existsSync(join(temp.dir, '.gitattributes'))).toBe(false);
    });

    it('a link in a work tree to a store outside it', async () => {
      const repo = await tempDir();
      try {
        await initRepo(repo.dir);
        await symlink(temp.store, repo.store);
        expect(await films(['db', 'git-setup'], { store: repo.store })).toEqual({
          code: 1,
          stdout: '',
          stderr: `films: the store ${repo.store} is not inside a git work tree — ${HOW}\n`,
        });
        expect(existsSync(join(repo.dir, '.gitattributes'))).toBe(false);
      } finally {
        await repo.cleanup();
      }
    });

    it('a store inside the .git folder', async () => {
      await initRepo(temp.dir);
      const store = join(temp.dir, '.git', 'films.json');
      expect(await films(['db', 'git-setup'], { store })).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: the store ${store} is not inside a git work tree — ${HOW}\n`,
      });
    });

    it('a store whose folder does not exist', async () => {
      const store = join(temp.dir, 'nowhere', 'films.json');
      expect(await films(['db', 'git-setup'], { store })).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: the store's folder ${temp.dir}/nowhere does not exist, so it is in no git work tree — ${HOW}\n`,
      });
    });

    it('no git on the machine', async () => {
      const noGit: RunGit = () => Promise.reject(Object.assign(new Error('spawn git ENOENT'), { code: 'ENOENT' }));
      expect(await films(['db', 'git-setup'], { git: noGit })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'films: git is not installed (no git on the PATH) — install git, then run films db git-setup again\n',
      });
    });
  });
});
