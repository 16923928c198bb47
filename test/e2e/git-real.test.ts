import { copyFile, readFile } from 'node:fs/promises';
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

async function ok(clone: string, args: string[]): Promise<string> {
  const result = await films(clone, args);
  expect(result, args.join(' ')).toMatchObject({ code: 0 });
  return result.stdout;
}

const store = async (clone: string) => JSON.parse(await readFile(join(clone, 'films.json'), 'utf8'));
const reviewsOf = async (clone: string) =>
  (await store(clone)).films[0].reviews as { id: string; author: string; rating: number | null; text: string }[];

beforeEach(async () => {
  temp = await tempDir();
  const origin = join(temp.dir, 'origin.git');
  [laptop, desktop] = [join(temp.dir, 'laptop'), join(temp.dir, 'desktop')];
  await git(temp.dir, 'init', '-q', '--bare', '-b', 'main', origin);
  await git(temp.dir, 'clone', '-q', origin, laptop);
  await setUser(laptop, 'Ann');
  await copyFile(BUNDLED, join(laptop, 'films.json'));
  expect(await ok(laptop, ['db', 'git-setup'])).toMatch(/^Set up git to merge and diff films\.json in .*laptop through films:\n/);
  await git(laptop, 'add', '.gitattributes', 'films.json');
  await git(laptop, 'commit', '-q', '-m', 'A film diary');
  await git(laptop, 'push', '-q', 'origin', 'main');
  await git(temp.dir, 'clone', '-q', origin, desktop);
  await setUser(desktop, 'Bob');
  await ok(desktop, ['db', 'git-setup']);
}, 60_000);
afterEach(() => temp.cleanup());

describe('a diary in git, on two machines', () => {
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
    expect(await ok(desktop, ['db', 'check'])).toMatch(/is a valid films store: 1 films, 10 reviews\n$/);
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
});
