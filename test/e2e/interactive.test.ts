import { execFileSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, BUNDLED, tempDir } from '../helpers/cli.js';
import { scriptFolder } from '../helpers/scripts.js';
import { Terminal } from '../helpers/terminal.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let scripts: Awaited<ReturnType<typeof scriptFolder>>;
let terminal: Terminal;
let env: Record<string, string>;
beforeEach(async () => {
  temp = await tempDir();
  scripts = await scriptFolder();
  await copyFile(BUNDLED, temp.store);
  const editor = await scripts.write(
    'editor.sh',
    `#!/bin/sh\nprintf 'First paragraph from the editor.\\n\\nSecond — Кириллица, 千と千尋, 🎬.\\n' > "$1"\n`,
  );
  terminal = new Terminal(join(temp.dir, 'exit-code'));
  env = { FILMS_DB: temp.store, EDITOR: editor, VISUAL: editor, FILMS_AUTHOR: 'tess', XDG_CONFIG_HOME: join(temp.dir, 'config') };
});
afterEach(async () => {
  terminal.stop();
  await temp.cleanup();
  await scripts.cleanup();
});

const RATING = 'Rating (1 to 10, or stars such as 3.5*; none for no rating)';
const stored = async () => JSON.parse(await readFile(temp.store, 'utf8'));

/**
 * review add at a terminal, from the film picker to the preview: picks Dear Comrades! (its line
 * drawn after `cursor`, the picker's screen passed to `picker`), then as `rateToPreview`.
 */
async function addUpToPreview(
  cursor: string,
  rating: string,
  echo: string,
  picker: (screen: string) => void = () => undefined,
): Promise<string> {
  await terminal.waitFor('Film (type part of its title)');
  terminal.type('comrades');
  // The whole word shown, and its result: an Enter sent with the last letters finds the search still running, which ignores it.
  picker(await terminal.waitFor(new RegExp(`comrades\\n${cursor} Dear Comrades!`)));
  terminal.keys('Enter');
  await terminal.waitFor(RATING);
  return rateToPreview(rating, echo);
}

/** At the rating question: types `rating` and waits for its `echo`, keeps the editor's text, answers no to the spoiler question; returns the preview's screen. */
async function rateToPreview(rating: string, echo: string, save = 'Save this review? (Y/n)'): Promise<string> {
  terminal.type(rating);
  await terminal.waitFor(echo);
  terminal.keys('Enter');
  await terminal.waitFor('launch your');
  terminal.keys('Enter');
  await terminal.waitFor('(spoiler)? (y/N)');
  terminal.type('n');
  terminal.keys('Enter');
  return terminal.waitFor(save);
}

