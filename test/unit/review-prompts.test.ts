import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { run as add } from '../../src/commands/review/add.js';
import { run as edit } from '../../src/commands/review/edit.js';
import { run as remove } from '../../src/commands/review/remove.js';
import { shownRating } from '../../src/commands/review/ask.js';
import { BackError, CancelledError, DeclinedError, UsageError } from '../../src/errors.js';
import { bufferedDeps } from '../helpers/deps.js';
import { BUNDLED, tempDir } from '../helpers/cli.js';
import { ScriptedPrompter } from '../helpers/prompter.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
  await writeFile(temp.store, await readFile(BUNDLED));
});
afterEach(() => temp.cleanup());

const NOW = new Date('2026-02-03T04:05:06.000Z');
const terminal = (prompter: ScriptedPrompter, env: Record<string, string> = {}) =>
  bufferedDeps({ tty: true, columns: 100, env: { NO_COLOR: '1', ...env }, loginName: 'tess', now: NOW, prompter });
const stored = async () => JSON.parse(await readFile(temp.store, 'utf8'));
const noFlags = { store: '', film: null, given: {}, yes: false, json: false };
const asked = (prompter: ScriptedPrompter) => prompter.asked.map((question) => `${question.kind}:${question.message}`);
const RATING = 'input:Rating (1 to 10, or stars such as 3.5*; none for no rating)';
const TEXT_OR_NONE = 'editor:Review text, or leave it empty for a rating alone (opens your editor)';
const SPOILER = 'confirm:Does it give away the plot (spoiler)?';
const SAVE = 'confirm:Save this review?';

/** Runs the CLI at a terminal with a scripted prompter: its exit code, output and what it asked. */
async function films(argv: string[], answers: unknown[]) {
  const prompter = new ScriptedPrompter(answers);
  const deps = terminal(prompter, { FILMS_DB: temp.store, FILMS_AUTHOR: 'Tess' });
  const code = await main(argv, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr(), asked: asked(prompter) };
}

