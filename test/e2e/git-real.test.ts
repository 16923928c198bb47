import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStoreText } from '../../src/store/validate.js';
import { BUNDLED, runFilms, tempDir } from '../helpers/cli.js';
import { git, GIT_ENV, setUser, testGit } from '../helpers/git.js';

/**
 * Two machines keeping one diary in git: a bare repository and two clones, each set up with
 * `films db git-setup`, merging through the built films as git's merge driver.
 */
let temp: Awaited<ReturnType<typeof tempDir>>;
let laptop: string;
let desktop: string;

/** Runs the built films in a clone, as that clone's person. */
function films(clone: string, args: string[]) {
  const author = clone === laptop ? 'Ann' : 'Bob';
  return runFilms(args, { cwd: clone, env: { ...GIT_ENV, FILMS_DB: join(clone, 'films.json'), FILMS_AUTHOR: author } });
}

/** git pull, merging, as people run it. */
const pull = (clone: string) => testGit(['pull', '--no-rebase', '--no-edit', 'origin', 'main'], clone);

async function ok(clone: string, args: string[]): Promise<string> {
  const result = await films(clone, args);
  expect(result, args.join(' ')).toMatchObject({ code: 0 });
  return result.stdout;
}

const store = async (clone: string) => JSON.parse(await readFile(join(clone, 'films.json'), 'utf8'));
const reviewsOf = async (clone: string) =>
  (await store(clone)).films[0].reviews as { id: string; author: string; rating: number | null; text: string }[];

/** A new bare repository (the remote both machines push to) in a new temp folder. */
async function newOrigin(): Promise<string> {
  temp = await tempDir();
  const origin = join(temp.dir, 'origin.git');
  [laptop, desktop] = [join(temp.dir, 'laptop'), join(temp.dir, 'desktop')];
  await git(temp.dir, 'init', '-q', '--bare', '-b', 'main', origin);
  return origin;
}

async function cloneAs(origin: string, clone: string, name: string): Promise<void> {
  await git(temp.dir, 'clone', '-q', origin, clone);
  await setUser(clone, name);
}

afterEach(() => temp.cleanup());

