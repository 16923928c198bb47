import { copyFile, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { checkStoreText } from '../../src/store/validate.js';
import { BUNDLED, ROOT, readBytes, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';

/** `films db merge`, `db conflicts` and `db textconv` in-process, as git runs them: from the work tree's root, on files. */
const temp = useTempStore('absent');
const V1_STORE = join(ROOT, 'test', 'fixtures', 'store-v1.json');

async function films(args: string[], env: Record<string, string> = {}) {
  const deps = bufferedDeps({ env: { FILMS_AUTHOR: 'Tess', ...env }, cwd: temp.dir });
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

/** base, ours and theirs as git gives them: three copies of the bundled store in the work tree's root. */
async function sides(): Promise<{ base: string; ours: string; theirs: string }> {
  const paths = { base: join(temp.dir, '.merge_file_O'), ours: join(temp.dir, '.merge_file_A'), theirs: join(temp.dir, '.merge_file_B') };
  for (const path of Object.values(paths)) await copyFile(BUNDLED, path);
  return paths;
}

const store = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const reviewOf = async (path: string, id: string) => (await store(path)).films[0].reviews.find((r: { id: string }) => r.id === id);

describe('films db merge', () => {
  it('merges reviews added on both sides into <ours>: exit 0, silent, a valid store, no backup and no conflicts file', async () => {
    const { base, ours, theirs } = await sides();
    expect((await films(['--db', ours, 'review', 'add', 'dear', '--rating', '8', '--text', 'Ours.', '--date', '2025-12-01'])).code).toBe(0);
    expect(
      (
        await films([
          '--db',
          theirs,
          'review',
          'add',
          'dear',
          '--author',
          'Bob',
          '--rating',
          '6',
          '--text',
          'Theirs.',
          '--date',
          '2025-12-02',
        ])
      ).code,
    ).toBe(0);
    expect((await films(['--db', theirs, 'review', 'remove', '0e6731e0', '--yes'])).code).toBe(0);
    const [baseBytes, theirsBytes] = [await readBytes(base), await readBytes(theirs)];
    await rm(`${ours}.bak`);

    expect(await films(['db', 'merge', '.merge_file_O', '.merge_file_A', '.merge_file_B', 'films.json'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });

    const merged = await readFile(ours, 'utf8');
    expect(checkStoreText(merged).ok).toBe(true);
    const reviews = JSON.parse(merged).films[0].reviews;
    expect(reviews.slice(0, 2).map((r: { author: string; text: string }) => `${r.author}: ${r.text}`)).toEqual([
      'Bob: Theirs.',
      'Tess: Ours.',
    ]);
    expect(reviews.some((r: { id: string }) => r.id === '0e6731e0')).toBe(false);
    expect(reviews).toHaveLength(11);
    expect(await readBytes(base)).toBe(baseBytes);
    expect(await readBytes(theirs)).toBe(theirsBytes);
    expect(existsSync(`${ours}.bak`)).toBe(false);
    expect(existsSync(join(temp.dir, 'films.json.conflicts'))).toBe(false);
    expect((await films(['--db', ours, 'db', 'check'])).code).toBe(0);
  });

  it('a true conflict: exit 1, each conflict one line on stdout, one line on stderr, <ours> valid with our value, the list kept beside the store', async () => {
    const { base, ours, theirs } = await sides();
    await films(['--db', ours, 'review', 'edit', '6005a0fb', '--rating', '8']);
    await films(['--db', theirs, 'review', 'edit', '6005a0fb', '--rating', '9']);
    await films(['--db', theirs, 'review', 'add', 'dear', '--author', 'Bob', '--text', 'Kept.', '--date', '2025-12-02']);

    const result = await films(['db', 'merge', base, ours, theirs, 'films.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('film dear-comrades review 6005a0fb by Adérito: rating: ours 8, theirs 9\n');
    expect(result.stderr).toBe(
      `films: 1 conflict merging ${temp.dir}/films.json (listed above, and kept in ${temp.dir}/films.json.conflicts); the store holds our values — change what you want with films commands, then 'films db conflicts --clear', 'git add' and 'git commit'\n`,
    );
    expect(checkStoreText(await readFile(ours, 'utf8')).ok).toBe(true);
    expect((await reviewOf(ours, '6005a0fb')).rating).toBe(8);
    expect((await store(ours)).films[0].reviews.some((r: { text: string }) => r.text === 'Kept.')).toBe(true);
    expect(await readFile(join(temp.dir, 'films.json.conflicts'), 'utf8')).toBe(result.stdout);
  });

  it('films db conflicts prints the conflicts of the store in use, and --clear forgets them', async () => {
    const { base, ours, theirs } = await sides();
    await films(['--db', ours, 'review', 'edit', '6005a0fb', '--rating', '8', '--spoiler']);
    await films(['--db', theirs, 'review', 'edit', '6005a0fb', '--rating', '9', '--no-spoiler', '--text', 'Changed.']);
    // Before any merge: nothing recorded.
    const env = { FILMS_DB: join(temp.dir, 'films.json') };
    expect(await films(['db', 'conflicts'], env)).toEqual({
      code: 0,
      stdout: `No conflicts recorded for ${temp.dir}/films.json\n`,
      stderr: '',
    });

    expect((await films(['db', 'merge', base, ours, theirs, 'films.json'])).code).toBe(1);
    const listed = await films(['db', 'conflicts'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('film dear-comrades review 6005a0fb by Adérito: rating: ours 8, theirs 9\n');
    expect(listed.stderr).toMatch(
      /^films: 1 conflict from the last merge of .*films\.json; the store holds our values — .*'films db conflicts --clear'\n$/,
    );
    // The text changed on one side only: taken without a conflict.
    expect(await reviewOf(ours, '6005a0fb')).toMatchObject({ rating: 8, text: 'Changed.', spoiler: true });

    expect(await films(['db', 'conflicts', '--clear'], env)).toEqual({
      code: 0,
      stdout: `Cleared the conflicts recorded in ${temp.dir}/films.json.conflicts\n`,
      stderr: '',
    });
    expect(existsSync(join(temp.dir, 'films.json.conflicts'))).toBe(false);
    expect((await films(['db', 'conflicts'], env)).stdout).toBe(`No conflicts recorded for ${temp.dir}/films.json\n`);
    expect((await films(['db', 'conflicts', '--clear'], env)).stdout).toBe(`No conflicts recorded for ${temp.dir}/films.json\n`);
  });

  it('without the store path, the conflicts are kept beside <ours>; a later clean merge removes a stale list', async () => {
    const { base, ours, theirs } = await sides();
    await films(['--db', ours, 'edit', 'dear', '--year', '2020']);
    await films(['--db', theirs, 'edit', 'dear', '--year', '2021']);
    const result = await films(['db', 'merge', base, ours, theirs]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('film dear-comrades: year: ours 2020, theirs 2021\n');
    expect(await readFile(`${ours}.conflicts`, 'utf8')).toBe(result.stdout);

    await copyFile(ours, theirs);
    expect((await films(['db', 'merge', base, ours, theirs])).code).toBe(0);
    expect(existsSync(`${ours}.conflicts`)).toBe(false);
  });

  it('films db conflicts and --clear find the list beside the store a FILMS_DB link points to', async () => {
    const { base, ours, theirs } = await sides();
    await films(['--db', ours, 'review', 'edit', '6005a0fb', '--rating', '8']);
    await films(['--db', theirs, 'review', 'edit', '6005a0fb', '--rating', '9']);
    expect((await films(['db', 'merge', base, ours, theirs, 'films.json'])).code).toBe(1);
    await copyFile(ours, join(temp.dir, 'films.json'));
    await mkdir(join(temp.dir, 'elsewhere'));
    const env = { FILMS_DB: join(temp.dir, 'elsewhere', 'diary.json') };
    await symlink(join(temp.dir, 'films.json'), env.FILMS_DB);

    expect(await films(['db', 'conflicts'], env)).toMatchObject({
      code: 0,
      stdout: 'film dear-comrades review 6005a0fb by Adérito: rating: ours 8, theirs 9\n',
    });
    expect(await films(['db', 'conflicts', '--clear'], env)).toEqual({
      code: 0,
      stdout: `Cleared the conflicts recorded in ${temp.dir}/films.json.conflicts\n`,
      stderr: '',
    });
    expect(existsSync(join(temp.dir, 'films.json.conflicts'))).toBe(false);
    expect(existsSync(join(temp.dir, 'elsewhere', 'diary.json.conflicts'))).toBe(false);
  });

  it("removes the temp files that killed merges left beside git's merge files, and only those", async () => {
    const { base, ours, theirs } = await sides();
    const orphans = ['..merge_file_Q5AnIF.0123456789ab.tmp', '..merge_file_x0Y1z2.fedcba987654.tmp'];
    const others = ['.films.json.0123456789ab.tmp', '..merge_file_Q5AnIF.tmp', '.merge_file_Q5AnIF', 'notes.tmp'];
    for (const name of [...orphans, ...others]) await writeFile(join(temp.dir, name), 'x');
    expect((await films(['db', 'merge', base, ours, theirs, 'films.json'])).code).toBe(0);
    const left = await readdir(temp.dir);
    for (const name of orphans) expect(left).not.toContain(name);
    for (const name of others) expect(left).toContain(name);
  });

  it('names each of our films that got a new slug, as a different film took its own; exit 0', async () => {
    const { base, ours, theirs } = await sides();
    expect((await films(['--db', ours, 'add', '--title', 'Rain', '--year', '2019'])).stdout).toMatch(/ as rain\n/);
    expect((await films(['--db', theirs, 'add', '--title', 'Rain', '--year', '1932'])).stdout).toMatch(/ as rain\n/);
    expect(await films(['db', 'merge', base, ours, theirs, 'films.json'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'films: Rain (2019) is now rain-2019: another film has rain since this merge\n',
    });
    expect((await store(ours)).films.map((f: { slug: string; year: number }) => `${f.slug} ${f.year}`)).toEqual([
      'dear-comrades null',
      'rain-2019 2019',
      'rain 1932',
    ]);
  });

  it("--virtual-base (git's inner merge of a criss-cross): the ancestor's value where they conflict, silent, exit 0, no conflicts file", async () => {
    const { base, ours, theirs } = await sides();
    await films(['--db', ours, 'review', 'edit', '6005a0fb', '--rating', '8']);
    await films(['--db', theirs, 'review', 'edit', '6005a0fb', '--rating', '9']);
    await films(['--db', theirs, 'review', 'edit', 'e60d1aa8', '--rating', '3']);
    expect(await films(['db', 'merge', '--virtual-base', base, ours, theirs, 'films.json'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await reviewOf(ours, '6005a0fb')).rating).toBeNull();
    expect((await reviewOf(ours, 'e60d1aa8')).rating).toBe(3);
    expect(existsSync(join(temp.dir, 'films.json.conflicts'))).toBe(false);
  });

  it('migrates a version-1 side first; the result is version 2', async () => {
    const { base, ours, theirs } = await sides();
    await copyFile(V1_STORE, base);
    await copyFile(V1_STORE, ours);
    await copyFile(V1_STORE, theirs);
    await films(['--db', theirs, 'review', 'edit', '92d7b88e', '--rating', '5']);
    expect(JSON.parse(await readFile(ours, 'utf8')).version).toBe(1);
    expect(await films(['db', 'merge', base, ours, theirs])).toEqual({ code: 0, stdout: '', stderr: '' });
    const merged = await store(ours);
    expect(merged.version).toBe(2);
    expect(merged).not.toHaveProperty('lastAuthor');
    expect(merged.films[0].reviews.find((r: { id: string }) => r.id === '92d7b88e').rating).toBe(5);
    expect(checkStoreText(await readFile(ours, 'utf8'))).toMatchObject({ ok: true, fileVersion: 2 });
  });

  it('an empty base is no base: git gives one when both sides added the store', async () => {
    const { base, ours, theirs } = await sides();
    await writeFile(base, '');
    await films(['--db', theirs, 'review', 'add', 'dear', '--author', 'Bob', '--text', 'New.', '--date', '2025-12-02']);
    expect(await films(['db', 'merge', base, ours, theirs])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await store(ours)).films[0].reviews).toHaveLength(11);
  });

  describe('refuses, exit 2 with one line, <ours> byte for byte as it was', () => {
    type Sides = { base: string; ours: string; theirs: string };
    // Named by what each side is and the store's path in the work tree: git's temp files are gone when it is done.
    const cases: [string, (paths: Sides) => Promise<Sides>, RegExp][] = [
      [
        'a damaged base',
        async (p) => (await writeFile(p.base, '{"version": 2, "films": ['), p),
        /^films: the common ancestor's version of films\.json is not a valid films store \(invalid JSON at line 1:26: .*\) — nothing was merged and films\.json holds our version; 'git show :1:films\.json > base\.json', then 'films --db base\.json db check' lists every problem\n$/,
      ],
      [
        'a damaged ours',
        async (p) => (await writeFile(p.ours, '{"version":2,"films":[{"slug":"Bad Slug"}]}\n'), p),
        /^films: our version of films\.json is not a valid films store \(films\[0\]\.slug: .*; \d+ more\) — nothing was merged/,
      ],
      [
        'damaged theirs (conflict markers)',
        async (p) => (await writeFile(p.theirs, '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> x\n'), p),
        /^films: their version of films\.json is not a valid films store \(invalid JSON at line 1:1.* 'git show :3:films\.json > theirs\.json'/,
      ],
      [
        'an empty ours',
        async (p) => (await writeFile(p.ours, ''), p),
        /^films: our version of films\.json is not a valid films store \(the file is empty\)/,
      ],
      [
        'a newer version',
        async (p) => (await writeFile(p.theirs, '{"version":3,"films":[]}'), p),
        /version 3 is newer than this films understands/,
      ],
      [
        'a missing theirs',
        async (p) => ({ ...p, theirs: join(temp.dir, '.merge_file_missing') }),
        /^films: their version of films\.json \(.*\.merge_file_missing\) does not exist — nothing was merged and films\.json holds our version; films db merge takes three store files/,
      ],
      [
        'a folder',
        async (p) => (await mkdir(join(temp.dir, 'folder')), { ...p, theirs: join(temp.dir, 'folder') }),
        /^films: cannot read their version of films\.json: the store .*folder is a folder, not a file — nothing was merged/,
      ],
    ];
    it.each(cases)('%s', async (_, spoil, message) => {
      const paths = await spoil(await sides());
      const args = [paths.base, paths.ours, paths.theirs];
      const before = await readBytes(paths.ours);
      const result = await films(['db', 'merge', ...args, 'films.json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(await readBytes(paths.ours)).toBe(before);
      expect(existsSync(join(temp.dir, 'films.json.conflicts'))).toBe(false);
    });

    it('run by hand, without the store path: the files given are named, and the check hint names the file', async () => {
      const { base, ours, theirs } = await sides();
      await writeFile(theirs, '{"version": 2, "films": [');
      const result = await films(['db', 'merge', base, ours, theirs]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `films: the theirs store ${theirs} is not a valid films store (invalid JSON at line 1:26: close bracket expected) — nothing was merged and ${ours} is as it was; 'films --db ${theirs} db check' lists every problem\n`,
      );
    });
  });
});

describe('films db textconv', () => {
  it('prints the store a line per fact', async () => {
    await copyFile(BUNDLED, temp.store);
    const { code, stdout, stderr } = await films(['db', 'textconv', 'films.json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['films store version 2', 'film dear-comrades', '  title "Dear Comrades!"']);
    expect(lines).toContain('  review 6005a0fb by Adérito: rating null');
    expect(lines).toContain('  review 6005a0fb by Adérito: text "Dear Comrades!"');
    expect(lines.filter((line) => line.startsWith('  review ')).length).toBe(10 * 4);
  });

  it('names the version of a version-1 file', async () => {
    await copyFile(V1_STORE, temp.store);
    expect((await films(['db', 'textconv', temp.store])).stdout).toMatch(/^films store version 1\nfilm come-and-see\n/);
  });

  it('prints a damaged file as its text under a line saying why, exit 0, so git log -p goes on', async () => {
    await writeFile(temp.store, '<<<<<<< ours\n{"version": 2\u001b[31m\n');
    expect(await films(['db', 'textconv', temp.store])).toEqual({
      code: 0,
      stdout:
        'films: not a valid films store (invalid JSON at line 1:1: invalid symbol); its text as it is:\n<<<<<<< ours\n{"version": 2\\x1b[31m\n',
      stderr: '',
    });
  });

  it('prints nothing for an empty file (a side of a diff without the store)', async () => {
    await writeFile(temp.store, '');
    expect(await films(['db', 'textconv', temp.store])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses a missing file with one line, exit 2', async () => {
    expect(await films(['db', 'textconv', 'nowhere.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `films: there is no file ${temp.dir}/nowhere.json — films db textconv takes a store file (git passes one)\n`,
    });
  });
});

describe('a store git merged as text (a clone without the films driver for its path)', () => {
  const MARKED = '{\n  "version": 2,\n<<<<<<< HEAD\n  "films": []\n=======\n  "films": [ ]\n>>>>>>> origin/main\n}\n';
  const gitHint = (path: string) =>
    `films: ${path} holds git's conflict markers: git merged it as text, as this clone had no films merge driver for that path — in its repository run 'films db git-setup', then 'git checkout -m -- ${path}' merges it again through films ('git checkout --ours -- ${path}' keeps our side instead)\n`;

  it('is refused by every command with one line that says so and how to merge it again, not films db restore', async () => {
    await writeFile(temp.store, MARKED);
    expect(await films(['show', 'dear'], { FILMS_DB: temp.store })).toEqual({ code: 1, stdout: '', stderr: gitHint(temp.store) });
    expect(await films(['review', 'add', 'dear', '--text', 'x'], { FILMS_DB: temp.store })).toMatchObject({
      code: 1,
      stderr: gitHint(temp.store),
    });
    expect(await readFile(temp.store, 'utf8')).toBe(MARKED);
  });

  it('films db check lists the problem, then says the same', async () => {
    await writeFile(temp.store, MARKED);
    expect(await films(['db', 'check'], { FILMS_DB: temp.store })).toEqual({
      code: 1,
      stdout: 'invalid JSON at line 3:1: invalid symbol\n',
      stderr: gitHint(temp.store),
    });
  });

  it('a damaged store without the markers keeps the restore hint', async () => {
    await writeFile(temp.store, '{\n  "version": 2,\n<<<<<<< HEAD\n');
    expect((await films(['show', 'dear'], { FILMS_DB: temp.store })).stderr).toMatch(
      /'films db restore' brings back the previous version\n$/,
    );
  });
});
