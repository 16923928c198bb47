import { BackError, DeclinedError } from '../errors.js';
import { lookOf, type IO } from '../io.js';
import { hint } from '../render/hint.js';

/** One question of a flow: returns the draft with its answer. */
export interface Step<T> {
  ask: (draft: T) => Promise<T>;
  /** Whether it is asked, given the answers so far (default: always). */
  when?: (draft: T) => boolean;
}

/** The end of a flow: shows the draft as it will be saved and asks to save it; false stops with `declined`. */
export interface Finish<T> {
  confirm: (draft: T) => Promise<boolean>;
  declined: string;
}

/**
 * The one way films asks for several things: the steps in turn (a command passes only those its
 * flags left out), then, if any was asked, a preview to confirm. Esc goes back to the previous
 * question, whose default is then the answer given; Esc at the first cancels (exit 130). Answering
 * no at the end stops with DeclinedError (exit 1). Returns the draft and whether anything was asked.
 */
export async function askSteps<T>(io: IO, start: T, steps: readonly Step<T>[], finish: Finish<T>): Promise<{ draft: T; asked: boolean }> {
  const confirm: Step<T> = {
    ask: async (draft) => {
      if (!(await finish.confirm(draft))) throw new DeclinedError(finish.declined);
      return draft;
    },
    when: () => asked.length > 0,
  };
  const all = [...steps, confirm];
  const asked: number[] = [];
  let draft = start;
  let hinted = false;
  for (let index = 0; index < all.length;) {
    const step = all[index] as Step<T>;
    if (step.when && !step.when(draft)) {
      index++;
      continue;
    }
    if (!hinted) io.out.write(`${hint('Esc goes back a step; Ctrl+C stops without saving.', lookOf(io))}\n`);
    hinted = true;
    try {
      draft = await step.ask(draft);
      asked.push(index);
      index++;
    } catch (error) {
      const previous = error instanceof BackError ? asked.pop() : undefined;
      if (previous === undefined) throw error;
      index = previous;
    }
  }
  return { draft, asked: asked.length > 0 };
}
