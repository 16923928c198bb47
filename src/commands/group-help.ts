import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { nearestWords, orList } from '../domain/nearest.js';

/** "films review add": how a person types the command. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** A word that names no command of `group`: the nearest ones, or all of them when none is near. */
export function unknownCommand(group: Command, word: string): UsageError {
  const names = group.commands.map((sub) => sub.name());
  // Commands are lower case: SHOW (caps lock) is near show.
  const near = nearestWords(word.toLowerCase(), [...names, ...group.commands.flatMap((sub) => sub.aliases())]).map(
    (name) => group.commands.find((sub) => sub.name() === name || sub.aliases().includes(name))?.name() ?? name,
  );
  const path = commandPath(group);
  const where = group.parent ? ` for '${path}'` : '';
  const hint = near.length
    ? `did you mean ${orList([...new Set(near)].map((name) => `${path} ${name}`))}? ('${path} --help' lists the commands)`
    : `try one of: ${names.join(', ')}`;
  return new UsageError(`unknown command '${word}'${where}`, hint);
}

/** An option that `command` does not take: the nearest of its own and films' global ones. */
export function unknownOption(command: Command, flag: string): UsageError {
  const options = [...command.options, ...(command.parent ? rootOf(command).options : [])];
  const flags = options
    .filter((option) => !option.hidden)
    .flatMap((option) => [option.long, option.short].filter((name) => name !== undefined));
  const near = nearestWords(flag.split('=')[0] as string, [...flags, '--help']);
  const path = commandPath(command);
  const list = `'${path} --help' lists the options`;
  const hint = near.length ? `did you mean ${orList(near)}? (${list})` : list;
  return new UsageError(`unknown option '${flag}'`, hint);
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/**
 * `films` or a command group (`films db`) run alone prints its help; with an unknown word, it says so.
 * Call it after the group's subcommands are added: they would inherit its tolerance of extra words.
 */
export function helpUnlessUnknown(group: Command): Command {
  return group.allowExcessArguments(true).action((_flags: object, command: Command) => {
    const [word] = command.args;
    if (word !== undefined) throw unknownCommand(command, word);
    command.outputHelp();
  });
}
