import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';

const temp = useTempStore('bundled');

const run = async (args: string[]) => {
  const deps = bufferedDeps({ columns: 200, env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: temp.dir, FILMS_AUTHOR: 'tess' } });
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
};

/** The store file as it is on disk: its bytes, and which file it is (a write replaces it by a rename). */
const onDisk = async () => {
  const { ino, mtimeMs } = await stat(temp.store);
  return { ino, mtimeMs, bytes: await readFile(temp.store, 'utf8') };
};

describe('an edit to the same values says nothing changed and leaves the store file alone', () => {
  it('review edit --rating <its rating>', async () => {
    expect((await run(['rate', 'dear', '7'])).code).toBe(0);
    const id = JSON.parse((await run(['review', 'list', 'author:tess', '--json'])).stdout)[0].id as string;
    const before = await onDisk();
    const edit = await run(['review', 'edit', id, '--rating', '7']);
    expect(edit).toMatchObject({ code: 0, stderr: '' });
    expect(edit.stdout).toBe(`Review ${id} of Dear Comrades! already says that; nothing changed\n`);
    expect(await onDisk()).toEqual(before);
    // A real change still writes.
    expect((await run(['review', 'edit', id, '--rating', '8'])).stdout).toBe(`Changed review ${id} of Dear Comrades!\n`);
    expect(await onDisk()).not.toEqual(before);
  });

  it('films edit --year <its year>', async () => {
    expect((await run(['edit', 'dear', '--year', '2020'])).stdout).toBe('Changed dear-comrades: Dear Comrades! (2020)\n');
    const before = await onDisk();
    const edit = await run(['edit', 'dear', '--year', '2020', '--genre', 'Drama', '--genre', 'History']);
    expect(edit).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'dear-comrades already has these details (Dear Comrades! (2020)); nothing changed\n',
    });
    expect(await onDisk()).toEqual(before);
  });

  it('films rate <film> <the same rating> again, unless given a date of its own', async () => {
    expect((await run(['rate', 'dear', '8'])).stdout).toMatch(/^Rated Dear Comrades! 8\/10 ★★★★☆ \(rating [0-9a-f]{8}\)\n$/);
    const before = await onDisk();
    const again = await run(['rate', 'dear', '8']);
    expect(again).toMatchObject({ code: 0, stderr: '', stdout: 'Dear Comrades! is already rated 8/10 ★★★★☆ by you; nothing changed\n' });
    expect(await onDisk()).toEqual(before);
    expect((await run(['rate', 'dear', '8', '--date', '2025-01-02'])).stdout).toMatch(/^Rated /);
    expect(await onDisk()).not.toEqual(before);
  });
});

describe('--spoiler on a review without text', () => {
  it.each([
    [['review', 'add', 'dear', '--rating', '3', '--spoiler']],
    [['log', 'dear', '--rating', '3', '--spoiler']],
    [['review', 'add', 'dear', '--rating', '3', '--text', ' ', '--spoiler']],
  ])('%j is refused in one line, exit 2, the store unchanged', async (argv) => {
    const before = await onDisk();
    expect(await run(argv)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'films: --spoiler marks a review whose text gives away the plot, and this one has no text — leave --spoiler out, or give the text too\n',
    });
    expect(await onDisk()).toEqual(before);
  });

  it('review edit --spoiler of a rating alone is refused; of a review with text, it marks it', async () => {
    await run(['rate', 'dear', '6']);
    const id = JSON.parse((await run(['review', 'list', 'author:tess', '--json'])).stdout)[0].id as string;
    const before = await onDisk();
    expect(await run(['review', 'edit', id, '--spoiler'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^films: --spoiler marks a review/),
    });
    expect(await onDisk()).toEqual(before);
    expect(await run(['review', 'edit', id, '--text', 'The end.', '--spoiler'])).toMatchObject({
      code: 0,
      stdout: `Changed review ${id} of Dear Comrades!\n`,
    });
  });

  it('review edit --text "" of a spoiler review leaves a rating alone, no longer marked a spoiler, as the prompts do', async () => {
    await run(['review', 'add', 'dear', '--rating', '6', '--text', 'The end.', '--spoiler']);
    const id = JSON.parse((await run(['review', 'list', 'author:tess', '--json'])).stdout)[0].id as string;
    expect(await run(['review', 'edit', id, '--text', ''])).toMatchObject({ code: 0 });
    const edited = (
      JSON.parse((await run(['review', 'list', 'author:tess', '--json'])).stdout) as { id: string; text: string; spoiler: boolean }[]
    ).find((review) => review.id === id);
    expect(edited).toMatchObject({ text: '', spoiler: false });
  });
});
