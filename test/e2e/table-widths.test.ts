import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { displayWidth } from '../../src/render/width.js';
import { useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';

// The bundled catalogue, then what a person adds: films of their own, diary entries with tags, a rating.
const temp = useTempStore('bundled');

const run = async (args: string[], columns = 80) => {
  const deps = bufferedDeps({ columns, env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: temp.dir, FILMS_AUTHOR: 'tester' } });
  const code = await main(args, deps);
  expect(code, deps.stderr()).toBe(0);
  return deps.stdout();
};

const diaryStore = async () => {
  await run(['add', '--title', 'Stalker', '--year', '1979', '--genre', 'Drama', '--country', 'Soviet Union', '--yes']);
  await run(['add', '--title', 'Solaris', '--year', '1972', '--genre', 'Drama', '--yes']);
  await run(['log', 'stalker', '--date', '2025-03-01', '--rating', '9', '--tag', 'cinema', '--review', 'Slow and wonderful.']);
  await run(['log', 'solaris', '--date', '2025-03-05', '--rating', '8', '--tag', 'home', '--tag', 'with Ann']);
  await run(['log', 'dear-comrades', '--date', '2025-04-01', '--rating', '7', '--liked']);
  await run(['rate', 'stalker', '10']);
};

/** A bordered table (not stacked), every line exactly `width` columns or less, no word of the head split. */
const expectTable = (output: string, width: number, head: string[]) => {
  const lines = output.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^┌/);
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  for (const name of head) expect(lines[1]).toContain(` ${name} `);
};

describe('a table is stacked only when it cannot fit without breaking its head or its short words', () => {
  it('review list with diary entries is a table once its short words fit whole, and stacked below rather than breaking them', async () => {
    await diaryStore();
    for (const width of [110, 120, 160]) {
      const output = await run(['review', 'list'], width);
      expectTable(output, width, ['ID', 'Film', 'Author', 'Date', 'Rating', 'Watched', 'Tags', 'Review']);
      // Words of up to ten columns (MIN_WORD) are never split across lines inside a table.
      expect(output).toContain(' Comrades! ');
      expect(output).toContain(' Official ');
    }
    for (const width of [50, 80, 100]) expect(await run(['review', 'list'], width)).toMatch(/^ID: +[0-9a-f]{8}\nFilm: +\S/);
  });

  it("show's reviews with a diary entry are a table at 80 columns", async () => {
    await diaryStore();
    const output = await run(['show', 'dear-comrades'], 80);
    const reviews = output.slice(output.indexOf('devout party activist.'));
    expectTable(reviews.slice(reviews.indexOf('┌')), 80, ['ID', 'Author', 'Date', 'Rating', 'Watched', 'Review']);
  });

  it('a long hyphenated genre breaks after a hyphen inside a table at 80 columns', async () => {
    await run([
      'add',
      '--title',
      'Solaris',
      '--year',
      '1972',
      '--genre',
      'Science-Fiction-Fantasy-Horror',
      '--country',
      'Soviet Union',
      '--yes',
    ]);
    const output = await run(['list'], 80);
    expectTable(output, 80, ['Title / slug', 'Year', 'Countries', 'Genres', 'Reviews', 'Rating']);
    expect(output).toMatch(/│ Science-Fiction- +│/);
  });
});
