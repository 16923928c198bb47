import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { run as add } from '../../src/commands/add.js';
import { run as edit } from '../../src/commands/edit.js';
import { run as remove } from '../../src/commands/remove.js';
import { BackError, DeclinedError } from '../../src/errors.js';
import { BUNDLED, tempDir } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ScriptedPrompter } from '../helpers/prompter.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
  await writeFile(temp.store, await readFile(BUNDLED));
});
afterEach(() => temp.cleanup());

const terminal = (prompter: ScriptedPrompter, env: Record<string, string> = {}) =>
  bufferedDeps({ tty: true, columns: 90, env: { NO_COLOR: '1', ...env }, prompter });
const stored = async () => JSON.parse(await readFile(temp.store, 'utf8'));
const asked = (prompter: ScriptedPrompter) => prompter.asked.map((question) => `${question.kind}:${question.message}`);
const noFlags = { given: {}, yes: false, force: false, json: false };

/** Runs the CLI, at a terminal with a scripted prompter or (tty: false) as a script. */
async function films(argv: string[], answers: unknown[], tty = true) {
  const prompter = new ScriptedPrompter(answers);
  const deps = bufferedDeps({ tty, columns: 90, env: { NO_COLOR: '1', FILMS_DB: temp.store }, prompter });
  const code = await main(argv, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr(), asked: asked(prompter) };
}

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
    await add({ store: temp.store, ...noFlags }, deps);
    expect(asked(prompter)).toEqual([
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

  it('add --title at a terminal asks for the rest and previews before saving; --yes saves at once', async () => {
    const result = await films(['add', '--title', 'Come and See', '--genre', 'War'], ['1985', 'Soviet Union', '', '', true]);
    expect(result.asked).toEqual([
      'input:Year (or none)',
      'input:Countries (separated by commas)',
      'input:Synopsis',
      'input:Cast (separated by commas)',
      'confirm:Save this film?',
    ]);
    expect((await stored()).films[1]).toMatchObject({ title: 'Come and See', year: 1985, countries: ['Soviet Union'], genres: ['War'] });
    const quick = await films(['add', '--title', 'Solaris', '--yes'], []);
    expect(quick).toMatchObject({ code: 0, asked: [], stdout: 'Added Solaris as solaris\n' });
  });

  it('add refuses a bad year at the prompt', async () => {
    const prompter = new ScriptedPrompter(['X', '85']);
    await expect(add({ store: temp.store, ...noFlags }, terminal(prompter))).rejects.toThrow(/the year must be a year from 1870 to 2200/);
  });

  it('Esc goes back a question in add, with the answer given as its default', async () => {
    const prompter = new ScriptedPrompter(['Stalker', '1979', new BackError(), '', 'USSR', '', '', '', true]);
    await add({ store: temp.store, ...noFlags }, terminal(prompter));
    expect(prompter.asked[3]).toMatchObject({ message: 'Year (or none)', default: '1979' });
    expect((await stored()).films[1]).toMatchObject({ title: 'Stalker', year: 1979, countries: ['USSR'] });
  });

  it('edit prefills every prompt and previews the film with its reviews; no at the preview writes nothing', async () => {
    const before = await readFile(temp.store, 'utf8');
    const prompter = new ScriptedPrompter(['', '', '', '', '', '', false]);
    const deps = terminal(prompter);
    await expect(edit({ store: temp.store, film: 'dear', given: {}, json: false }, deps)).rejects.toBeInstanceOf(DeclinedError);
    // The preview is the film as it will be: its ten reviews and the outside count stay.
    expect(deps.stdout()).toMatch(/│ Reviews +│ 10 +│/);
    expect(deps.stdout()).toMatch(/│ Rated by +│ 6,367 people +│/);
    expect(prompter.asked.slice(0, 4).map((a) => a.default)).toEqual(['Dear Comrades!', 'none', 'Russian Federation', 'Drama, History']);
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('edit clears a list with "none", says so in the question, and never makes a member called "none"', async () => {
    const prompter = new ScriptedPrompter(['', '', 'none', 'NONE', '', 'Yuliya Vysotskaya', true]);
    await edit({ store: temp.store, film: 'dear', given: {}, json: false }, terminal(prompter));
    expect(prompter.asked[2]).toMatchObject({ message: 'Countries (separated by commas; none to clear)', default: 'Russian Federation' });
    expect((await stored()).films[0]).toMatchObject({ countries: [], genres: [], cast: ['Yuliya Vysotskaya'] });
    const again = new ScriptedPrompter(['', '', '', 'Drama', '', 'none', true]);
    await edit({ store: temp.store, film: 'dear', given: {}, json: false }, terminal(again));
    expect(again.asked[2]).toMatchObject({ message: 'Countries (separated by commas)' });
    expect((await stored()).films[0]).toMatchObject({ countries: [], genres: ['Drama'], cast: [] });
  });

  it('edit --cast none clears the cast in a script too', async () => {
    expect(await films(['edit', 'dear', '--genre', 'none'], [], false)).toMatchObject({ code: 0 });
    expect((await stored()).films[0].genres).toEqual([]);
  });

  it('remove says how many reviews go with the film; no is exit 1', async () => {
    const before = await readFile(temp.store, 'utf8');
    expect(await films(['remove', 'dear'], [false])).toMatchObject({ code: 1, stderr: 'films: not removed — nothing was changed\n' });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
    const prompter = new ScriptedPrompter([true]);
    await remove({ store: temp.store, film: 'dear', yes: false }, terminal(prompter));
    expect(prompter.asked[0]).toMatchObject({ message: 'Remove Dear Comrades! and its 10 reviews?', default: false });
    expect((await stored()).films).toEqual([]);
  });
});

describe('a film that looks like one in the store, as lookup matches titles', () => {
  it('is refused in a script, naming the film and --force; the store is unchanged', async () => {
    const before = await readFile(temp.store, 'utf8');
    for (const title of ['dear comrades', 'Dear Comrades', 'DEAR COMRADES!!', 'Dear  Comrades!']) {
      expect(await films(['add', '--title', title], [], false)).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'films: "Dear Comrades!" is already in the store as dear-comrades — change it with \'films edit dear-comrades\', or pass --force to add another\n',
        asked: [],
      });
    }
    // Its year is unknown: a year given does not tell them apart.
    expect((await films(['add', '--title', 'dear comrades', '--year', '2020'], [], false)).code).toBe(1);
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('is added with --force, under a slug of its own; a film of the same title and another year is no duplicate', async () => {
    expect(await films(['add', '--title', 'dear comrades', '--force'], [], false)).toMatchObject({ code: 0 });
    expect((await stored()).films.map((film: { slug: string }) => film.slug)).toEqual(['dear-comrades', 'dear-comrades-2']);
    // Both can still be edited: a duplicate it already was is no reason to refuse.
    expect(await films(['edit', 'dear-comrades-2', '--synopsis', 'The other one.'], [], false)).toMatchObject({ code: 0 });
    expect(await films(['add', '--title', 'Solaris', '--year', '1972'], [], false)).toMatchObject({ code: 0 });
    expect(await films(['add', '--title', 'Solaris', '--year', '2002'], [], false)).toMatchObject({ code: 0 });
    expect(await films(['edit', 'solaris-2002', '--year', '1972'], [], false)).toMatchObject({
      code: 1,
      stderr: 'films: "Solaris" (1972) is already in the store as solaris — choose another title or year\n',
    });
  });

  it('at a terminal, is asked about once title and year are known: no stops with exit 1, yes adds it', async () => {
    const before = await readFile(temp.store, 'utf8');
    const declined = await films(['add'], ['dear comrades', 'none', false]);
    expect(declined.asked).toEqual([
      'input:Title',
      'input:Year (or none)',
      'confirm:"Dear Comrades!" is already in the store as dear-comrades. Add another film with this title?',
    ]);
    expect(declined).toMatchObject({ code: 1, stderr: 'films: not added — nothing was changed\n' });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
    const added = await films(['add', '--title', 'dear comrades'], ['', true, '', '', '', '', true]);
    expect(added.asked[1]).toBe('confirm:"Dear Comrades!" is already in the store as dear-comrades. Add another film with this title?');
    expect(added).toMatchObject({ code: 0, stdout: expect.stringMatching(/Added dear comrades as dear-comrades-2\n$/) as string });
  });
});
