import type { Env, Output } from './io.js';

/** A pager running as a child process, as cli.ts starts it: only cli.ts touches processes. */
export interface Pager {
  /** Resolves true once the pager runs, false when it could not be started (no such program). */
  started: Promise<boolean>;
  /** Writes to the pager's input; false when its buffer is full (wait for drained()). */
  write(text: string): boolean;
  /** Resolves true when the pager can take more, false once it has gone (q). */
  drained(): Promise<boolean>;
  /** Ends its input; resolves once it has exited (the person quit it). */
  close(): Promise<void>;
  /** Whether Ctrl+C was pressed while it ran: drawing stopped, and the command ends as cancelled. */
  interrupted(): boolean;
  /** Its exit status once it has exited (null before, or when a signal ended it): not 0, it failed. */
  exitCode(): number | null;
}

/** Starts `command` (a shell command line) as the pager, in `env`. */
export type StartPager = (command: string, env: Env) => Pager;

/** A pager setting that means none: empty, "cat" (it would only copy), or false. */
export const noPager = (value: string): boolean => ['', 'cat', 'false'].includes(value.trim());

/**
 * The pager, as git chooses it: $FILMS_PAGER, else the `pager` setting, else $PAGER, else less.
 * An empty value, "cat" or "false" at the first that is set means none.
 */
export function pagerCommand(env: Env, configured: string | undefined): string | null {
  const chosen = env.FILMS_PAGER ?? configured ?? env.PAGER ?? 'less';
  return noPager(chosen) ? null : chosen.trim();
}

/**
 * The pager's environment: less and lv told, as git tells them when the person has not, to quit
 * when the text fits one screen (F), keep our colours (R) and leave the screen as it was (X).
 */
export const pagerEnv = (env: Env): Env => ({ ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' });

/** The output of a command that may page, and its end: the pager's exit is waited for. */
export interface PagedOutput extends Output {
  ready: () => Promise<boolean>;
  end(): Promise<void>;
  interrupted(): boolean;
}

/**
 * What was sent to a pager is kept up to this many characters (some screens): a pager that fails
 * (exits with a status other than 0) before reading that much has shown nothing to trust, and the
 * output is printed directly instead.
 */
const KEPT_FOR_FAILURE = 1 << 20;

/**
 * stdout that becomes a pager once the output is taller than the screen (`rows` lines): until then
 * the lines are held, and output that ends shorter is printed as it is, with no pager at all. Once
 * paging, what follows streams to the pager, waiting while it is behind (a pager shows its first
 * screen and reads on only as the person scrolls), and is dropped once the person has quit it.
 * A pager that cannot be started, or that fails at once, leaves the output to stdout, with `warn`
 * naming the `command` that did not work.
 */
export function pagedOutput(
  direct: Output,
  rows: number,
  command: string,
  start: () => Pager,
  warn: (message: string) => void,
): PagedOutput {
  let held = '';
  let lines = 0;
  let pager: Pager | null = null;
  let state: 'holding' | 'paging' | 'direct' | 'gone' = 'holding';
  let starting: Promise<void> | null = null;
  let sent: string[] | null = [];
  let sentLength = 0;
  const send = (running: Pager, text: string): void => {
    running.write(text);
    if (sent === null) return;
    sentLength += text.length;
    if (sentLength > KEPT_FOR_FAILURE) sent = null;
    else sent.push(text);
  };
  const advice = 'set FILMS_PAGER or PAGER to one that runs';
  /** Once the pager has exited: if it failed, say so, and print what it was sent (when kept) and what follows directly. */
  const fellBack = (running: Pager): boolean => {
    const status = running.exitCode();
    if (status === null || status === 0 || running.interrupted()) return false;
    const lost = sent === null ? '; what it was sent is lost' : '; the output is printed without it';
    warn(`the pager '${command}' exited with status ${String(status)}${lost} — ${advice}`);
    if (sent !== null) direct.write(sent.join(''));
    sent = null;
    state = 'direct';
    return true;
  };
  const begin = (): void => {
    const running = start();
    starting = running.started.then((ok) => {
      const text = held;
      held = '';
      if (ok) {
        pager = running;
        state = 'paging';
        send(running, text);
      } else {
        state = 'direct';
        warn(`the pager '${command}' could not be started; the output is not paged — ${advice}`);
        direct.write(text);
      }
    });
  };
  const settled = async (): Promise<void> => {
    if (starting) await starting;
  };
  return {
    write(text) {
      if (state === 'gone') return;
      if (state === 'paging') {
        if (pager) send(pager, text);
        return;
      }
      if (state === 'direct') {
        direct.write(text);
        return;
      }
      held += text;
      if (starting) return;
      for (let at = text.indexOf('\n'); at >= 0 && lines < rows; at = text.indexOf('\n', at + 1)) lines++;
      if (lines >= rows) begin();
    },
    async ready() {
      await settled();
      if (state === 'gone') return false;
      if (state === 'paging' && pager && !(await pager.drained())) {
        // Gone: quit by the person (status 0), or failed.
        await pager.close();
        if (!fellBack(pager)) state = 'gone';
      }
      if (state === 'direct' || state === 'holding') return direct.ready ? direct.ready() : true;
      return state !== 'gone';
    },
    async end() {
      await settled();
      if (state === 'holding') direct.write(held);
      held = '';
      if (pager && state === 'paging') {
        await pager.close();
        fellBack(pager);
      }
    },
    interrupted: () => pager?.interrupted() ?? false,
  };
}
