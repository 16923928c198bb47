import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as add } from '../../src/commands/add.js';
import { run as edit } from '../../src/commands/edit.js';
import { run as remove } from '../../src/commands/remove.js';
import { CancelledError } from '../../src/errors.js';
import { BUNDLED, tempDir } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ScriptedPrompter } from '../helpers/prompter.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
  await writeFile(temp.store, await readFile(BUNDLED));
});
afterEach(() => temp.cleanup());

const terminal = (prompter: ScriptedPrompter) => bufferedDeps({ tty: true, columns: 90, env: { NO_COLOR: '1' }, prompter });
const stored = async () => JSON.parse(await readFile(temp.store, 'utf8'));

describe('films add / edit / remove at a terminal', () => {
  it('add asks for every detail, previews the film and saves it', async () => {
    const prompter = new ScriptedPrompter([
      'Come and See',
      '1985',
      'Soviet Union',
      'Drama, War',
      'A boy joins the partisans.',
      'Aleksei Kravchenko',
      true,
    ]);
    const deps = terminal(prompter);
    await add({ store: temp.store, given: {}, json: false }, deps);
    expect(prompter.asked.map((a) => `${a.kind}:${a.message}`)).toEqual([
      'input:Title',
      'input:Year (or none)',
      'input:Countries (separated by commas)',
      'input:Genres (separated by commas)',
      'input:Synopsis',
      'input:Cast (separated by commas)',
      'confirm:Save this film?',
    ]);
    expect(deps.stdout()).toMatch(/│ Title +│ Come and See +│/);
    expect(deps.stdout()).toMatch(/Added Come and See \(1985\) as come-and-see\n$/);
    expect((await stored()).films[1]).toMatchObject({
      slug: 'come-and-see',
      year: 1985,
      countries: ['Soviet Union'],
      genres: ['Drama', 'War'],
      cast: ['Aleksei Kravchenko'],
    });
  });

  it('add refuses a bad year at the prompt', async () => {
    const prompter = new ScriptedPrompter(['X', '85']);
    await expect(add({ store: temp.store, given: {}, json: false }, terminal(prompter))).rejects.toThrow(
      /the year must be a year from 1870 to 2200/,
    );
  });

  it('edit prefills every prompt; declining writes nothing', async () => {
    const before = await readFile(temp.store, 'utf8');
    const prompter = new ScriptedPrompter(['', '', '', '', '', '', false]);
    await expect(edit({ store: temp.store, film: 'dear', given: {}, json: false }, terminal(prompter))).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(prompter.asked.slice(0, 4).map((a) => a.default)).toEqual(['Dear Comrades!', 'none', 'Russian Federation', 'Drama, History']);
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('remove says how many reviews go with the film', async () => {
    const prompter = new ScriptedPrompter([true]);
    await remove({ store: temp.store, film: 'dear', yes: false }, terminal(prompter));
    expect(prompter.asked[0]).toMatchObject({ message: 'Remove Dear Comrades! and its 10 reviews?', default: false });
    expect((await stored()).films).toEqual([]);
  });
});
