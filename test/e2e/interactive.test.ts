import { execFileSync } from 'node:child_process';
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, BUNDLED, tempDir } from '../helpers/cli.js';

/** Drives the real binary in a real pseudo-terminal: a tmux session of its own. */
class Terminal {
  private readonly socket = `films-e2e-${process.pid}-${Math.random().toString(36).slice(2)}`;
  constructor(private readonly exitFile: string) {}

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
  start(command: string, env: Record<string, string>): void {
    const vars = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    this.tmux('new-session', '-d', '-x', '100', '-y', '40', ...vars, `env -u CI ${command}; echo $? > ${this.exitFile}; exec sleep 60`);
  }
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J');
  }
  /** Generous: a loaded machine may take seconds to start node; a screen that never comes fails as surely. */
  async waitFor(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }
  async exitCode(): Promise<number> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const text = await readFile(this.exitFile, 'utf8').catch(() => '');
      if (text.trim()) return Number(text.trim());
      if (Date.now() > deadline) throw new Error(`the command did not end; the screen shows:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

let temp: Awaited<ReturnType<typeof tempDir>>;
let terminal: Terminal;
let env: Record<string, string>;
beforeEach(async () => {
  temp = await tempDir();
  await copyFile(BUNDLED, temp.store);
  const editor = join(temp.dir, 'editor.sh');
  await writeFile(editor, `#!/bin/sh\nprintf 'First paragraph from the editor.\\n\\nSecond — Кириллица, 千と千尋, 🎬.\\n' > "$1"\n`);
  await chmod(editor, 0o755);
  terminal = new Terminal(join(temp.dir, 'exit-code'));
  env = { FILMS_DB: temp.store, EDITOR: editor, VISUAL: editor, FILMS_AUTHOR: 'tess', XDG_CONFIG_HOME: join(temp.dir, 'config') };
});
afterEach(async () => {
  terminal.stop();
  await temp.cleanup();
});

describe('films review add in a real terminal', { timeout: 120_000 }, () => {
  it('answers every prompt and finds the review in the store', async () => {
    terminal.start(`node ${BIN} review add`, env);
    await terminal.waitFor('Film (type part of its title)');
    terminal.type('comrades');
    // The whole word shown, and its result: an Enter sent with the last letters finds the search still running, which ignores it.
    await terminal.waitFor(/comrades\n❯ Dear Comrades!/);
    terminal.keys('Enter');
    await terminal.waitFor('Author (tess)');
    terminal.type('Tess Tmux');
    terminal.keys('Enter');
    await terminal.waitFor('? Rating');
    terminal.keys('Down', 'Down');
    await terminal.waitFor(/❯ 9\/10/);
    terminal.keys('Enter');
    await terminal.waitFor('launch your');
    terminal.keys('Enter');
    await terminal.waitFor('(spoiler)? (y/N)');
    terminal.type('n');
    terminal.keys('Enter');
    const preview = await terminal.waitFor('Save this review? (Y/n)');
    expect(preview).toMatch(/│ Tess Tmux │ \d{4}-\d\d-\d\d │ 9\/10 ★★★★½ │ First paragraph from the editor\. +│/);
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toMatch(/Added review [0-9a-f]{8} of Dear Comrades!/);
    const store = JSON.parse(await readFile(temp.store, 'utf8'));
    expect(store.films[0].reviews[0]).toMatchObject({
      author: 'Tess Tmux',
      rating: 9,
      text: 'First paragraph from the editor.\n\nSecond — Кириллица, 千と千尋, 🎬.',
      spoiler: false,
    });
    expect(store.version).toBe(2);
  });

  it('Ctrl+C at a prompt exits 130 and writes nothing', async () => {
    const before = await readFile(temp.store, 'utf8');
    terminal.start(`node ${BIN} review add dear`, env);
    await terminal.waitFor('Author (tess)');
    terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain('films: cancelled — nothing was changed');
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('review remove asks before removing', async () => {
    const id = JSON.parse(await readFile(temp.store, 'utf8')).films[0].reviews[0].id;
    terminal.start(`node ${BIN} review remove ${id}`, env);
    await terminal.waitFor("Remove Adérito's review of Dear Comrades! (2025-11-29)? (y/N)");
    terminal.type('y');
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect(JSON.parse(await readFile(temp.store, 'utf8')).films[0].reviews).toHaveLength(9);
  });
});