describe('films review add in a real terminal', { timeout: 120_000 }, () => {
  it('asks each question, taking the rating typed, and finds the review in the store', async () => {
    terminal.start(`node ${BIN} review add`, env);
    // The number typed is the rating: 10 is ten, not the tenth line of a list.
    const preview = await addUpToPreview('❯', '10', '10  10/10 ★★★★★');
    expect(preview).toContain('Esc goes back a step; Ctrl+C stops without saving.');
    expect(preview).toContain(`✔ ${RATING} 10/10 ★★★★★`);
    expect(preview).toMatch(/│ tess +│ \d{4}-\d\d-\d\d │ 10\/10 ★★★★★ │ First paragraph from the editor\. +│/);
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toMatch(/Added review [0-9a-f]{8} of Dear Comrades!/);
    expect((await stored()).films[0].reviews[0]).toMatchObject({
      author: 'tess',
      rating: 10,
      text: 'First paragraph from the editor.\n\nSecond — Кириллица, 千と千尋, 🎬.',
      spoiler: false,
    });
  });

  it('with --rating given, asks for the text the flag left out and previews it before saving', async () => {
    terminal.start(`node ${BIN} review add dear-comrades --rating 5`, env);
    await terminal.waitFor('Review text, or leave it empty for a rating alone');
    terminal.keys('Enter');
    await terminal.waitFor('(spoiler)? (y/N)');
    terminal.keys('Enter');
    await terminal.waitFor(/│ tess +│ \d{4}-\d\d-\d\d │ 5\/10 ★★½☆☆ │ First paragraph/);
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect((await stored()).films[0].reviews[0]).toMatchObject({
      author: 'tess',
      rating: 5,
      text: expect.stringMatching(/^First/) as string,
    });
  });

  it('Esc goes back a question, offering the answer given; Esc at the first question exits 130 and writes nothing', async () => {
    const before = await readFile(temp.store, 'utf8');
    terminal.start(`node ${BIN} review add dear`, env);
    await terminal.waitFor(RATING);
    terminal.type('7');
    terminal.keys('Enter');
    await terminal.waitFor('launch your');
    terminal.keys('Escape');
    await terminal.waitFor(`? ${RATING} (7)`);
    terminal.keys('Escape');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain('films: cancelled — nothing was changed');
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('no at the preview exits 1, saying nothing was changed', async () => {
    const before = await readFile(temp.store, 'utf8');
    terminal.start(`node ${BIN} review add dear --rating 8 --text Fine.`, env);
    await terminal.waitFor('(spoiler)? (y/N)');
    terminal.keys('Enter');
    await terminal.waitFor('Save this review? (Y/n)');
    terminal.type('n');
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(1);
    expect(terminal.screen()).toContain('films: not saved — nothing was changed');
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('Ctrl+C at a prompt exits 130 and writes nothing', async () => {
    const before = await readFile(temp.store, 'utf8');
    terminal.start(`node ${BIN} review add dear`, env);
    await terminal.waitFor(RATING);
    terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain('films: cancelled — nothing was changed');
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('under LANG=C every prompt is drawn in ASCII: marks, the picker, its help line and the rating echo', async () => {
    terminal.start(`node ${BIN} review add`, { ...env, LANG: 'C' }, { columns: 80 });
    const preview = await addUpToPreview('>', '7', '7  7/10 ***+.', (picker) => expect(picker).toContain('Up/Down navigate, Enter select'));
    expect(preview).toContain(`v ${RATING} 7/10 ***+.`);
    expect(preview).toContain('Esc goes back a step; Ctrl+C stops without saving.');
    // Everything but the review's own text (the editor's second paragraph) is ASCII.
    const ours = preview.split('\n').filter((line) => !line.includes('Second'));
    expect(ours.join('\n')).toMatch(/^[\x00-\x7f]*$/);
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('at 30 columns the hint, the questions and the preview heading wrap at words, and the picker cuts long titles to a line', async () => {
    const title = 'A title with a very long name that goes on past any width';
    execFileSync(process.execPath, [BIN, 'add', '--title', title, '--year', '1999'], { env: { ...process.env, ...env } });
    terminal.start(`node ${BIN} review add`, env, { columns: 30 });
    await terminal.waitFor('? Film (type part of its');
    terminal.type('very long');
    await terminal.waitFor('❯ A title with a very long na…');
    terminal.keys('Enter');
    await terminal.waitFor('such as 3.5*; none for no');
    await rateToPreview('6', '6  6/10');
    const rows = terminal.rows();
    expect(rows).toEqual(expect.arrayContaining(['Esc goes back a step; Ctrl+C', 'stops without saving.']));
    expect(rows).toEqual(expect.arrayContaining(['Review of A title with a very', 'long name that goes on past', 'any width']));
    expect(rows).toEqual(expect.arrayContaining(['✔ Rating (1 to 10, or stars', 'such as 3.5*; none for no', 'rating) 6/10 ★★★☆☆']));
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('review remove asks before removing', async () => {
    const id = (await stored()).films[0].reviews[0].id;
    terminal.start(`node ${BIN} review remove ${id}`, env);
    await terminal.waitFor("Remove Adérito's review of Dear Comrades! (2025-11-29)? (y/N)");
    terminal.type('y');
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect((await stored()).films[0].reviews).toHaveLength(9);
  });
});

describe('films log in a real terminal', { timeout: 120_000 }, () => {
  it('asks the day, rewatch, liked, tags, rating, text and spoiler, previews, and saves a diary entry', async () => {
    execFileSync(process.execPath, [BIN, 'watchlist', 'add', 'dear'], { env: { ...process.env, ...env } });
    terminal.start(`node ${BIN} log dear`, env);
    // Today is the default, shown as inquirer shows one.
    await terminal.waitFor(/Watched on \(YYYY-MM-DD\) \(\d{4}-\d\d-\d\d\)/);
    terminal.type('2099-01-01');
    terminal.keys('Enter');
    // A day in the future is refused where it is typed, and asked again.
    await terminal.waitFor('in the future');
    terminal.keys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    terminal.type('2025-12-31');
    terminal.keys('Enter');
    await terminal.waitFor('Had you seen it before (a rewatch)? (y/N)');
    terminal.type('n');
    terminal.keys('Enter');
    await terminal.waitFor('Did you like it? (y/N)');
    terminal.type('y');
    terminal.keys('Enter');
    await terminal.waitFor('Tags, separated by commas (optional)');
    terminal.type('cinema, кино');
    terminal.keys('Enter');
    await terminal.waitFor('? Rating');
    const preview = await rateToPreview('4.5*', '4.5*  9/10 ★★★★½', 'Save this entry? (Y/n)');
    expect(preview).toContain('Diary entry of Dear Comrades!');
    expect(preview).toMatch(/│ tess +│ \d{4}-\d\d-\d\d │ 9\/10 ★★★★½ │ 2025-12-31 │ cinema, кино │ First paragraph from the editor\. +│/);
    expect(preview).toMatch(/│ +│ +│ +│ liked +│ +│/);
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toMatch(/Logged Dear Comrades!, watched 2025-12-31, as entry [0-9a-f]{8}; it is off your watchlist now/);
    const film = JSON.parse(await readFile(temp.store, 'utf8')).films[0];
    expect(film.reviews[0]).toMatchObject({
      author: 'tess',
      rating: 9,
      watchedDate: '2025-12-31',
      liked: true,
      tags: ['cinema', 'кино'],
      text: 'First paragraph from the editor.\n\nSecond — Кириллица, 千と千尋, 🎬.',
    });
    expect(film.reviews[0]).not.toHaveProperty('rewatch');
    expect(film.marks).toEqual([{ author: 'tess', watchlistedAt: null, watched: false, liked: true }]);
  });
});
