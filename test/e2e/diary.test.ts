import { lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { localDay } from '../../src/domain/rules.js';
import { CancelledError } from '../../src/errors.js';
import { bufferedDeps } from '../helpers/deps.js';
import { readText, readBytes, useTempStore } from '../helpers/cli.js';
import { ScriptedPrompter } from '../helpers/prompter.js';

const temp = useTempStore('bundled');
const NOW = new Date('2026-03-15T12:00:00.000Z');
const TODAY = localDay(NOW);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** films in-process against the temp store, with a config folder of its own and the login name "tess". */
async function films(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; prompter?: ScriptedPrompter; now?: Date; columns?: number } = {},
): Promise<Run> {
  const deps = bufferedDeps({
    env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: join(temp.dir, 'config'), ...options.env },
    cwd: temp.dir,
    now: options.now ?? NOW,
    columns: options.columns ?? 100,
    loginName: 'tess',
    stdin: options.stdin,
    tty: options.prompter !== undefined,
    prompter: options.prompter,
  });
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}
const ok = async (args: string[], options?: Parameters<typeof films>[1]): Promise<Run> => {
  const result = await films(args, options);
  expect(result, args.join(' ')).toMatchObject({ code: 0 });
  return result;
};
const store = async () => JSON.parse(await readText(temp.store));
const comrades = async () => (await store()).films.find((film: { slug: string }) => film.slug === 'dear-comrades');
const configFile = () => join(temp.dir, 'config', 'films', 'config.json');
/** Wide enough that a message naming the config file is one line, however long the temp folder's path (TMPDIR). */
const WIDE = { columns: 1000 };

/** A refusal: the exit code, one line on stderr, nothing on stdout, and the store byte for byte as it was. */
async function refused(args: string[], code: number, line: RegExp, options?: Parameters<typeof films>[1]): Promise<void> {
  const before = await readBytes(temp.store);
  const result = await films(args, options);
  expect(result.code, args.join(' ')).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(line);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(await readBytes(temp.store)).toBe(before);
}

/** Three more films to log: Cyrillic, Japanese and emoji titles. */
async function addFilms(): Promise<void> {
  await ok(['add', '--title', 'Летят журавли', '--year', '1957', '--genre', 'Drama, War']);
  await ok(['add', '--title', '千と千尋の神隠し', '--year', '2001', '--genre', 'Animation']);
  await ok(['add', '--title', '🎬 Reel Life', '--year', '2023']);
}