describe('films review add at a terminal', () => {
  it('asks each question, shows a preview and saves after confirmation; the author is you, not asked', async () => {
    const prompter = new ScriptedPrompter(['comrades', '9', 'First paragraph.\n\nSecond, with Кириллица 🎬.\n', false, true]);
    const deps = terminal(prompter);
    await add({ ...noFlags, store: temp.store }, deps);
    expect(asked(prompter)).toEqual(['search:Film (type part of its title)', RATING, TEXT_OR_NONE, SPOILER, SAVE]);
    expect(prompter.asked[0]?.choices).toEqual(['Dear Comrades!']);
    expect(prompter.asked[1]).toMatchObject({ default: undefined });
    expect(prompter.asked[2]).toMatchObject({ default: '' });
    expect(prompter.asked[3]).toMatchObject({ default: false });
    expect(prompter.asked[4]).toMatchObject({ default: true });
    expect(deps.stdout()).toMatch(/^Esc goes back a step; Ctrl\+C stops without saving\.\n/);
    expect(deps.stdout()).toMatch(/Review of Dear Comrades!\n┌/);
    expect(deps.stdout()).toMatch(/│ tess +│ 2026-02-03 │ 9\/10 ★★★★½ │ First paragraph\. +│/);
    expect(deps.stdout()).toMatch(/Added review [0-9a-f]{8} of Dear Comrades!\n$/);
    expect((await stored()).films[0].reviews[0]).toMatchObject({
      author: 'tess',
      rating: 9,
      text: 'First paragraph.\n\nSecond, with Кириллица 🎬.',
      spoiler: false,
      createdAt: NOW.toISOString(),
    });
  });

  it.each([
    ['8', 8],
    ['10', 10],
    [' 1 ', 1],
    ['4.5*', 9],
    ['3.5★', 7],
    ['0.5 stars', 1],
    ['', null],
    ['none', null],
  ])('the rating typed %j is the rating saved: %j', async (typed, rating) => {
    const prompter = new ScriptedPrompter([typed, 'Text.', false, true]);
    await add({ ...noFlags, store: temp.store, film: 'dear' }, terminal(prompter));
    expect((await stored()).films[0].reviews[0]).toMatchObject({ rating, text: 'Text.' });
  });

  it.each(['0', '11', '3.5', '6*', 'eight', '8/10'])('the rating question refuses %j, saying what it takes', async (typed) => {
    const prompter = new ScriptedPrompter([typed]);
    await expect(add({ ...noFlags, store: temp.store, film: 'dear' }, terminal(prompter))).rejects.toThrow(/validation refused/);
  });

  it('shows the stars of the rating as it is typed, and what was chosen once answered', () => {
    expect(shownRating('8', false)).toBe('8  8/10 ★★★★☆');
    expect(shownRating('4.5*', false)).toBe('4.5*  9/10 ★★★★½');
    expect(shownRating('1', true)).toBe('1/10 ½☆☆☆☆');
    expect(shownRating('', true)).toBe('no rating');
    expect(shownRating('1', false)).toBe('1  1/10 ½☆☆☆☆');
    expect(shownRating('12', false)).toBe('12');
  });

  it('--rating alone: asks for the text the flags left out, then shows the preview before saving', async () => {
    const result = await films(['review', 'add', 'dear-comrades', '--rating', '5'], ['Some words.', true, true]);
    expect(result.asked).toEqual([TEXT_OR_NONE, SPOILER, SAVE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ Tess +│ 2026-02-03 │ 5\/10 ★★½☆☆ │ \[spoiler\] Some words\. +│/);
    expect((await stored()).films[0].reviews[0]).toMatchObject({ author: 'Tess', rating: 5, text: 'Some words.', spoiler: true });
  });

  it('--author and --rating: still asks for the text, and a rating alone is not asked about spoilers', async () => {
    const result = await films(['review', 'add', 'dear', '--author', 'x', '--rating', '5'], ['', true]);
    expect(result.asked).toEqual([TEXT_OR_NONE, SAVE]);
    expect((await stored()).films[0].reviews[0]).toMatchObject({ author: 'x', rating: 5, text: '', spoiler: false });
  });

  it('--spoiler on a rating alone marks nothing: there is no text to hide', async () => {
    const result = await films(['review', 'add', 'dear', '--rating', '5', '--spoiler'], ['', true]);
    expect(result.asked).toEqual([TEXT_OR_NONE, SAVE]);
    expect((await stored()).films[0].reviews[0]).toMatchObject({ rating: 5, text: '', spoiler: false });
  });

  it('--yes saves what the flags say without asking; --no-input too', async () => {
    for (const flag of ['--yes', '--no-input']) {
      const result = await films(['review', 'add', 'dear', '--rating', '7', flag], []);
      expect(result).toMatchObject({ code: 0, asked: [] });
      expect(result.stdout).toMatch(/^Added review [0-9a-f]{8,} of Dear Comrades!\n$/);
    }
    expect((await stored()).films[0].reviews.filter((review: { rating: number }) => review.rating === 7)).toHaveLength(2);
  });

  it('--yes or --no-input with a value missing: a usage error naming the flag, nothing asked or written', async () => {
    const before = await readFile(temp.store, 'utf8');
    for (const flags of [['--yes'], ['--no-input']]) {
      expect(await films(['review', 'add', 'dear', ...flags], [])).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'films: missing --text <text>, --text-file <path> or --rating <n> — for example: films review add <film> --text <text> [--rating N] [--author <name>]\n',
        asked: [],
      });
    }
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('--text-file - uses up standard input: nothing more is asked, and a missing value is the usual usage error', async () => {
    const prompter = new ScriptedPrompter([]);
    const deps = bufferedDeps({ tty: true, env: { NO_COLOR: '1' }, loginName: 'tess', now: NOW, prompter, stdin: 'Typed, then Ctrl+D.\n' });
    await add({ ...noFlags, store: temp.store, film: 'dear', textFile: '-' }, deps);
    expect(prompter.asked).toEqual([]);
    expect((await stored()).films[0].reviews[0]).toMatchObject({ author: 'tess', rating: null, text: 'Typed, then Ctrl+D.' });
    await expect(add({ ...noFlags, store: temp.store, textFile: '-' }, deps)).rejects.toThrow(/which film\? give it as the first argument/);
  });

  it('every value given, --no-spoiler included: nothing to ask, saved at once', async () => {
    const result = await films(['review', 'add', 'dear', '--rating', '7', '--text', 'Fine.', '--no-spoiler'], []);
    expect(result).toMatchObject({ code: 0, asked: [] });
  });

  it('Esc goes back one question, offering the answer given; Esc at the first question cancels', async () => {
    const prompter = new ScriptedPrompter([
      'dear',
      '8',
      new BackError(), // at the text: back to the rating
      (question: { default?: unknown }) => (question.default === '8' ? '9' : 'not offered'),
      new BackError(), // at the text again: back to the rating
      new BackError(), // at the rating: back to the film
      'dear',
      '',
      'Kept.',
      false,
      true,
    ]);
    const deps = terminal(prompter);
    await add({ ...noFlags, store: temp.store }, deps);
    expect(asked(prompter)).toEqual([
      'search:Film (type part of its title)',
      RATING,
      TEXT_OR_NONE,
      RATING,
      TEXT_OR_NONE,
      RATING,
      'search:Film (type part of its title)',
      RATING,
      TEXT_OR_NONE,
      SPOILER,
      SAVE,
    ]);
    expect(prompter.asked[7]).toMatchObject({ default: '9' });
    expect((await stored()).films[0].reviews[0]).toMatchObject({ rating: 9, text: 'Kept.' });
    expect(deps.stdout().match(/Esc goes back a step/g)).toHaveLength(1);

    const before = await readFile(temp.store, 'utf8');
    const first = await films(['review', 'add'], [new BackError()]);
    expect(first).toMatchObject({ code: 130, stderr: 'films: cancelled — nothing was changed\n' });
    const film = await films(['review', 'add', 'dear', '--rating', '5'], [new BackError()]);
    expect(film).toMatchObject({ code: 130, asked: [TEXT_OR_NONE] });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('Esc at the preview goes back to the last question', async () => {
    const result = await films(['review', 'add', 'dear', '--rating', '5'], ['Text.', false, new BackError(), true, true]);
    expect(result.asked).toEqual([TEXT_OR_NONE, SPOILER, SAVE, SPOILER, SAVE]);
    expect((await stored()).films[0].reviews[0]).toMatchObject({ text: 'Text.', spoiler: true });
  });

  it('refuses empty text without a rating in the editor step', async () => {
    const prompter = new ScriptedPrompter(['dear', '', '  \n']);
    await expect(add({ ...noFlags, store: temp.store }, terminal(prompter))).rejects.toThrow(
      /write some text: a review without a rating needs it/,
    );
  });

  it.each([0, 1, 2, 3, 4])('Ctrl+C at step %i writes nothing', async (step) => {
    const answers: unknown[] = ['dear', '9', 'Text.', false, true];
    answers[step] = new CancelledError();
    const before = await readFile(temp.store, 'utf8');
    await expect(add({ ...noFlags, store: temp.store }, terminal(new ScriptedPrompter(answers)))).rejects.toBeInstanceOf(CancelledError);
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('no at the preview: exit 1, "not saved — nothing was changed", nothing written', async () => {
    const before = await readFile(temp.store, 'utf8');
    await expect(
      add({ ...noFlags, store: temp.store }, terminal(new ScriptedPrompter(['dear', '9', 'Text.', false, false]))),
    ).rejects.toBeInstanceOf(DeclinedError);
    const result = await films(['review', 'add', 'dear'], ['9', 'Text.', false, false]);
    expect(result).toMatchObject({ code: 1, stderr: 'films: not saved — nothing was changed\n' });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('never prompts without a terminal: a missing value is a usage error naming the flag', async () => {
    const deps = bufferedDeps({ tty: false });
    await expect(add({ ...noFlags, store: temp.store }, deps)).rejects.toThrow(/which film\? give it as the first argument/);
    await expect(add({ ...noFlags, store: temp.store, film: 'dear' }, deps)).rejects.toThrow(
      /missing --text <text>, --text-file <path> or --rating <n>/,
    );
    await expect(add({ ...noFlags, store: temp.store, film: 'dear', given: { author: 'A' } }, deps)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('films review edit and remove at a terminal', () => {
  it('edit says which review it edits, then asks the questions of add prefilled with its values', async () => {
    const id = (await stored()).films[0].reviews[2].id;
    const prompter = new ScriptedPrompter(['', (question: { default?: unknown }) => `${String(question.default)}\nEdited.`, true, true]);
    const deps = terminal(prompter);
    await edit({ store: temp.store, id, given: {}, json: false }, deps);
    expect(deps.stdout()).toMatch(
      new RegExp(`^Editing review ${id} of Dear Comrades! by Sandra Gyasi, written 2024-09-11\\nEsc goes back`),
    );
    expect(asked(prompter)).toEqual([RATING, 'editor:Review text (opens your editor)', SPOILER, SAVE]);
    expect(prompter.asked[0]).toMatchObject({ default: undefined });
    expect(String(prompter.asked[1]?.default)).toMatch(/^Another film which makes justice/);
    expect(prompter.asked[2]).toMatchObject({ default: false });
    const review = (await stored()).films[0].reviews.find((r: { id: string }) => r.id === id);
    expect(review).toMatchObject({ author: 'Sandra Gyasi', rating: null, spoiler: true, createdAt: '2024-09-11T08:43:00.000Z' });
    expect(review.text.endsWith('\nEdited.')).toBe(true);
  });

  it('edit keeps a rating on an empty answer, and "none" removes it', async () => {
    const id = (await stored()).films[0].reviews[0].id;
    await edit({ store: temp.store, id, given: {}, json: false }, terminal(new ScriptedPrompter(['7', 'Text.', false, true])));
    const kept = new ScriptedPrompter(['', 'Text.', false, true]);
    await edit({ store: temp.store, id, given: {}, json: false }, terminal(kept));
    expect(kept.asked[0]).toMatchObject({ default: '7' });
    expect((await stored()).films[0].reviews[0]).toMatchObject({ id, rating: 7 });
    await edit({ store: temp.store, id, given: {}, json: false }, terminal(new ScriptedPrompter(['none', 'Text.', false, true])));
    expect((await stored()).films[0].reviews[0]).toMatchObject({ id, rating: null });
  });

  it('edit with flags changes what they say at once: every other field keeps its value', async () => {
    const { id, text } = (await stored()).films[0].reviews[0];
    const result = await films(['review', 'edit', id, '--rating', '6'], []);
    expect(result).toMatchObject({ code: 0, asked: [] });
    expect((await stored()).films[0].reviews[0]).toMatchObject({ id, rating: 6, text });
  });

  it('remove asks first, defaulting to no; no is exit 1 and writes nothing', async () => {
    const id = (await stored()).films[0].reviews[0].id;
    const before = await readFile(temp.store, 'utf8');
    const declined = new ScriptedPrompter([false]);
    await expect(remove({ store: temp.store, id, yes: false }, terminal(declined))).rejects.toBeInstanceOf(DeclinedError);
    expect(declined.asked[0]).toMatchObject({ message: "Remove Adérito's review of Dear Comrades! (2025-11-29)?", default: false });
    expect(await films(['review', 'remove', id], [false])).toMatchObject({ code: 1, stderr: 'films: not removed — nothing was changed\n' });
    expect(await films(['review', 'remove', id], [new BackError()])).toMatchObject({ code: 130 });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
    await remove({ store: temp.store, id, yes: false }, terminal(new ScriptedPrompter([true])));
    expect((await stored()).films[0].reviews).toHaveLength(9);
  });
});
