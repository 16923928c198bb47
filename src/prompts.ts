import * as prompts from '@inquirer/prompts';
import { BackError, CancelledError } from './errors.js';

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

/** The @inquirer/prompts implementation; systemDeps loads this module only when a command asks. */
export function inquirerPrompter(streams: PromptStreams): Prompter {
  const context = (signal: AbortSignal) => ({ input: streams.input, output: streams.output, signal });
  return {
    search: (options) =>
      ask(streams.input, (signal) =>
        prompts.search({ message: options.message, source: (term) => options.source(term ?? ''), pageSize: 10 }, context(signal)),
      ),
    input: ({ allowEmpty, transform, ...options }) =>
      ask(streams.input, (signal) =>
        prompts.input(
          {
            ...options,
            required: !allowEmpty,
            ...(transform && { transformer: (typed: string, { isFinal }: { isFinal: boolean }) => transform(typed, isFinal) }),
          },
          context(signal),
        ),
      ),
    editor: (options) => ask(streams.input, (signal) => prompts.editor({ ...options, postfix: '.txt' }, context(signal))),
    confirm: (options) => ask(streams.input, (signal) => prompts.confirm(options, context(signal))),
  };
}
