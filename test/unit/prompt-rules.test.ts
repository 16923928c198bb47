import { describe, expect, it } from 'vitest';
import { askFilm, FILM_QUESTIONS } from '../../src/commands/ask-film.js';
import { askReview } from '../../src/commands/review/ask.js';
import { readRatingAnswer } from '../../src/domain/rules.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ScriptedPrompter } from '../helpers/prompter.js';
import { film } from './fixtures.js';

// The prompts ask the same rules as the flags and the importers (domain/rules.ts), at the question.
const io = bufferedDeps({ tty: true, columns: 80, env: { NO_COLOR: '1' } }).io;
const emptyFilm = { title: '', year: null, countries: [], genres: [], synopsis: '', cast: [] };
const start = { film: film(), review: { author: 'me', createdAt: '2025-01-01T00:00:00.000Z', rating: null, text: '', spoiler: false } };
const allFilm = new Set(FILM_QUESTIONS);

describe('the prompts use the rulebook', () => {
  it('refuses a title over 500 characters when it is typed', async () => {
    await expect(askFilm(emptyFilm, allFilm, { io, prompter: new ScriptedPrompter(['t'.repeat(501)]) })).rejects.toThrow(
      /the title is 501 characters, over the limit of 500/,
    );
  });

  it('refuses a synopsis over 100,000 characters when it is typed', async () => {
    const prompter = new ScriptedPrompter(['Title', 'none', '', '', 's'.repeat(100_001)]);
    await expect(askFilm(emptyFilm, allFilm, { io, prompter })).rejects.toThrow(
      /the synopsis is 100,001 characters, over the limit of 100,000/,
    );
  });

  it('refuses an author over 200 characters, or empty, given at a terminal before asking anything', async () => {
    const { run } = await import('../../src/commands/review/add.js');
    for (const [author, why] of [
      ['a'.repeat(201), /the author is 201 characters, over the limit of 200/],
      ['  ', /the author is empty/],
    ] as const) {
      const prompter = new ScriptedPrompter([]);
      const deps = bufferedDeps({ tty: true, env: { NO_COLOR: '1' }, prompter });
      await expect(run({ store: '/nowhere/films.json', film: 'dear', given: { author }, yes: false, json: false }, deps)).rejects.toThrow(
        why,
      );
      expect(prompter.asked).toEqual([]);
    }
  });

  it('refuses a title or synopsis over its limit, or an empty title, given at a terminal before asking anything', async () => {
    const { run } = await import('../../src/commands/add.js');
    for (const [given, why] of [
      [{ title: 't'.repeat(501) }, /the title is 501 characters, over the limit of 500/],
      [{ synopsis: 's'.repeat(100_001) }, /the synopsis is 100,001 characters, over the limit of 100,000/],
      [{ title: ' ' }, /the title is empty/],
    ] as const) {
      const prompter = new ScriptedPrompter([]);
      const deps = bufferedDeps({ tty: true, env: { NO_COLOR: '1' }, prompter });
      await expect(run({ store: '/nowhere/films.json', given, yes: false, force: false, json: false }, deps)).rejects.toThrow(why);
      expect(prompter.asked).toEqual([]);
    }
  });

  it('refuses a text over 100,000 characters when it is typed', async () => {
    const prompter = new ScriptedPrompter(['8', 'x'.repeat(100_001)]);
    await expect(askReview(start, new Set(['rating', 'text'] as const), { io, prompter, films: [] })).rejects.toThrow(
      /the review text is 100,001 characters, over the limit of 100,000/,
    );
  });

  it('reads a rating typed as the rulebook reads ratings: 1 to 10, or half stars marked with * or ★', () => {
    expect(['1', '10', '07', '4.5*', '4.5 ★', '5 stars', '0.5star', '', ' none '].map((typed) => readRatingAnswer(typed))).toEqual(
      [1, 10, 7, 9, 9, 10, 1, null, null].map((value) => ({ ok: true, value })),
    );
    for (const typed of ['0', '11', '7.5', '-1', '1e1', '0*', '5.5*', '4.25*', 'x*', '**'])
      expect(readRatingAnswer(typed)).toMatchObject({ ok: false });
    expect(readRatingAnswer('11')).toEqual({ ok: false, why: 'type a whole number from 1 to 10, stars such as 3.5*, or none' });
  });
});