describe('films config', () => {
  it('sets, gets, lists and unsets your author, in a private file written atomically', async () => {
    expect(await films(['config', 'get', 'author'], WIDE)).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: author is not set in ${configFile()} — set it with 'films config set author <value>'\n`,
    });
    expect((await ok(['config', 'set', 'author', '  Vera Kholodnaya  '], WIDE)).stdout).toBe(
      `Set author to "Vera Kholodnaya" in ${configFile()}\n`,
    );
    expect(await readText(configFile())).toBe('{\n  "author": "Vera Kholodnaya"\n}\n');
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    expect((await stat(join(temp.dir, 'config', 'films'))).mode & 0o777).toBe(0o700);
    expect((await ok(['config', 'get', 'author'])).stdout).toBe('Vera Kholodnaya\n');
    expect((await ok(['config', 'list'])).stdout).toBe('author=Vera Kholodnaya\n');
    // The config is who you are: a rating without --author is hers.
    await ok(['rate', 'dear', '8']);
    expect((await comrades()).reviews[0]).toMatchObject({ author: 'Vera Kholodnaya', rating: 8 });
    expect((await ok(['config', 'unset', 'author'], WIDE)).stdout).toBe(`Unset author in ${configFile()}\n`);
    expect(await readText(configFile())).toBe('{}\n');
    expect((await ok(['config', 'unset', 'author'], WIDE)).stdout).toBe(`author was not set in ${configFile()}; nothing changed\n`);
    expect(await ok(['config', 'list'])).toMatchObject({ stdout: '', stderr: expect.stringMatching(/^films: nothing is set in /) });
  });

  it('says when FILMS_AUTHOR overrides what was set', async () => {
    const result = await ok(['config', 'set', 'author', 'Vera'], { env: { FILMS_AUTHOR: 'Lyuda' } });
    expect(result.stderr).toBe('films: warning: FILMS_AUTHOR is set ("Lyuda") and comes first: you are "Lyuda" while it is set\n');
    expect((await ok(['config', 'get', 'author'])).stdout).toBe('Vera\n');
  });

  it('refuses a bad value or an unknown key with exit 2, leaving the file as it was', async () => {
    await ok(['config', 'set', 'author', 'Vera']);
    const before = await readBytes(configFile());
    expect(await films(['config', 'set', 'author', ' '])).toMatchObject({ code: 2, stderr: /author: the author is empty/ });
    expect(await films(['config', 'set', 'author', 'x'.repeat(201)])).toMatchObject({ code: 2, stderr: /over the limit of 200/ });
    expect(await films(['config', 'set', 'colour', 'red'])).toMatchObject({
      code: 2,
      stderr: 'films: there is no setting "colour" — the settings are: author, pager\n',
    });
    expect(await films(['config', 'set', 'pager', 'less\n-R'])).toMatchObject({ code: 2, stderr: /pager: it must be one line of text/ });
    expect(await readBytes(configFile())).toBe(before);
  });

  it.each([
    ['not JSON', '{ "author": "Vera", }', 'it is not JSON'],
    ['an unknown key', '{ "author": "Vera", "colour": "red" }', 'unknown setting "colour"; films knows author, pager'],
    ['an empty author', '{ "author": "" }', 'author: the author is empty'],
    ['a list', '["Vera"]', 'it is not a JSON object'],
  ])('a damaged config file (%s) is refused by every command, named in one line, and never rewritten', async (_what, text, why) => {
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    await writeFile(configFile(), text);
    const line = new RegExp(
      `^films: the config file ${configFile()} is not valid \\(${why.replace(/[()[\]]/g, '\\$&')}\\) — fix it by hand`,
    );
    for (const args of [
      ['config', 'set', 'author', 'Lyuda'],
      ['config', 'get', 'author'],
      ['config', 'unset', 'author'],
      ['config', 'list'],
      ['log', 'dear'],
      ['show', 'dear'],
      ['diary'],
      ['watchlist', 'add', 'dear'],
    ]) {
      await refused(args, 1, line);
      expect(await readText(configFile())).toBe(text);
    }
    // FILMS_AUTHOR says who you are without reading the file.
    expect((await ok(['log', 'dear'], { env: { FILMS_AUTHOR: 'Lyuda' } })).stdout).toMatch(/^Logged Dear Comrades!/);
  });

  it('a config file that cannot be read or written is one line, and nothing changes', async () => {
    await writeFile(join(temp.dir, 'not-a-folder'), 'x');
    const unreadable = await films(['config', 'set', 'author', 'Vera'], { env: { XDG_CONFIG_HOME: join(temp.dir, 'not-a-folder') } });
    expect(unreadable).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: cannot read the config file ${join(temp.dir, 'not-a-folder', 'films', 'config.json')} (a file stands where a folder should be, ENOTDIR) — check its permissions, or set FILMS_AUTHOR\n`,
    });
    expect(await readText(join(temp.dir, 'not-a-folder'))).toBe('x');
    // A link to nothing reads as no settings, and is not written through.
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    await symlink(join(temp.dir, 'gone', 'config.json'), configFile());
    expect(await films(['config', 'set', 'author', 'Vera'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: cannot write the config file ${configFile()} (ENOENT) — check the folder and its permissions; it was not changed\n`,
    });
    expect((await lstat(configFile())).isSymbolicLink()).toBe(true);
  });

  it('follows a symbolic link to the config file (dotfiles) and keeps the link', async () => {
    const real = join(temp.dir, 'dotfiles-config.json');
    await writeFile(real, '{"author":"Vera"}');
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    await symlink(real, configFile());
    await ok(['config', 'set', 'author', 'Lyuda']);
    expect((await lstat(configFile())).isSymbolicLink()).toBe(true);
    expect(await readText(real)).toBe('{\n  "author": "Lyuda"\n}\n');
  });
});

describe('films log', () => {
  it('logs a watch of yours from flags: the day, half stars, rewatch, liked, tags, the review; created now', async () => {
    const result = await ok([
      'log',
      'dear',
      '--date',
      '2026-03-01',
      '--stars',
      '4.5',
      '--rewatch',
      '--liked',
      '--tag',
      'cinema, strike',
      '--tag',
      'Strike',
      '--review',
      'Stark.\n\nUnforgettable.',
      '--spoiler',
    ]);
    const [entry] = (await comrades()).reviews;
    expect(result.stdout).toBe(`Logged Dear Comrades!, watched 2026-03-01, as entry ${entry.id}\n`);
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      author: 'tess',
      createdAt: NOW.toISOString(),
      rating: 9,
      text: 'Stark.\n\nUnforgettable.',
      spoiler: true,
      watchedDate: '2026-03-01',
      rewatch: true,
      liked: true,
      tags: ['cinema', 'strike'],
    });
    // A liked entry likes the film.
    expect((await comrades()).marks).toEqual([{ author: 'tess', watchlistedAt: null, watched: false, liked: true }]);
  });

  it('with nothing but the film, in a script: a watch today, no rating, no text; --json prints the entry', async () => {
    const result = await ok(['log', 'dear', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      film: 'dear-comrades',
      author: 'tess',
      watchedDate: TODAY,
      rating: null,
      text: '',
      createdAt: NOW.toISOString(),
    });
  });

  it('reads the review from a file or standard input, and takes it off your watchlist (not anyone else’s)', async () => {
    await ok(['watchlist', 'add', 'dear']);
    await ok(['watchlist', 'add', 'dear', '--author', 'Ann']);
    const result = await ok(['log', 'dear', '--rating', '7', '--review-file', '-'], { stdin: 'From stdin — Кириллица 🎬\r\n' });
    expect(result.stdout).toMatch(/; it is off your watchlist now\n$/);
    const film = await comrades();
    expect(film.reviews[0]).toMatchObject({ rating: 7, text: 'From stdin — Кириллица 🎬' });
    expect(film.marks).toEqual([{ author: 'Ann', watchlistedAt: NOW.toISOString(), watched: false, liked: false }]);
    await writeFile(join(temp.dir, 'review.txt'), 'From a file.');
    await ok(['log', 'dear', '--review-file', 'review.txt', '--author', 'Ann']);
    expect((await comrades()).reviews.find((review: { author: string }) => review.author === 'Ann')).toMatchObject({
      text: 'From a file.',
      rating: null,
    });
    expect((await comrades()).marks).toEqual([]);
  });

  it('refuses a day in the future, bad half stars, an unknown film, a missing film in a script; nothing changes', async () => {
    await refused(['log', 'dear', '--date', '2026-03-17'], 2, /^films: --date "2026-03-17" is in the future — /);
    await refused(['log', 'dear', '--stars', '0.3'], 2, /^films: --stars must be half stars from 0\.5 to 5, not "0\.3" — /);
    await refused(['log', 'dear', '--stars', '6'], 2, /^films: --stars must be half stars from 0\.5 to 5, not "6" — /);
    await refused(['log', 'dear', '--stars', '4', '--rating', '8'], 2, /^films: --rating and --stars cannot be used together/);
    await refused(['log', 'solaris', '--stars', '4'], 1, /^films: no film "solaris" — did you mean /);
    await refused(['log', '--stars', '4'], 2, /^films: which film\? give it as the first argument — for example: films log <film>/);
    await refused(['log', 'dear', '--tag', 't'.repeat(101)], 2, /^films: the tag is 101 characters, over the limit of 100 — shorten it\n$/);
    await refused(['log', 'dear', '--review-file', 'missing.txt'], 1, /^films: no file missing\.txt/);
  });

  it('at a terminal with no flags, asks the day, rewatch, liked and tags, then the rating, text and spoiler; previews and saves', async () => {
    await ok(['log', 'dear', '--date', '2026-01-10']);
    const prompter = new ScriptedPrompter(['2026-03-14', true, true, 'cinema, friends', '8', 'Seen again 🎬', false, true]);
    const result = await ok(['log', 'dear'], { prompter, env: { NO_COLOR: '1' } });
    expect(prompter.asked.map(({ kind, message, default: given }) => [kind, message, given])).toEqual([
      ['input', 'Watched on (YYYY-MM-DD)', TODAY],
      // You have an entry already: a rewatch is the default answer.
      ['confirm', 'Had you seen it before (a rewatch)?', true],
      ['confirm', 'Did you like it?', false],
      ['input', 'Tags, separated by commas (optional)', undefined],
      ['input', 'Rating (1 to 10, or stars such as 3.5*; none for no rating)', undefined],
      ['editor', 'Review text, or leave it empty for a rating alone (opens your editor)', ''],
      ['confirm', 'Does it give away the plot (spoiler)?', false],
      ['confirm', 'Save this entry?', true],
    ]);
    // The preview shows the entry as show's review tables do: its day and tags.
    expect(result.stdout).toMatch(/│ tess +│ 2026-03-15 │ 8\/10 ★★★★☆ │ 2026-03-14 │ cinema, friends │ Seen again 🎬 │/);
    expect(result.stdout).toMatch(/│ +│ +│ +│ rewatch +│/);
    expect((await comrades()).reviews.find((review: { watchedDate?: string }) => review.watchedDate === '2026-03-14')).toMatchObject({
      watchedDate: '2026-03-14',
      rewatch: true,
      liked: true,
      tags: ['cinema', 'friends'],
      rating: 8,
      text: 'Seen again 🎬',
    });
  });

  it('at a terminal without a film, asks which; with flags it asks nothing more, then previews', async () => {
    const prompter = new ScriptedPrompter(['comrades', true]);
    await ok(['log', '--stars', '2.5'], { prompter });
    expect(prompter.asked.map((asked) => [asked.kind, asked.message])).toEqual([
      ['search', 'Film (type part of its title)'],
      ['confirm', 'Save this entry?'],
    ]);
    expect((await comrades()).reviews[0]).toMatchObject({ rating: 5, watchedDate: TODAY });
  });

  it('the day prompt refuses a day in the future (its validation), and Ctrl+C exits 130 writing nothing', async () => {
    const before = await readBytes(temp.store);
    const cancelled = await films(['log', 'dear'], { prompter: new ScriptedPrompter([new CancelledError()]) });
    expect(cancelled).toMatchObject({ code: 130, stderr: 'films: cancelled — nothing was changed\n' });
    expect(await readBytes(temp.store)).toBe(before);
    const future = await films(['log', 'dear'], { prompter: new ScriptedPrompter(['2026-04-01']) });
    expect(future.stderr).toMatch(/validation refused "2026-04-01": the day "2026-04-01" is in the future/);
    expect(await readBytes(temp.store)).toBe(before);
  });
});

describe('films diary', () => {
  it('lists your entries newest watch first, grouped by month, with the id review edit takes; --json for scripts', async () => {
    await addFilms();
    await ok(['log', 'летят', '--date', '2026-02-14', '--stars', '5', '--liked', '--review', 'Ах!']);
    await ok(['log', '千と', '--date', '2025-12-24', '--tag', 'christmas']);
    await ok(['log', 'reel', '--date', '2026-02-01', '--rating', '6', '--rewatch']);
    await ok(['log', 'dear', '--date', '2026-03-01', '--rating', '8', '--author', 'Ann']);
    const shown = (await ok(['diary'])).stdout;
    const lines = shown.split('\n');
    const drawn = lines.filter((l) => /^[┌│├└]/.test(l)).map((line) => stringWidth(line));
    expect(new Set(drawn).size).toBe(1);
    expect(drawn[0]).toBeLessThanOrEqual(100);
    const ids = (await store()).films.flatMap((film: { reviews: { id: string; author: string }[] }) =>
      film.reviews.filter((r) => r.author === 'tess').map((r) => r.id),
    );
    for (const id of ids) expect(shown).toContain(id);
    const rows = lines.filter((line) => /^│ /.test(line)).map((line) => line.split('│').map((cell) => cell.trim()));
    expect(rows.map((cells) => cells.slice(1, -1))).toEqual([
      ['Month', 'Day', 'Film', 'Rating', 'Notes', 'Tags', 'ID'],
      ['Feb 2026', '14', 'Летят журавли (1957)', '10/10 ★★★★★', 'liked, review', '', expect.stringMatching(/^[0-9a-f]{8}$/)],
      ['', '01', '🎬 Reel Life (2023)', '6/10 ★★★☆☆', 'rewatch', '', expect.any(String)],
      ['Dec 2025', '24', '千と千尋の神隠し (2001)', '—', '', 'christmas', expect.any(String)],
    ]);
    expect(shown).toMatch(/3 entries — 'films review edit <id>' changes one/);
    const json = JSON.parse((await ok(['diary', '--json'])).stdout);
    expect(json.map((entry: { film: string }) => entry.film)).toEqual(['letyat-zhuravli', 'reel-life', expect.stringMatching(/^film-/)]);
    expect(json[0]).toEqual({
      id: expect.any(String),
      film: expect.any(String),
      title: 'Летят журавли',
      year: 1957,
      watchedDate: '2026-02-14',
      rating: 10,
      rewatch: false,
      liked: true,
      tags: [],
      text: 'Ах!',
      spoiler: false,
      author: 'tess',
      createdAt: NOW.toISOString(),
    });
  });

  it('filters by --year, --month, --author and the query; says when nothing matches or there is nothing yet', async () => {
    expect((await ok(['diary'])).stdout).toBe("No diary entries yet — log a film with 'films log <film>'.\n");
    await addFilms();
    await ok(['log', 'летят', '--date', '2026-02-14', '--tag', 'cinema']);
    await ok(['log', 'reel', '--date', '2025-02-01']);
    await ok(['log', 'dear', '--date', '2026-03-01', '--author', 'Ann']);
    const films = async (args: string[]) =>
      JSON.parse((await ok(['diary', '--json', ...args])).stdout).map((e: { title: string }) => e.title);
    expect(await films(['--year', '2025'])).toEqual(['🎬 Reel Life']);
    expect(await films(['--month', '2026-02'])).toEqual(['Летят журавли']);
    expect(await films(['--author', 'Ann'])).toEqual(['Dear Comrades!']);
    expect(await films(['tag:cinema'])).toEqual(['Летят журавли']);
    expect(await films(['watched:2025..'])).toEqual(['Летят журавли', '🎬 Reel Life']);
    expect(await films(['-tag:cinema', 'watched:..2025-12-31'])).toEqual(['🎬 Reel Life']);
    expect((await ok(['diary', '--month', '2024-01'])).stdout).toBe('No diary entries match.\n');
    await refused(['diary', '--bogus'], 2, /^films: unknown option '--bogus'/);
    await refused(['diary', 'watched:2026-02-30'], 2, /^films: malformed value "2026-02-30" for watched: "2026-02-30" is not a real date/);
  });

  it('an entry is a review: review edit and review remove change it, keeping its day', async () => {
    await ok(['log', 'dear', '--date', '2026-03-01', '--tag', 'cinema']);
    const [{ id }] = (await comrades()).reviews;
    await ok(['review', 'edit', id, '--stars', '3.5', '--text', 'On reflection.']);
    expect((await comrades()).reviews[0]).toMatchObject({
      id,
      rating: 7,
      text: 'On reflection.',
      watchedDate: '2026-03-01',
      tags: ['cinema'],
    });
    await ok(['review', 'remove', id, '--yes']);
    expect((await ok(['diary'])).stdout).toMatch(/^No diary entries yet/);
  });
});

describe('films watchlist', () => {
  it('adds, lists latest first, says what is already there or not there, removes; per person; --json', async () => {
    await addFilms();
    expect((await ok(['watchlist'])).stdout).toBe("The watchlist is empty — add a film with 'films watchlist add <film>'.\n");
    expect((await ok(['watchlist', 'add', 'летят', '千と'])).stdout).toBe(
      'Added Летят журавли (1957) to your watchlist\nAdded 千と千尋の神隠し (2001) to your watchlist\n',
    );
    const before = await readBytes(temp.store);
    expect((await ok(['watchlist', 'add', 'летят'])).stdout).toBe('Летят журавли (1957) is already on your watchlist; nothing changed\n');
    expect(await readBytes(temp.store)).toBe(before);
    await ok(['watchlist', 'add', 'reel', '--author', 'Ann']);
    const shown = (await ok(['watchlist'])).stdout;
    expect(shown).toContain('Летят журавли (1957)');
    expect(shown).not.toContain('Reel Life');
    expect(shown).toMatch(/2 films — 'films log <film>' logs one/);
    expect(JSON.parse((await ok(['watchlist', '--json'])).stdout)).toEqual([
      { film: 'letyat-zhuravli', title: 'Летят журавли', year: 1957, addedAt: NOW.toISOString() },
      { film: expect.stringMatching(/^film-/), title: '千と千尋の神隠し', year: 2001, addedAt: NOW.toISOString() },
    ]);
    expect(JSON.parse((await ok(['watchlist', '--json', '--author', 'Ann'])).stdout).map((item: { film: string }) => item.film)).toEqual([
      'reel-life',
    ]);
    expect((await ok(['watchlist', 'remove', 'летят', 'reel'])).stdout).toBe(
      'Removed Летят журавли (1957) from your watchlist\n🎬 Reel Life (2023) is not on your watchlist; nothing changed\n',
    );
    expect((await ok(['watchlist', 'rm', 'reel', '--author', 'Ann'])).stdout).toBe("Removed 🎬 Reel Life (2023) from Ann's watchlist\n");
    // Logging takes a film off the watchlist.
    await ok(['log', '千と']);
    expect((await ok(['watchlist', '--json'])).stdout).toBe('[]\n');
  });

  it('refuses an unknown film before changing anything, and an unknown word', async () => {
    await refused(['watchlist', 'add', 'dear', 'solaris'], 1, /^films: no film "solaris"/);
    await refused(['watchlist', 'remove', 'nothing-like-it'], 1, /^films: no film "nothing-like-it"/);
    await refused(
      ['watchlist', 'shuffle'],
      2,
      /^films: unknown command 'shuffle' for 'films watchlist' — try one of: list, add, remove\n$/,
    );
  });
});

describe('films show: you apart from the crowd', () => {
  it('on the bundled catalogue you have nothing yet: one dim line says how to rate or log it', async () => {
    const result = await ok(['show', 'dear-comrades']);
    expect(result.stdout).toContain(
      "└────────────────┴───────────────────────┘\nYou have not rated or logged it: 'films rate dear-comrades <1–10>' or 'films log dear-comrades'.\n",
    );
    const colour = await films(['show', 'dear-comrades'], { env: { FORCE_COLOR: '1' } });
    expect(colour.stdout).toContain(
      "\u001b[2mYou have not rated or logged it: 'films rate dear-comrades <1–10>' or 'films log dear-comrades'.",
    );
    expect(JSON.parse(result.stdout === '' ? '{}' : (await ok(['show', 'dear', '--json'])).stdout)).toMatchObject({
      you: { author: 'tess', rating: null, watches: 0, lastWatched: null, watched: false, onWatchlist: false, liked: false, tags: [] },
      others: { average: null, count: 0 },
    });
  });

  it('shows your rating, watches and last day, watchlist, heart and tags; the crowd without you, each person once', async () => {
    const at = (minute: number) => ({ now: new Date(NOW.getTime() - (60 - minute) * 60_000) });
    await ok(['rate', 'dear', '4', '--author', 'Ann'], at(1));
    await ok(['rate', 'dear', '6', '--author', 'Ann'], at(2));
    await ok(['rate', 'dear', '--stars', '5', '--author', 'Bob'], at(3));
    // The later log is the current rating, whatever the days watched.
    await ok(['log', 'dear', '--date', '2026-02-10', '--rating', '7', '--rewatch', '--tag', 'strike'], at(4));
    await ok(['log', 'dear', '--date', '2026-01-03', '--stars', '4.5', '--tag', 'cinema', '--liked'], at(5));
    const shown = (await ok(['show', 'dear', '--limit', '2'])).stdout;
    expect(shown).toMatch(/│ Rated by +│ 6,367 people +│/);
    expect(shown).toMatch(/│ Others' rating │ 8\/10 ★★★★☆ from 2 people +│/);
    expect(shown).toMatch(/│ Your rating +│ 9\/10 ★★★★½ +│/);
    expect(shown).toMatch(/│ Watched +│ 2 times, last on 2026-02-10 │/);
    expect(shown).toMatch(/│ Liked +│ yes +│/);
    expect(shown).toMatch(/│ Your tags +│ cinema, strike +│/);
    expect(shown).not.toContain('You have not rated');
    expect(shown).toMatch(/^Others' ratings\n10 █+ +1\n/m);
    expect(shown).toMatch(/│ Author +│ Date +│ Rating +│ Watched +│ Tags +│ Review +│/);
    expect(shown).toMatch(/│ tess +│ 2026-03-15 │ 9\/10 ★★★★½ +│ 2026-01-03 │ cinema │/);
    expect(shown).toMatch(/│ tess +│ 2026-03-15 │ 7\/10 ★★★½☆ +│ 2026-02-10 │ strike │/);
    expect(shown).toMatch(/│ +│ +│ +│ rewatch +│/);
    expect(shown).toMatch(/│ +│ +│ +│ liked +│/);
    const json = JSON.parse((await ok(['show', 'dear', '--json'])).stdout);
    // Added after every field the contract had (show.test.ts checks those).
    expect(Object.keys(json).slice(-4)).toEqual(['reviews', 'marks', 'you', 'others']);
    expect(json.rating.count).toBe(4);
    expect(json.you).toEqual({
      author: 'tess',
      rating: 9,
      watches: 2,
      lastWatched: '2026-02-10',
      watched: true,
      onWatchlist: false,
      watchlistedAt: null,
      liked: true,
      tags: ['cinema', 'strike'],
    });
    expect(json.others).toEqual({
      average: 8,
      count: 2,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 1, '7': 0, '8': 0, '9': 0, '10': 1 },
    });
    await ok(['watchlist', 'add', 'dear']);
    expect((await ok(['show', 'dear'])).stdout).toMatch(/│ Watchlist +│ on yours since 2026-03-15 +│/);
  });
});

describe('films stats --year: your year in films', () => {
  it('charts watches per month, first watches against rewatches, your ratings and tags; --json', async () => {
    await addFilms();
    await ok(['log', 'летят', '--date', '2026-01-14', '--stars', '5', '--tag', 'cinema']);
    await ok(['log', 'летят', '--date', '2026-03-01', '--stars', '4', '--rewatch', '--tag', 'cinema, home']);
    await ok(['log', 'reel', '--date', '2026-03-02', '--liked']);
    await ok(['log', 'dear', '--date', '2025-12-31', '--rating', '2']);
    await ok(['log', 'dear', '--date', '2026-03-03', '--rating', '3', '--author', 'Ann']);
    const shown = (await ok(['stats', '--year', '2026'])).stdout;
    expect(shown).toMatch(/^2026 in films — tess\n─+\n/);
    expect(shown).toContain('  watches  3 (2 films)\n  ratings  2 (average 9/10)\n  liked    1\n');
    expect(shown).toMatch(/^ {2}Jan █+ +1$/m);
    expect(shown).toMatch(/^ {2}Feb +0$/m);
    expect(shown).toMatch(/^ {2}Mar █+ +2$/m);
    expect(shown).toMatch(/^ {2}first watches █+ +2$/m);
    expect(shown).toMatch(/^ {2}rewatches +█+ +1$/m);
    expect(shown).toMatch(/^ {2}cinema █+ +2$/m);
    expect(shown).toMatch(/^ {2}10 +█+ +1$/m);
    const json = JSON.parse((await ok(['stats', '--year', '2026', '--json'])).stdout);
    expect(json).toMatchObject({
      year: 2026,
      author: 'tess',
      entries: 3,
      films: 2,
      firstWatches: 2,
      rewatches: 1,
      liked: 1,
      averageRating: 9,
    });
    expect(json.months).toHaveLength(12);
    const ascii = (await ok(['stats', '--year', '2026'], { env: { LANG: 'C' } })).stdout;
    expect(ascii).toMatch(/^ {2}Mar #+ +2$/m);
    expect((await ok(['stats', '--year', '2026', '--author', 'Ann'])).stdout).toMatch(/watches {2}1 \(1 film\)/);
    expect((await ok(['stats', '--year', '2024'])).stdout).toBe(
      "2024 in films — tess\n────────────────────────────────────────────────────────────\nNo diary entries in 2024 — log a film with 'films log <film>'.\n",
    );
  });
});

describe('your fields in queries, and half stars wherever a rating is taken', () => {
  it('films list takes watched:, tag:, rewatch:, liked: and watchlist:', async () => {
    await addFilms();
    await ok(['log', 'летят', '--date', '2024-05-01', '--tag', 'cinema', '--liked']);
    await ok(['log', 'reel', '--date', '2023-05-01', '--rewatch']);
    await ok(['watchlist', 'add', '千と']);
    const slugs = async (terms: string[]) =>
      JSON.parse((await ok(['list', '--json', ...terms])).stdout).map((film: { slug: string }) => film.slug);
    expect(await slugs(['watched:2024..'])).toEqual(['letyat-zhuravli']);
    expect(await slugs(['watched:..2023-12-31'])).toEqual(['reel-life']);
    expect(await slugs(['tag:cinema'])).toEqual(['letyat-zhuravli']);
    expect(await slugs(['rewatch:yes'])).toEqual(['reel-life']);
    expect(await slugs(['liked:yes'])).toEqual(['letyat-zhuravli']);
    expect(await slugs(['watchlist:yes'])).toEqual([expect.stringMatching(/^film-/)]);
    expect(await slugs(['watched:no', 'watchlist:no'])).toEqual(['dear-comrades']);
    await refused(
      ['list', 'watchlist:maybe'],
      2,
      /^films: watchlist takes yes or no, not "maybe" — write watchlist:yes or watchlist:no\n$/,
    );
  });

  it('review list takes them as the review’s own fields, and shows the watched day and tags', async () => {
    await ok(['log', 'dear', '--date', '2024-05-01', '--tag', 'cinema', '--review', 'Seen at the cinema.']);
    const listed = (await ok(['review', 'list', 'tag:cinema'])).stdout;
    expect(listed).toMatch(/│ Watched +│ Tags +│ Review/);
    expect(listed).toMatch(/│ 2024-05-01 │ cinema │ Seen at the cinema\. +│/);
    expect(JSON.parse((await ok(['review', 'list', 'watched:2024', '--json'])).stdout)).toHaveLength(1);
  });

  it('rate, review add and review edit take --stars', async () => {
    await ok(['rate', 'dear', '--stars', '3.5']);
    expect((await comrades()).reviews[0]).toMatchObject({ author: 'tess', rating: 7, text: '' });
    await ok(['review', 'add', 'dear', '--stars', '0.5', '--text', 'Not for me.', '--author', 'Bob'], {
      now: new Date('2026-03-15T13:00:00Z'),
    });
    const [{ id }] = (await comrades()).reviews;
    expect((await comrades()).reviews[0]).toMatchObject({ author: 'Bob', rating: 1 });
    await ok(['review', 'edit', id, '--stars', '5']);
    expect((await comrades()).reviews[0]).toMatchObject({ id, rating: 10 });
    await refused(['rate', 'dear', '--stars', '0.3'], 2, /^films: --stars must be half stars from 0\.5 to 5, not "0\.3"/);
    await refused(['review', 'edit', id, '--stars', '6'], 2, /^films: --stars must be half stars from 0\.5 to 5, not "6"/);
  });
});

describe('hostile text in the diary', () => {
  it('titles, tags and names with escape sequences and bidi overrides are shown escaped, never raw', async () => {
    // Names and tags are one line of plain text; what else they may hold (a soft hyphen, a lone joiner) is shown escaped.
    const hostile = { env: { FILMS_AUTHOR: 'Mal\u00adory\u200c' } };
    await ok(['add', '--title', 'Evil \u001b]0;pwned\u0007\u001b[31mRed', '--year', '2020', '--genre', 'G\u001b[2J']);
    await ok(['log', 'evil', '--tag', 't\u00adag', '--review', 'x\u001b]52;c;Zm9v\u0007', '--liked', '--rating', '8'], hostile);
    await ok(['watchlist', 'add', 'dear'], hostile);
    for (const args of [['diary'], ['watchlist'], ['show', 'evil'], ['stats', '--year', '2026'], ['review', 'list', 'tag:t']]) {
      const { stdout, stderr } = await ok(args, hostile);
      expect(stdout + stderr, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u00ad\u200c]/);
    }
    expect((await ok(['diary'], hostile)).stdout).toContain('t\\xadag');
  });
});

describe('names and tags are one line of plain text (attack 1213 items 9, 10)', () => {
  it('FILMS_AUTHOR, config set, --author and --tag refuse control characters and line breaks in one line; nothing changes', async () => {
    await ok(['config', 'set', 'author', 'Zoë 👨‍👩‍👧']);
    const config = await readFile(configFile(), 'utf8');
    const line =
      /^films: .*the (author|tag) holds a control character or line break \(U\+[0-9A-F]{4}\): it must be one line of plain text — /;
    await refused(['log', 'dear'], 2, line, { env: { FILMS_AUTHOR: 'x\ny' } });
    await refused(['config', 'set', 'author', 'p\u001b[31mq'], 2, line);
    await refused(['review', 'add', 'dear', '--author', 'p\nq', '--text', 'Hi.'], 2, line);
    await refused(['rate', 'dear', '7', '--author', 'a\u202eb'], 2, line);
    await refused(['log', 'dear', '--author', 'a\u2028b'], 2, line);
    await refused(['log', 'dear', '--tag', 'a\nb'], 2, line);
    await refused(['log', 'dear', '--tag', '\u001b[2J'], 2, line);
    expect(await readFile(configFile(), 'utf8')).toBe(config);
    // config get prints the value as stored, for scripts (emoji joiners and all).
    expect((await ok(['config', 'get', 'author'])).stdout).toBe('Zoë 👨‍👩‍👧\n');
  });

  it('a config file that holds such a name is refused by every command that reads it, and left alone', async () => {
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    await writeFile(configFile(), '{"author":"p\\u001b[31mq"}\n');
    await refused(['config', 'get', 'author'], 1, /config\.json.*control character/);
    expect(await readFile(configFile(), 'utf8')).toBe('{"author":"p\\u001b[31mq"}\n');
  });

  it('a relative XDG_CONFIG_HOME is ignored, as the XDG spec says: the config is ~/.config/films/config.json', async () => {
    const home = join(temp.dir, 'home');
    await ok(['config', 'set', 'author', 'Rel'], { env: { XDG_CONFIG_HOME: 'rel', HOME: home } });
    expect(JSON.parse(await readFile(join(home, '.config', 'films', 'config.json'), 'utf8'))).toEqual({ author: 'Rel' });
    await expect(stat(join(temp.dir, 'rel'))).rejects.toThrow(/ENOENT/);
    expect((await ok(['config', 'get', 'author'], { env: { XDG_CONFIG_HOME: 'elsewhere', HOME: home } })).stdout).toBe('Rel\n');
  });
});
