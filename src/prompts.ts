import * as prompts from '@inquirer/prompts';
import { CancelledError } from './errors.js';

export interface Choice<T> {
  name: string;
  value: T;
}

/** What the interactive commands ask; tests pass a scripted one. */
export interface Prompter {
  search<T>(options: { message: string; source: (term: string) => Choice<T>[] }): Promise<T>;
  /** One line; an empty answer takes the default, and is refused unless `allowEmpty`. */
  input(options: { message: string; default?: string; allowEmpty?: boolean; validate?: (value: string) => true | string }): Promise<string>;
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  /** Several paragraphs of text, written in the person's editor ($VISUAL, $EDITOR). */
  editor(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(options: { message: string; default: boolean }): Promise<boolean>;
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Ctrl+C in any prompt ends the command with exit 130 and nothing written. */
async function cancellable<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
    throw error;
  }
}

/** The @inquirer/prompts implementation; systemDeps loads this module only when a command asks. */
export function inquirerPrompter(streams: PromptStreams): Prompter {
  const context = { input: streams.input, output: streams.output };
  return {
    search: (options) =>
      cancellable(prompts.search({ message: options.message, source: (term) => options.source(term ?? ''), pageSize: 10 }, context)),
    input: ({ allowEmpty, ...options }) => cancellable(prompts.input({ ...options, required: !allowEmpty }, context)),
    select: (options) => cancellable(prompts.select({ ...options, pageSize: 11 }, context)),
    editor: (options) => cancellable(prompts.editor({ ...options, postfix: '.txt' }, context)),
    confirm: (options) => cancellable(prompts.confirm(options, context)),
  };
}
