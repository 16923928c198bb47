import { DeclinedError, UsageError } from '../errors.js';
import type { Deps } from '../io.js';

/**
 * Asks before a change made without --yes: at a terminal, a question that defaults to no (no:
 * DeclinedError, `declined`, exit 1; Esc or Ctrl+C: exit 130); in a script, `refusal` as a usage
 * error that says to pass --yes. The question is built only when it can be asked (building it may
 * read the store).
 */
export async function confirmOrStop(
  deps: Deps,
  refusal: string,
  question: () => string | Promise<string>,
  declined = 'not done',
): Promise<void> {
  if (!deps.io.canPrompt) throw new UsageError(refusal, 'pass --yes');
  const message = await question();
  const prompter = await deps.prompter();
  if (!(await prompter.confirm({ message, default: false }))) throw new DeclinedError(declined);
}
