import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/**
 * `films` or a command group (`films db`) run alone prints its help; with an unknown word, it says so.
 * Call it after the group's subcommands are added: they would inherit its tolerance of extra words.
 */
export function helpUnlessUnknown(group: Command): Command {
  return group.allowExcessArguments(true).action((_flags: object, command: Command) => {
    const [word] = command.args;
    if (word !== undefined) {
      const known = command.commands.map((sub) => sub.name()).join(', ');
      const where = command.parent ? ` for 'films ${command.name()}'` : '';
      throw new UsageError(`unknown command '${word}'${where}`, `try one of: ${known}`);
    }
    command.outputHelp();
  });
}
