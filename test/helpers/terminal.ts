import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Drives a command in a real pseudo-terminal: a tmux server and session of its own. */
export class Terminal {
  private readonly socket = `films-e2e-${process.pid}-${Math.random().toString(36).slice(2)}`;
  /** `exitFile` receives the command's exit status when it ends. */
  constructor(private readonly exitFile: string) {}

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
  /** Runs `command` (a shell command line) in a terminal `columns` wide, CI unset so that films may ask. */
  start(
    command: string,
    env: Record<string, string>,
    { columns = 100, rows = 40, cwd }: { columns?: number; rows?: number; cwd?: string } = {},
  ): void {
    const vars = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    const where = cwd === undefined ? [] : ['-c', cwd];
    this.tmux(
      'new-session',
      '-d',
      '-x',
      String(columns),
      '-y',
      String(rows),
      ...where,
      ...vars,
      `env -u CI ${command}; echo $? > ${this.exitFile}; exec sleep 60`,
    );
  }
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J');
  }
  /** The screen as it is drawn, line by line, without joining wrapped lines. */
  rows(): string[] {
    return this.tmux('capture-pane', '-p').split('\n');
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
