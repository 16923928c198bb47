import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** The built files that loading dist/cli.js loads, following its static imports (not the import() of each command). */
function loadedAtStart(): Map<string, string> {
  const loaded = new Map<string, string>();
  const visit = (file: string): void => {
    if (loaded.has(file)) return;
    const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
    loaded.set(file, text);
    for (const [, imported] of text.matchAll(/(?:from|import) "\.\/([\w-]+\.js)"/g)) visit(imported as string);
  };
  visit('cli.js');
  return loaded;
}

describe('what every command loads', () => {
  // Each is loaded only by the commands that need it: the prompts at a terminal, the slugs' transliteration to add a film, the completion scripts for films completion.
  it.each([
    ['the prompts (@inquirer)', 'ExitPromptError'],
    ["the slugs' transliteration (@sindresorhus/transliterate)", 'transliterate'],
    ['the completion scripts', 'films completion for bash'],
  ])('is not %s', (_what, marker) => {
    const files = loadedAtStart();
    expect(files.size).toBeGreaterThan(1);
    expect([...files].filter(([, text]) => text.includes(marker)).map(([file]) => file)).toEqual([]);
    // The marker is in the bundle, so its absence above means something.
    expect(readdirSync(join(ROOT, 'dist')).some((file) => readFileSync(join(ROOT, 'dist', file), 'utf8').includes(marker))).toBe(true);
  });
});
