import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { RunGit } from '../../src/io.js';
import { BIN, BUNDLED, ROOT, readBytes, readText, tempDir, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { git, initRepo, testGit } from '../helpers/git.js';
import { smallTmpfs } from '../helpers/tmpfs.js';

/** `films db git-setup` in-process, with the real git behind the Deps seam (or a missing one). */
const temp = useTempStore('bundled');

async function films(args: string[], options: { store?: string; git?: RunGit; selfCommand?: string[] } = {}) {
  const deps = bufferedDeps({ env: { FILMS_DB: options.store ?? temp.store }, cwd: temp.dir, git: options.git ?? testGit });
  const code = await main(args, options.selfCommand ? { ...deps, selfCommand: options.selfCommand } : deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

const quoted = (path: string): string => `'${path}'`;
const DRIVER = `${quoted(process.execPath)} ${quoted(BIN)} db merge %O %A %B %P`;
const ANCESTOR_DRIVER = `${quoted(process.execPath)} ${quoted(BIN)} db merge --virtual-base %O %A %B %P`;
const TEXTCONV = `${quoted(process.execPath)} ${quoted(BIN)} db textconv`;
const COMMIT = "Commit .gitattributes now, before your next git pull (git add .gitattributes && git commit -m 'films merges the diary').";

describe('films db git-setup', () => {
  it('leaves a .gitattributes that is not UTF-8 alone: one line, exit 1, the file byte for byte', async () => {
    await initRepo(temp.dir);
    const latin1 = Buffer.from('# caf\xe9\n*.txt text\n', 'latin1');
    await writeFile(join(temp.dir, '.gitattributes'), latin1);
    const result = await films(['db', 'git-setup']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: ${join(temp.dir, '.gitattributes')}:1: not valid UTF-8 (byte 5), so films will not rewrite it — save it as UTF-8, then run films db git-setup again (it adds only what is missing)\n`,
    });
    expect(await readFile(join(temp.dir, '.gitattributes'))).toEqual(latin1);
  });

  it('writes .gitattributes, info/exclude and the local config, says so, and a second run changes nothing', async () => {
    await initRepo(temp.dir);
    const first = await films(['db', 'git-setup']);
    expect(first).toEqual({
      code: 0,
      stdout: [
        `Set up git to merge and diff films.json in ${temp.dir} through films:`,
        '  .gitattributes: added films.json merge=films diff=films',
        "  .git/info/exclude: ignoring the store's backup, lock, temp and conflicts files (/films.json.* /.films.json.* /..merge_file_*.tmp)",
        '  git config merge.films.name films: merge stores by their meaning',
        `  git config merge.films.driver ${DRIVER}`,
        '  git config merge.films.recursive films-ancestor',
        '  git config merge.films-ancestor.name films: the common ancestor of a criss-cross merge',
        `  git config merge.films-ancestor.driver ${ANCESTOR_DRIVER}`,
        `  git config diff.films.textconv ${TEXTCONV}`,
        "Commit .gitattributes now, before your next git pull (git add .gitattributes && git commit -m 'films merges the diary'), and run 'films db git-setup' in every clone: the config is the clone's own.",
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await readFile(join(temp.dir, '.gitattributes'), 'utf8')).toBe('films.json merge=films diff=films\n');
    expect(await git(temp.dir, 'config', '--local', 'merge.films.driver')).toBe(`${DRIVER}\n`);
    expect(await git(temp.dir, 'config', '--local', 'diff.films.textconv')).toBe(`${TEXTCONV}\n`);
    expect(await git(temp.dir, 'config', '--local', 'merge.films.recursive')).toBe('films-ancestor\n');
    expect(await git(temp.dir, 'config', '--local', 'merge.films-ancestor.driver')).toBe(`${ANCESTOR_DRIVER}\n`);
    expect(await git(temp.dir, 'check-attr', 'merge', 'diff', '--', 'films.json', 'other.json')).toBe(
      'films.json: merge: films\nfilms.json: diff: films\nother.json: merge: unspecified\nother.json: diff: unspecified\n',
    );
    // films' own files beside the store are ignored; the store itself is not.
    await writeFile(`${temp.store}.bak`, '');
    await writeFile(`${temp.store}.conflicts`, '');
    await writeFile(join(temp.dir, '.films.json.0123456789ab.tmp'), '');
    // And what a merge killed while it wrote git's copy leaves.
    await writeFile(join(temp.dir, '..merge_file_Q5AnIF.0123456789ab.tmp'), '');
    expect(await git(temp.dir, 'status', '--porcelain', '--untracked-files=all')).toBe('?? .gitattributes\n?? films.json\n');

    const files = async () => [
      await readBytes(join(temp.dir, '.gitattributes')),
      await readBytes(join(temp.dir, '.git', 'info', 'exclude')),
      await readBytes(join(temp.dir, '.git', 'config')),
    ];
    const before = await files();
    // Nothing changes; .gitattributes is still to be committed, and it says so.
    expect(await films(['db', 'git-setup'])).toEqual({
      code: 0,
      stdout: `Nothing to change: git already merges and diffs films.json in ${temp.dir} through films\n${COMMIT}\n`,
      stderr: '',
    });
    expect(await files()).toEqual(before);
  });

  it('once .gitattributes is committed, no longer says to commit it: a run that sets a key says to run it in every clone', async () => {
    await initRepo(temp.dir);
    await films(['db', 'git-setup']);
    await git(temp.dir, 'add', '.gitattributes');
    await git(temp.dir, 'commit', '-qm', 'films merges the diary');
    const where = `films.json in ${temp.dir}`;
    expect(await films(['db', 'git-setup'])).toEqual({
      code: 0,
      stdout: `Nothing to change: git already merges and diffs ${where} through films\n`,
      stderr: '',
    });
    await git(temp.dir, 'config', '--local', '--unset', 'diff.films.textconv');
    expect(await films(['db', 'git-setup'])).toEqual({
      code: 0,
      stdout: `Set up git to merge and diff ${where} through films:\n  git config diff.films.textconv ${TEXTCONV}\nRun 'films db git-setup' in every clone: the config is the clone's own.\n`,
      stderr: '',
    });
  });

  it('says to commit .gitattributes whatever git status is set to hide: ignored (then with git add -f), or untracked files not shown', async () => {
    await initRepo(temp.dir);
    await writeFile(join(temp.dir, '.gitignore'), '.gitattributes\n');
    const ignored = await films(['db', 'git-setup']);
    expect(ignored.stdout).toMatch(
      /\nCommit \.gitattributes now, before your next git pull \(git add -f \.gitattributes && git commit -m 'films merges the diary'\), and run /,
    );
    // What it says works: once committed, nothing more to say.
    await git(temp.dir, 'add', '-f', '.gitattributes');
    await git(temp.dir, 'commit', '-qm', 'films merges the diary');
    expect((await films(['db', 'git-setup'])).stdout).toBe(
      `Nothing to change: git already merges and diffs films.json in ${temp.dir} through films\n`,
    );

    const other = await tempDir();
    try {
      await initRepo(other.dir);
      await git(other.dir, 'config', 'status.showUntrackedFiles', 'no');
      const hidden = await films(['db', 'git-setup'], { store: other.store });
      expect(hidden.stdout).toContain(
        "Commit .gitattributes now, before your next git pull (git add .gitattributes && git commit -m 'films merges the diary')",
      );
      expect((await films(['db', 'git-setup'], { store: other.store })).stdout).toContain(COMMIT);
    } finally {
      await other.cleanup();
    }
  });

  it('sets only the config keys that differ, each key by its last value as git reads it (one set twice, one without a value)', async () => {
    await initRepo(temp.dir);
    await git(temp.dir, 'config', '--local', 'merge.films.name', 'films: merge stores by their meaning');
    // Set twice: git uses the last value, so a right last value is left alone and a wrong one is set, once.
    await git(temp.dir, 'config', '--local', '--add', 'merge.films.driver', 'cat');
    await git(temp.dir, 'config', '--local', '--add', 'merge.films.driver', DRIVER);
    await git(temp.dir, 'config', '--local', '--add', 'merge.films.recursive', 'films-ancestor');
    await git(temp.dir, 'config', '--local', '--add', 'merge.films.recursive', 'text');
    await writeFile(
      join(temp.dir, '.git', 'config'),
      `${await readFile(join(temp.dir, '.git', 'config'), 'utf8')}[diff "films"]\n\ttextconv\n`,
    );
    const result = await films(['db', 'git-setup']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).not.toContain('git config merge.films.name');
    expect(result.stdout).not.toContain('git config merge.films.driver');
    expect(result.stdout).toContain('git config merge.films.recursive films-ancestor');
    expect(result.stdout).toContain(`git config diff.films.textconv ${TEXTCONV}`);
    expect(await git(temp.dir, 'config', '--local', '--get-all', 'merge.films.driver')).toBe(`cat\n${DRIVER}\n`);
    expect(await git(temp.dir, 'config', '--local', '--get-all', 'merge.films.recursive')).toBe('films-ancestor\n');
    expect(await git(temp.dir, 'config', '--local', '--get-all', 'diff.films.textconv')).toBe(`${TEXTCONV}\n`);
    expect((await films(['db', 'git-setup'])).stdout).toMatch(/^Nothing to change/);
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
      expect(result.stdout).not.toContain('.gitattributes: added');
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

  describe('claims success only when git check-attr shows that git will use films', () => {
    const overridden = (where: string) =>
      `films: git will not merge and diff ${where} through films: git check-attr says merge: unset, diff: unset, as a later line of .gitattributes, a .gitattributes in its folder, or .git/info/attributes overrides '${where.split(' in ')[0]} merge=films diff=films' — remove that override, or repeat the films line after it, then run films db git-setup again\n`;

    it('a later line of .gitattributes overrides the films line: exit 1 with one line, again on a second run, until it is fixed', async () => {
      await initRepo(temp.dir);
      const attributes = join(temp.dir, '.gitattributes');
      await writeFile(attributes, 'films.json merge=films diff=films\n*.json binary\n');
      const first = await films(['db', 'git-setup']);
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(
        /^Done for films\.json in .* before it failed \(once that is fixed, 'films db git-setup' does only the rest\):\n( {2}.*\n)+$/,
      );
      expect(first.stdout).not.toMatch(/Nothing to change|Commit|Run/);
      expect(first.stderr).toBe(overridden(`films.json in ${temp.dir}`));
      expect(await films(['db', 'git-setup'])).toEqual({ code: 1, stdout: '', stderr: overridden(`films.json in ${temp.dir}`) });

      // As the hint says: the films line again after the override.
      await writeFile(attributes, 'films.json merge=films diff=films\n*.json binary\nfilms.json merge=films diff=films\n');
      expect(await films(['db', 'git-setup'])).toEqual({
        code: 0,
        stdout: `Nothing to change: git already merges and diffs films.json in ${temp.dir} through films\n${COMMIT}\n`,
        stderr: '',
      });
    });

    it("a .gitattributes in the store's folder that unsets merge and diff", async () => {
      await initRepo(temp.dir);
      await mkdir(join(temp.dir, 'diary'));
      await writeFile(join(temp.dir, 'diary', '.gitattributes'), '* -merge -diff\n');
      const store = join(temp.dir, 'diary', 'films.json');
      await copyFile(BUNDLED, store);
      expect((await films(['db', 'git-setup'], { store })).stderr).toBe(overridden(`diary/films.json in ${temp.dir}`));
      expect((await films(['db', 'git-setup'], { store })).code).toBe(1);
    });

    it.each(['#diary.json', '!diary.json'])(
      'a store named %s is escaped, so that git reads the line as its name (not a comment, not a negative pattern)',
      async (name) => {
        await initRepo(temp.dir);
        const store = join(temp.dir, name);
        await copyFile(BUNDLED, store);
        expect(await films(['db', 'git-setup'], { store })).toMatchObject({ code: 0, stderr: '' });
        expect(await readFile(join(temp.dir, '.gitattributes'), 'utf8')).toBe(`\\${name} merge=films diff=films\n`);
        expect(await git(temp.dir, 'check-attr', 'merge', 'diff', '--', name)).toBe(`${name}: merge: films\n${name}: diff: films\n`);
      },
    );
  });

  it('films installed under a path with a %: the driver is written with %%, textconv as it is, and git runs both', async () => {
    const elsewhere = await tempDir();
    try {
      const install = join(elsewhere.dir, 'films%A');
      await symlink(ROOT, install);
      const selfCommand = [process.execPath, join(install, 'bin', 'films.js')];
      await initRepo(temp.dir);
      expect((await films(['db', 'git-setup'], { selfCommand })).code).toBe(0);
      expect(await git(temp.dir, 'config', 'merge.films.driver')).toBe(
        `'${process.execPath}' '${elsewhere.dir}/films%%A/bin/films.js' db merge %O %A %B %P\n`,
      );
      expect(await git(temp.dir, 'config', 'diff.films.textconv')).toBe(
        `'${process.execPath}' '${elsewhere.dir}/films%A/bin/films.js' db textconv\n`,
      );
      await git(temp.dir, 'add', '.');
      await git(temp.dir, 'commit', '-qm', 'diary');
      await git(temp.dir, 'checkout', '-qb', 'side');
      await films(['review', 'edit', '6005a0fb', '--rating', '8']);
      await git(temp.dir, 'commit', '-qam', 'side: 8');
      await git(temp.dir, 'checkout', '-q', 'main');
      await films(['review', 'edit', 'e60d1aa8', '--rating', '3']);
      await git(temp.dir, 'commit', '-qam', 'main: 3');
      const merge = await testGit(['merge', '--no-edit', 'side'], temp.dir);
      expect(merge.status, merge.stdout + merge.stderr).toBe(0);
      const reviews = JSON.parse(await readFile(temp.store, 'utf8')).films[0].reviews as { id: string; rating: number | null }[];
      expect(reviews.filter((r) => r.id === '6005a0fb' || r.id === 'e60d1aa8').map((r) => r.rating)).toEqual([8, 3]);
      expect(await git(temp.dir, 'log', '-p', '-1', 'side', '--', 'films.json')).toContain('+  review 6005a0fb by Adérito: rating 8\n');
    } finally {
      await elsewhere.cleanup();
    }
  });

  describe('git failing partway: one line, exit 1, and what was done before it listed', () => {
    // Each step, and a config key after others were set: the keys listed are exactly those set before it.
    const KEYS = ['merge.films.name', 'merge.films.driver', 'merge.films.recursive', 'merge.films-ancestor.name'];
    it.each([
      ['check-attr', () => 'git check-attr failed: fatal: broken', KEYS.length + 2],
      ['config --local --replace-all merge.films.name', () => 'git config merge.films.name failed: fatal: broken', 0],
      ['config --local --replace-all merge.films-ancestor.name', () => 'git config merge.films-ancestor.name failed: fatal: broken', 3],
      ['rev-parse --git-path', () => `git cannot say where ${temp.dir} keeps its info/exclude file`, 0],
    ])('git failing at %s', async (step, problem, keysSet) => {
      await initRepo(temp.dir);
      const failing: RunGit = (args, cwd) =>
        args.join(' ').startsWith(step) ? Promise.resolve({ status: 128, stdout: '', stderr: 'fatal: broken\n' }) : testGit(args, cwd);
      const stderr = `films: ${problem()} — check the repository with git status\n`;
      const result = await films(['db', 'git-setup'], { git: failing });
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr });
      // What was done before the failure is listed, whichever step failed: a second run does only the rest.
      const where = `films.json in ${temp.dir}`;
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(`Done for ${where} before it failed (once that is fixed, 'films db git-setup' does only the rest):`);
      expect(lines.slice(1, 3)).toEqual([
        '  .gitattributes: added films.json merge=films diff=films',
        ...(step === 'rev-parse --git-path' ? [] : [expect.stringMatching(/^ {2}\.git\/info\/exclude: ignoring /)]),
      ]);
      const listedKeys = lines.filter((line) => line.startsWith('  git config ')).map((line) => line.split(' ')[4]);
      // git config --get-regexp exits 1 when no key matches.
      const setKeys = (
        await testGit(['config', '--local', '--name-only', '--get-regexp', '^(merge|diff)\\.films'], temp.dir)
      ).stdout.trim();
      expect(listedKeys).toEqual(setKeys === '' ? [] : setKeys.split('\n'));
      expect(listedKeys.slice(0, 4)).toEqual(KEYS.slice(0, Math.min(keysSet, 4)));
      expect(listedKeys).toHaveLength(keysSet);
      expect(await readText(join(temp.dir, '.gitattributes'))).toBe('films.json merge=films diff=films\n');
      // Once git works, a second run does only the rest, and says only that.
      const second = await films(['db', 'git-setup']);
      expect(second.code).toBe(0);
      expect(second.stdout).not.toContain('.gitattributes: added');
      if (keysSet === KEYS.length + 2)
        expect(second.stdout).toBe(`Nothing to change: git already merges and diffs ${where} through films\n${COMMIT}\n`);
      else expect(second.stdout.match(/^ {2}git config /gm)).toHaveLength(KEYS.length + 2 - keysSet);
      // The first run added the films line: the second, which did not, still says to commit it.
      expect(second.stdout).toContain(COMMIT.replace(/\.$/, ''));
    });
  });

  describe('a folder where a file should be, or a file where a folder should be: one line that says to move it aside', () => {
    const AGAIN = 'move what is in the way aside, then run films db git-setup again (it adds only what is missing)';
    it('.gitattributes is a folder: nothing done or listed', async () => {
      await initRepo(temp.dir);
      await mkdir(join(temp.dir, '.gitattributes'));
      expect(await films(['db', 'git-setup'])).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: cannot read ${join(temp.dir, '.gitattributes')} (it is a folder, EISDIR) — ${AGAIN}\n`,
      });
      expect((await testGit(['config', '--local', '--get-regexp', '^merge\\.films'], temp.dir)).stdout).toBe('');
    });

    it('.git/info is a file: the .gitattributes line added before it is listed', async () => {
      await initRepo(temp.dir);
      await rm(join(temp.dir, '.git', 'info'), { recursive: true, force: true });
      await writeFile(join(temp.dir, '.git', 'info'), 'not a folder\n');
      const result = await films(['db', 'git-setup']);
      expect(result).toEqual({
        code: 1,
        stdout: `Done for films.json in ${temp.dir} before it failed (once that is fixed, 'films db git-setup' does only the rest):\n  .gitattributes: added films.json merge=films diff=films\n`,
        stderr: `films: cannot read ${join(temp.dir, '.git', 'info', 'exclude')} (a file stands where a folder should be, ENOTDIR) — ${AGAIN}\n`,
      });
      expect(await readFile(join(temp.dir, '.git', 'info'), 'utf8')).toBe('not a folder\n');
    });
  });

  describe('on a full disk (a real tmpfs)', () => {
    const disk = smallTmpfs('1m');
    it.skipIf(disk.cannotMount !== null)('refuses in one line, says to free space, and writes and lists nothing', async () => {
      await initRepo(disk.dir);
      const store = join(disk.dir, 'films.json');
      await disk.fillTo(0);
      const result = await films(['db', 'git-setup'], { store });
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: cannot write ${disk.dir}/.gitattributes (the disk is full, ENOSPC) — free some space, then run films db git-setup again (it adds only what is missing)\n`,
      });
      expect(existsSync(join(disk.dir, '.gitattributes'))).toBe(false);
      expect((await testGit(['config', '--local', '--get-regexp', '^merge\\.films'], disk.dir)).stdout).toBe('');
    });
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
