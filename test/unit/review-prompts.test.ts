import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as add } from '../../src/commands/review/add.js';
import { run as edit } from '../../src/commands/review/edit.js';
import { run as remove } from '../../src/commands/review/remove.js';
import { CancelledError, UsageError } from '../../src/errors.js';
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
const noFlags = { store: '', film: null, given: {}, json: false };

describe('films review add at a terminal', () => {
  it('asks every step, with its default, shows a preview and saves after confirmation', async () => {
    const prompter = new ScriptedPrompter(['comrades', 'Tess', 9, 'First paragraph.\n\nSecond, with Кириллица 🎬.\n', false, true]);
    const deps = terminal(prompter);
    await add({ ...noFlags, store: temp.store }, deps);
    expect(prompter.asked.map((a) => a.kind)).toEqual(['search', 'input', 'select', 'editor', 'confirm', 'confirm']);
    expect(prompter.asked[0]?.choices).toEqual(['Dear Comrades!']);
    expect(prompter.asked[1]).toMatchObject({ message: 'Author', default: 'tess' });
    expect(prompter.asked[2]).toMatchObject({ message: 'Rating', default: null });
    expect(prompter.asked[2]?.choices).toEqual([
      'no rating',
      ...Array.from({ length: 10 }, (_, i) => expect.stringMatching(new RegExp(`^${10 - i}/10 `))),
    ]);
    expect(prompter.asked[3]).toMatchObject({ default: '' });
    expect(prompter.asked[4]).toMatchObject({ message: 'Does it give away the plot (spoiler)?', default: false });
    expect(prompter.asked[5]).toMatchObject({ message: 'Save this review?', default: true });
    expect(deps.stdout()).toMatch(/Review of Dear Comrades!\n┌/);
    expect(deps.stdout()).toMatch(/│ Tess +│ 2026-02-03 │ 9\/10 ★★★★½ │ First paragraph\. +│/);
    expect(deps.stdout()).toMatch(/Added review [0-9a-f]{8} of Dear Comrades!\n$/);
    const [review] = (await stored()).films[0].reviews;
    expect(review).toMatchObject({
      author: 'Tess',
      rating: 9,
      text: 'First paragraph.\n\nSecond, with Кириллица 🎬.',
      spoiler: false,
      createdAt: NOW.toISOString(),
    });
    expect((await stored()).version).toBe(2);
  });

  it('offers you as the author: FILMS_AUTHOR before the login name', async () => {
    const prompter = new ScriptedPrompter(['', 6, '', false, true]);
    await add({ ...noFlags, store: temp.store, film: 'dear' }, terminal(prompter, { FILMS_AUTHOR: 'Mara' }));
    expect(prompter.asked[0]).toMatchObject({ kind: 'input', default: 'Mara' });
    expect((await stored()).films[0].reviews[0]).toMatchObject({ author: 'Mara', rating: 6 });
  });

  it('asks only for what the flags left out', async () => {
    const prompter = new ScriptedPrompter([8, 'Short.', true, true]);
    await add({ ...noFlags, store: temp.store, film: 'dear-comrades', given: { author: 'Ann' } }, terminal(prompter));
    expect(prompter.asked.map((a) => a.kind)).toEqual(['select', 'editor', 'confirm', 'confirm']);
    expect((await stored()).films[0].reviews[0]).toMatchObject({ author: 'Ann', rating: 8, text: 'Short.', spoiler: true });
  });

  it('refuses empty text without a rating in the editor step', async () => {
    const prompter = new ScriptedPrompter(['dear', 'Tess', null, '  \n']);
    await expect(add({ ...noFlags, store: temp.store }, terminal(prompter))).rejects.toThrow(
      /write some text: a review without a rating needs it/,
    );
  });

  it.each([0, 1, 2, 3, 4, 5])('Ctrl+C at step %i writes nothing', async (step) => {
    const answers: unknown[] = ['dear', 'Tess', 9, 'Text.', false, true];
    answers[step] = new CancelledError();
    const before = await readFile(temp.store, 'utf8');
    await expect(add({ ...noFlags, store: temp.store }, terminal(new ScriptedPrompter(answers)))).rejects.toBeInstanceOf(CancelledError);
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('declining the preview writes nothing', async () => {
    const before = await readFile(temp.store, 'utf8');
    await expect(
      add({ ...noFlags, store: temp.store }, terminal(new ScriptedPrompter(['dear', 'Tess', 9, 'Text.', false, false]))),
    ).rejects.toBeInstanceOf(CancelledError);
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
  it('edit prefills every prompt with the current values', async () => {
    const id = (await stored()).films[0].reviews[2].id;
    const prompter = new ScriptedPrompter([
      'Sandra G.',
      7,
      (asked: { default?: unknown }) => `${String(asked.default)}\nEdited.`,
      true,
      true,
    ]);
    await edit({ store: temp.store, id, given: {}, json: false }, terminal(prompter));
    expect(prompter.asked[0]).toMatchObject({ kind: 'input', default: 'Sandra Gyasi' });
    expect(prompter.asked[1]).toMatchObject({ kind: 'select', default: null });
    expect(String(prompter.asked[2]?.default)).toMatch(/^Another film which makes justice/);
    expect(prompter.asked[3]).toMatchObject({ kind: 'confirm', default: false });
    const review = (await stored()).films[0].reviews.find((r: { id: string }) => r.id === id);
    expect(review).toMatchObject({ author: 'Sandra G.', rating: 7, spoiler: true, createdAt: '2024-09-11T08:43:00.000Z' });
    expect(review.text.endsWith('\nEdited.')).toBe(true);
  });

  it('remove asks first, defaulting to no', async () => {
    const id = (await stored()).films[0].reviews[0].id;
    const before = await readFile(temp.store, 'utf8');
    const declined = new ScriptedPrompter([false]);
    await expect(remove({ store: temp.store, id, yes: false }, terminal(declined))).rejects.toBeInstanceOf(CancelledError);
    expect(declined.asked[0]).toMatchObject({ message: "Remove Adérito's review of Dear Comrades! (2025-11-29)?", default: false });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
    await remove({ store: temp.store, id, yes: false }, terminal(new ScriptedPrompter([true])));
    expect((await stored()).films[0].reviews).toHaveLength(9);
  });
});
