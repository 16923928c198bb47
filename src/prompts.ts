import * as prompts from '@inquirer/prompts';
import { BackError, CancelledError } from './errors.js';
import type { Look } from './render/glyphs.js';
import { truncate, wrapText } from './render/width.js';

export interface Choice<T> {
  name: string;
  value: T;
}

/**
 * What the interactive commands ask; tests pass a scripted one. Every question rejects with
 * CancelledError on Ctrl+C and with BackError (a CancelledError) on Esc.
 */
export interface Prompter {
  search<T>(options: { message: string; source: (term: string) => Choice<T>[] }): Promise<T>;
  /**
   * One line; an empty answer takes the default, and is refused unless `allowEmpty`. `transform`
   * turns what is typed into what is shown (`final` once it is answered).
   */
  input(options: {
    message: string;
    default?: string;
    allowEmpty?: boolean;
    validate?: (value: string) => true | string;
    transform?: (typed: string, final: boolean) => string;
  }): Promise<string>;
  /** Several paragraphs of text, written in the person's editor ($VISUAL, $EDITOR). */
  editor(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(options: { message: string; default: boolean }): Promise<boolean>;
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

type Key = { name?: string } | undefined;

/**
 * Runs one question: Ctrl+C ends the command (CancelledError, exit 130) and Esc goes back
 * (BackError). Esc aborts the question through inquirer's public `signal`; it is seen as the
 * keypress event that Node's readline, which every question reads through, emits on the input.
 */
async function ask<T>(input: NodeJS.ReadableStream, question: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const escape = new AbortController();
  const onKeypress = (_text: unknown, key: Key): void => {
    if (key?.name === 'escape') escape.abort();
  };
  input.on('keypress', onKeypress);
  try {
    return await question(escape.signal);
  } catch (error) {
    if (escape.signal.aborted) throw new BackError();
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
    throw error;
  } finally {
    input.off('keypress', onKeypress);
  }
}

/** What the search prompt's help line names, in ASCII. */
const PLAIN_KEYS: Record<string, string> = { '↑↓': 'Up/Down', '⏎': 'Enter' };

/**
 * Inquirer's look in the terminal's characters and width (its `theme` option): ASCII marks under a
 * non-UTF-8 locale, and questions wrapped at word boundaries after the two columns of their mark.
 */
function themeFor({ glyphs, color, width }: Look) {
  const key = (name: string): string => (glyphs.unicode ? name : (PLAIN_KEYS[name] ?? name));
  return {
    prefix: { idle: color.blue('?'), done: color.green(glyphs.text('✔')) },
    icon: { cursor: glyphs.unicode ? '❯' : '>' },
    style: {
      message: (text: string) =>
        wrapText(glyphs.text(text), width - 2)
          .map((line) => color.bold(line))
          .join('\n'),
      answer: (text: string) => color.cyan(glyphs.text(text)),
      error: (text: string) => color.red(`> ${glyphs.text(text)}`),
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([name, action]) => `${color.bold(key(name))} ${color.dim(action)}`).join(color.dim(glyphs.unicode ? ' • ' : ', ')),
    },
  };
}

/** The @inquirer/prompts implementation; systemDeps loads this module only when a command asks. */
export function inquirerPrompter(streams: PromptStreams, look: Look): Prompter {
  const context = (signal: AbortSignal) => ({ input: streams.input, output: streams.output, signal });
  const theme = themeFor(look);
  // A choice takes one line after its cursor mark: a long title is cut, not wrapped over several.
  const oneLine = (name: string): string => truncate(name, look.width - 2, look.glyphs.ellipsis);
  return {
    search: (options) =>
      ask(streams.input, (signal) =>
        prompts.search(
          {
            message: options.message,
            source: (term) => options.source(term ?? '').map((choice) => ({ ...choice, name: oneLine(choice.name) })),
            pageSize: 10,
            theme,
          },
          context(signal),
        ),
      ),
    input: ({ allowEmpty, transform, ...options }) =>
      ask(streams.input, (signal) =>
        prompts.input(
          {
            ...options,
            required: !allowEmpty,
            theme,
            ...(transform && {
              transformer: (typed: string, { isFinal }: { isFinal: boolean }) => look.glyphs.text(transform(typed, isFinal)),
            }),
          },
          context(signal),
        ),
      ),
    editor: (options) => ask(streams.input, (signal) => prompts.editor({ ...options, postfix: '.txt', theme }, context(signal))),
    confirm: (options) => ask(streams.input, (signal) => prompts.confirm({ ...options, theme }, context(signal))),
  };
}
