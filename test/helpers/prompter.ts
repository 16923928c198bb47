import type { Choice, Prompter } from '../../src/prompts.js';

export interface Asked {
  kind: 'search' | 'input' | 'editor' | 'confirm';
  message: string;
  default?: unknown;
  /** For search: the choices offered for the term typed. */
  choices?: string[];
}

/** A value to answer with, an Error to throw, or a function of what was asked. */
type Answer = unknown;

/** A Prompter that answers from a script and records what it was asked. */
export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  constructor(private readonly answers: Answer[]) {}

  private answer<T>(asked: Asked, validate?: (value: string) => true | string): Promise<T> {
    this.asked.push(asked);
    if (this.answers.length === 0) throw new Error(`no scripted answer for "${asked.message}"`);
    const next = this.answers.shift();
    if (next instanceof Error) return Promise.reject(next);
    const value = typeof next === 'function' ? (next as (a: Asked) => unknown)(asked) : next;
    if (validate && typeof value === 'string') {
      const verdict = validate(value);
      if (verdict !== true) return Promise.reject(new Error(`validation refused ${JSON.stringify(value)}: ${verdict}`));
    }
    return Promise.resolve(value as T);
  }

  /** The scripted answer is the term typed; the first match is picked. */
  search<T>(options: { message: string; source: (term: string) => Choice<T>[] }): Promise<T> {
    const term = this.answers[0];
    const choices = typeof term === 'string' ? options.source(term) : [];
    if (typeof term === 'string') this.answers[0] = choices[0]?.value;
    return this.answer({ kind: 'search', message: options.message, choices: choices.map((c) => c.name) });
  }
  /** As at a terminal, an empty answer takes the default. */
  async input(options: {
    message: string;
    default?: string;
    allowEmpty?: boolean;
    validate?: (value: string) => true | string;
  }): Promise<string> {
    const typed = await this.answer<string>({ kind: 'input', message: options.message, default: options.default });
    const value = typed === '' && options.default !== undefined ? options.default : typed;
    const verdict = options.validate ? options.validate(value) : true;
    if (verdict !== true) throw new Error(`validation refused ${JSON.stringify(value)}: ${verdict}`);
    return value;
  }
  editor(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string> {
    return this.answer({ kind: 'editor', message: options.message, default: options.default }, options.validate);
  }
  confirm(options: { message: string; default: boolean }): Promise<boolean> {
    return this.answer({ kind: 'confirm', message: options.message, default: options.default });
  }
}
