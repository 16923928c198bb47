import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runFilms, tempDir } from '../helpers/cli.js';
import { scriptFolder } from '../helpers/scripts.js';
import { Terminal } from '../helpers/terminal.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let scripts: Awaited<ReturnType<typeof scriptFolder>>;
beforeEach(async () => {
  temp = await tempDir();
  scripts = await scriptFolder();
});
afterEach(async () => {
  await temp.cleanup();
  await scripts.cleanup();
});

/** A folder holding `films`, a script that runs the built binary, to put on the PATH. */
async function filmsOnPath(): Promise<string> {
  await scripts.write('films', `#!/bin/sh\nexec node ${BIN} "$@"\n`);
  return scripts.dir;
}

/** Whether a shell is installed; a test that needs one that is not says so and checks nothing else. */
function installed(shell: string): boolean {
  const found = spawnSync(shell, ['-c', 'exit 0']).status === 0;
  if (!found) console.warn(`skipped: ${shell} is not installed, so its completion script was not checked`);
  return found;
}

/** How each shell checks a script's syntax without running it. */
const SYNTAX: Record<string, string[]> = { bash: ['-n'], zsh: ['-n'], fish: ['--no-execute'] };

describe('films completion <shell>', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a %s script that the shell reads without error', async (shell) => {
    const result = await runFilms(['completion', shell]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('__complete');
    if (!installed(shell)) return;
    const script = join(temp.dir, `films.${shell}`);
    await writeFile(script, result.stdout);
    const check = spawnSync(shell, [...(SYNTAX[shell] ?? []), script], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses a shell it has no script for, naming the ones it has', async () => {
    expect(await runFilms(['completion', 'tcsh'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "films: unknown shell 'tcsh' — one of: bash, zsh, fish\n",
    });
  });

  it('bash: the script completes what `films __complete` offers, a query field without a space after it', async () => {
    // Sourced in a bash that is not interactive: COMP_* set by hand as bash sets them at a Tab.
    const script = (await runFilms(['completion', 'bash'])).stdout;
    const bin = await filmsOnPath();
    // compopt works only inside a completion: recorded instead.
    const complete = (line: string): string => {
      const result = spawnSync(
        'bash',
        [
          '-c',
          `${script}\ncompopt() { printf 'compopt'; printf ' %s' "$@"; echo; }\nCOMP_LINE="$1"; COMP_POINT=\${#1}; _films_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
          'bash',
          line,
        ],
        { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, FILMS_DB: temp.store } },
      );
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    expect(complete('films show dea')).toBe('dear-comrades\n');
    expect(complete('films rev')).toBe('review\n');
    expect(complete('films review list --sort -ra')).toBe('-rating\n');
    // Likewise after the = of --format=.
    expect(complete('films export --format=n')).toBe('ndjson\n');
    // bash replaces only what follows the ":" of genre:, so the field's own text is left out; no space after a field.
    expect(complete('films list gen')).toBe('compopt -o nospace\ngenre:\n');
    expect(complete('films list -country:')).toBe('compopt -o nospace\n\n');
    expect(complete('films import ')).toBe('compopt -o default\n\n');
  });
});

describe('completion in a real bash', () => {
  let terminal: Terminal;
  beforeEach(() => {
    terminal = new Terminal(join(temp.dir, 'exit-code'));
  });
  afterEach(() => terminal.stop());

  it('source <(films completion bash), then a Tab completes a film slug and a review id', async () => {
    const bin = await filmsOnPath();
    // tmux starts its command with its own PATH: films is put on it by the command line itself.
    terminal.start(`PATH=${bin}:"$PATH" bash --norc --noprofile`, { FILMS_DB: temp.store }, { cwd: temp.dir });
    await terminal.waitFor(/bash-[\d.]+[#$]/);
    terminal.type("PS1='$ '; source <(films completion bash)");
    terminal.keys('Enter');
    await terminal.waitFor(/^\$ $/m);
    terminal.type('films show dea');
    terminal.keys('Tab');
    await terminal.waitFor(/^\$ films show dear-comrades $/m);
    terminal.keys('C-c');
    await terminal.waitFor(/^\$ $/m);
    terminal.type('films review edit 6005');
    terminal.keys('Tab');
    await terminal.waitFor(/^\$ films review edit 6005a0fb $/m);
  });
});
