import { describe, expect, it } from 'vitest';
import { askFilm } from '../../src/commands/ask-film.js';
import { askReview } from '../../src/commands/review/ask.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ScriptedPrompter } from '../helpers/prompter.js';
import { film } from './fixtures.js';

// The prompts ask the same rules as the flags and the importers (domain/rules.ts), at the question.
const io = bufferedDeps({ tty: true, columns: 80, env: { NO_COLOR: '1' } }).io;
const emptyFilm = { title: '', year: null, countries: [], genres: [], synopsis: '', cast: [] };
const start = { author: 'me', createdAt: '2025-01-01T00:00:00.000Z', rating: null, text: '', spoiler: false };

describe('the prompts use the rulebook', () => {
  it('refuses a title over 500 characters when it is typed', async () => {
    await expect(askFilm(emptyFilm, { io, prompter: new ScriptedPrompter(['t'.repeat(501)]) })).rejects.toThrow(
      /the title is 501 characters, over the limit of 500/,
    );
  });

  it('refuses a synopsis over 100,000 characters when it is typed', async () => {
    const prompter = new ScriptedPrompter(['Title', 'none', '', '', 's'.repeat(100_001)]);
    await expect(askFilm(emptyFilm, { io, prompter })).rejects.toThrow(/the synopsis is 100,001 characters, over the limit of 100,000/);
  });

  it('refuses an author over 200 characters, and a text over 100,000, when they are typed', async () => {
    const fields = new Set(['author', 'rating', 'text'] as const);
    await expect(askReview(film(), start, fields, { io, prompter: new ScriptedPrompter(['a'.repeat(201)]) })).rejects.toThrow(
      /the author is 201 characters, over the limit of 200/,
    );
    await expect(askReview(film(), start, fields, { io, prompter: new ScriptedPrompter(['Ann', 8, 'x'.repeat(100_001)]) })).rejects.toThrow(
      /the review text is 100,001 characters, over the limit of 100,000/,
    );
  });

  it('offers the ratings of the rulebook, 10 down to 1, with their labels', async () => {
    const prompter = new ScriptedPrompter([7, 'Good.', true]);
    await askReview(film(), start, new Set(['rating', 'text']), { io, prompter });
    expect(prompter.asked[0]?.choices).toEqual([
      'no rating',
      '10/10 ★★★★★',
      '9/10 ★★★★½',
      '8/10 ★★★★☆',
      '7/10 ★★★½☆',
      '6/10 ★★★☆☆',
      '5/10 ★★½☆☆',
      '4/10 ★★☆☆☆',
      '3/10 ★½☆☆☆',
      '2/10 ★☆☆☆☆',
      '1/10 ½☆☆☆☆',
    ]);
  });
});