describe('a diary in git, on two machines', () => {
  beforeEach(async () => {
    const origin = await newOrigin();
    await cloneAs(origin, laptop, 'Ann');
    await copyFile(BUNDLED, join(laptop, 'films.json'));
    expect(await ok(laptop, ['db', 'git-setup'])).toMatch(/^Set up git to merge and diff films\.json in .*laptop through films:\n/);
    await git(laptop, 'add', '.gitattributes', 'films.json');
    await git(laptop, 'commit', '-q', '-m', 'A film diary');
    await git(laptop, 'push', '-q', 'origin', 'main');
    await cloneAs(origin, desktop, 'Bob');
    await ok(desktop, ['db', 'git-setup']);
  }, 60_000);

  it('independent reviews, edits and removals on both sides merge cleanly through films db merge', async () => {
    await ok(laptop, ['review', 'add', 'dear', '--rating', '8', '--text', 'From the laptop.', '--date', '2025-12-01']);
    await ok(laptop, ['review', 'edit', 'e60d1aa8', '--rating', '7']);
    await ok(laptop, ['review', 'remove', '0e6731e0', '--yes']);
    await git(laptop, 'commit', '-q', '-am', 'Ann: a review, a rating, one removed');
    await git(laptop, 'push', '-q', 'origin', 'main');

    await ok(desktop, ['review', 'add', 'dear', '--rating', '6', '--text', 'From the desktop.', '--date', '2025-12-02']);
    await ok(desktop, ['edit', 'dear', '--year', '2020']);
    await ok(desktop, ['review', 'remove', '4a1d8b2a', '--yes']);
    await git(desktop, 'commit', '-q', '-am', 'Bob: a review, the year, one removed');
    const pull = await testGit(['pull', '--no-rebase', '--no-edit', 'origin', 'main'], desktop);
    expect(pull.status, pull.stdout + pull.stderr).toBe(0);
    expect(pull.stdout).toContain('Auto-merging films.json');
    expect(pull.stdout).toContain("Merge made by the 'ort' strategy.");

    const text = await readFile(join(desktop, 'films.json'), 'utf8');
    expect(checkStoreText(text).ok).toBe(true);
    expect((await ok(desktop, ['db', 'check'])).replace(/\s+/g, ' ')).toMatch(/is a valid films store: 1 film, 10 reviews $/);
    const reviews = await reviewsOf(desktop);
    expect(reviews.slice(0, 2).map((r) => `${r.author}: ${r.text}`)).toEqual(['Bob: From the desktop.', 'Ann: From the laptop.']);
    expect(reviews.find((r) => r.id === 'e60d1aa8')?.rating).toBe(7);
    expect(reviews.map((r) => r.id)).not.toContain('0e6731e0');
    expect(reviews.map((r) => r.id)).not.toContain('4a1d8b2a');
    expect((await store(desktop)).films[0].year).toBe(2020);
    // Nothing left over: the .bak of every write is ignored, and a clean merge leaves no conflicts file.
    expect(await git(desktop, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(existsSync(join(desktop, 'films.json.conflicts'))).toBe(false);

    // git log -p and git diff read the store through films db textconv.
    const log = await git(desktop, 'log', '-p', '--format=commit %s', '-3', '--', 'films.json');
    expect(log).toContain('-  review e60d1aa8 by Pranitha Official: rating null\n+  review e60d1aa8 by Pranitha Official: rating 7\n');
    expect(log).toContain('+  review ');
    expect(log).toMatch(/\+ {2}review [0-9a-f]{8} by Ann: text "From the laptop\."\n/);
    expect(log).toContain('-  year null\n+  year 2020\n');
    expect(log).toContain('@@ film dear-comrades');
    expect(log).not.toContain('"reviews": [');
    const diff = await git(desktop, 'diff', 'HEAD~1', 'HEAD');
    expect(diff).toMatch(/\+ {2}review [0-9a-f]{8} by Ann: rating 8\n/);

    // And back: the laptop fast-forwards to the same store.
    await git(desktop, 'push', '-q', 'origin', 'main');
    await git(laptop, 'pull', '-q', '--no-rebase', 'origin', 'main');
    expect(await readFile(join(laptop, 'films.json'), 'utf8')).toBe(text);
  }, 120_000);

  it('a true conflict: git reports it, the store is valid JSON with our value, films db conflicts lists it, and it is settled', async () => {
    await ok(laptop, ['review', 'edit', '6005a0fb', '--rating', '8']);
    await git(laptop, 'commit', '-q', '-am', 'Ann: 8');
    await git(laptop, 'push', '-q', 'origin', 'main');
    await ok(desktop, ['review', 'edit', '6005a0fb', '--rating', '9']);
    await ok(desktop, ['review', 'add', 'dear', '--text', 'Unrelated.', '--date', '2025-12-03']);
    await git(desktop, 'commit', '-q', '-am', 'Bob: 9');

    const pull = await testGit(['pull', '--no-rebase', '--no-edit', 'origin', 'main'], desktop);
    expect(pull.status).not.toBe(0);
    expect(pull.stdout).toContain('CONFLICT (content): Merge conflict in films.json');
    // The driver's own lines reach the person running git pull.
    expect(pull.stdout + pull.stderr).toContain('film dear-comrades review 6005a0fb by Adérito: rating: ours 9, theirs 8');
    expect(await git(desktop, 'status', '--porcelain')).toBe('UU films.json\n');

    const text = await readFile(join(desktop, 'films.json'), 'utf8');
    expect(checkStoreText(text).ok).toBe(true);
    expect(text).not.toContain('<<<<<<<');
    const reviews = await reviewsOf(desktop);
    expect(reviews.find((r) => r.id === '6005a0fb')?.rating).toBe(9);
    expect(reviews.some((r) => r.text === 'Unrelated.')).toBe(true);
    expect(await films(desktop, ['db', 'conflicts'])).toMatchObject({
      code: 0,
      stdout: 'film dear-comrades review 6005a0fb by Adérito: rating: ours 9, theirs 8\n',
    });

    // Settled: their value taken, the list cleared, the merge committed.
    await ok(desktop, ['review', 'edit', '6005a0fb', '--rating', '8']);
    expect(await ok(desktop, ['db', 'conflicts', '--clear'])).toMatch(/^Cleared the conflicts recorded in .*films\.json\.conflicts\n$/);
    await git(desktop, 'add', 'films.json');
    await git(desktop, 'commit', '-q', '--no-edit');
    expect(await git(desktop, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect((await reviewsOf(desktop)).find((r) => r.id === '6005a0fb')?.rating).toBe(8);
    expect(await ok(desktop, ['db', 'conflicts'])).toMatch(/^No conflicts recorded for /);
  }, 120_000);

  it('a criss-cross merge (each machine merged the other and settled a conflict its own way): the next merge still reports it', async () => {
    await ok(laptop, ['review', 'edit', '6005a0fb', '--rating', '9']);
    await git(laptop, 'commit', '-q', '-am', 'Ann: 9');
    await ok(desktop, ['review', 'edit', '6005a0fb', '--rating', '4']);
    await git(desktop, 'commit', '-q', '-am', 'Bob: 4');
    // Both fetch the other's commit at once; each merges it and keeps its own value.
    await git(laptop, 'fetch', '-q', desktop, 'main:desktop');
    await git(desktop, 'fetch', '-q', laptop, 'main:laptop');
    for (const [clone, other] of [
      [laptop, 'desktop'],
      [desktop, 'laptop'],
    ] as const) {
      expect((await testGit(['merge', '--no-edit', other], clone)).status).not.toBe(0);
      await ok(clone, ['db', 'conflicts', '--clear']);
      await git(clone, 'commit', '-q', '-am', `merge ${other}, keeping ours`);
    }
    await ok(laptop, ['review', 'add', 'dear', '--text', 'Unrelated.', '--date', '2025-12-03']);
    await git(laptop, 'commit', '-q', '-am', 'Ann: unrelated');
    await git(desktop, 'push', '-q', 'origin', 'main');

    // Two merge bases: git merges them through merge.films.recursive into their common ancestor.
    const result = await pull(laptop);
    expect(result.status, result.stdout + result.stderr).not.toBe(0);
    expect(result.stdout).toContain('CONFLICT (content): Merge conflict in films.json');
    expect(await films(laptop, ['db', 'conflicts'])).toMatchObject({
      code: 0,
      stdout: 'film dear-comrades review 6005a0fb by Adérito: rating: ours 9, theirs 4\n',
    });
    const reviews = await reviewsOf(laptop);
    expect(reviews.find((r) => r.id === '6005a0fb')?.rating).toBe(9);
    expect(reviews.some((r) => r.text === 'Unrelated.')).toBe(true);
    expect(await git(laptop, 'status', '--porcelain')).toBe('UU films.json\n');
  }, 120_000);

  it("a damaged side is named by what it is and the store's path, with a way to look at it that works once git is done", async () => {
    const text = await readFile(join(laptop, 'films.json'), 'utf8');
    await writeFile(join(laptop, 'films.json'), text.replace('"rating": null', '"rating": 11'));
    await git(laptop, 'commit', '-q', '-am', 'Ann: by hand');
    await git(laptop, 'push', '-q', 'origin', 'main');
    await ok(desktop, ['review', 'edit', '6005a0fb', '--rating', '4']);
    await git(desktop, 'commit', '-q', '-am', 'Bob: 4');
    const ours = await readFile(join(desktop, 'films.json'), 'utf8');

    const result = await pull(desktop);
    expect(result.status).not.toBe(0);
    const refusal = result.stderr.split('\n').find((line) => line.startsWith('films: '));
    // LC_ALL=C (git's messages in English) is no UTF-8 locale: films writes ASCII, its dash a hyphen.
    expect(refusal).toMatch(
      /^films: their version of films\.json is not a valid films store \(films\[0\]\.reviews\[\d+\]\.rating: .*\) - nothing was merged and films\.json holds our version; 'git show :3:films\.json > theirs\.json', then 'films --db theirs\.json db check' lists every problem$/,
    );
    expect(await readFile(join(desktop, 'films.json'), 'utf8')).toBe(ours);
    // The hint, followed after git is done.
    await writeFile(join(desktop, 'theirs.json'), await git(desktop, 'show', ':3:films.json'));
    const check = await films(desktop, ['--db', 'theirs.json', 'db', 'check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^films\[0\]\.reviews\[\d+\]\.rating: /);
  }, 120_000);

  it('a store renamed on one branch, merged as text by the other clone: refused with the way out, which merges it again through films', async () => {
    await git(laptop, 'mv', 'films.json', 'diary.json');
    const diary = (clone: string, args: string[]) => films(clone, ['--db', join(clone, 'diary.json'), ...args]);
    expect((await diary(laptop, ['db', 'git-setup'])).code).toBe(0);
    await ok(laptop, ['--db', 'diary.json', 'rate', 'dear', '7']);
    await git(laptop, 'add', '-A');
    await git(laptop, 'commit', '-q', '-m', 'Ann: the store is diary.json now');
    await git(laptop, 'push', '-q', 'origin', 'main');
    await ok(desktop, ['rate', 'dear', '3']);
    await git(desktop, 'commit', '-q', '-am', 'Bob: 3');

    // The desktop's checkout names films.json only: git merges diary.json as text.
    expect((await pull(desktop)).status).not.toBe(0);
    const store = join(desktop, 'diary.json');
    expect(await readFile(store, 'utf8')).toContain('<<<<<<< ');
    const refused = await diary(desktop, ['db', 'check']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `films: ${store} holds git's conflict markers: git merged it as text, as this clone had no films merge driver for that path - in its repository run 'films db git-setup', then 'git checkout -m -- ${store}' merges it again through films ('git checkout --ours -- ${store}' keeps our side instead)\n`,
    );

    // The way out, as it says.
    expect((await diary(desktop, ['db', 'git-setup'])).code).toBe(0);
    await git(desktop, 'checkout', '-m', '--', store);
    expect(await diary(desktop, ['db', 'check'])).toMatchObject({ code: 0 });
    const ratings = JSON.parse(await readFile(store, 'utf8'))
      .films[0].reviews.filter((r: { text: string }) => r.text === '')
      .map((r: { author: string; rating: number }) => `${r.author} ${r.rating}`);
    expect(ratings.sort()).toEqual(['Ann 7', 'Bob 3']);
    await git(desktop, 'add', 'diary.json');
    await git(desktop, 'commit', '-q', '--no-edit');
    expect(await git(desktop, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  }, 120_000);
});

describe('setting up a clone that already exists', () => {
  it("following git-setup's advice, the next pull merges through films (no untracked .gitattributes in its way)", async () => {
    const origin = await newOrigin();
    await cloneAs(origin, laptop, 'Ann');
    await copyFile(BUNDLED, join(laptop, 'films.json'));
    await git(laptop, 'add', 'films.json');
    await git(laptop, 'commit', '-q', '-m', 'A film diary, before git-setup');
    await git(laptop, 'push', '-q', 'origin', 'main');
    // The desktop cloned the diary before anyone ran git-setup.
    await cloneAs(origin, desktop, 'Bob');

    await ok(laptop, ['db', 'git-setup']);
    await git(laptop, 'add', '.gitattributes');
    await git(laptop, 'commit', '-q', '-m', 'films merges the diary');
    await ok(laptop, ['review', 'add', 'dear', '--text', 'From the laptop.', '--date', '2025-12-01']);
    await git(laptop, 'commit', '-q', '-am', 'Ann: a review');
    await git(laptop, 'push', '-q', 'origin', 'main');
    await ok(desktop, ['review', 'add', 'dear', '--text', 'From the desktop.', '--date', '2025-12-02']);
    await git(desktop, 'commit', '-q', '-am', 'Bob: a review');

    const advice = (await ok(desktop, ['db', 'git-setup'])).trimEnd().split('\n').at(-1);
    expect(advice).toBe(
      "Commit .gitattributes now, before your next git pull (git add .gitattributes && git commit -m 'films merges the diary'), and run 'films db git-setup' in every clone: the config is the clone's own.",
    );
    await git(desktop, 'add', '.gitattributes');
    await git(desktop, 'commit', '-q', '-m', 'films merges the diary');
    const result = await pull(desktop);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Auto-merging films.json');
    expect((await reviewsOf(desktop)).slice(0, 2).map((r) => r.text)).toEqual(['From the desktop.', 'From the laptop.']);
    expect(await git(desktop, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  }, 120_000);
});
