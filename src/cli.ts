import { Command, CommanderError } from 'commander';
import { userInfo } from 'node:os';
import { isatty } from 'node:tty';
import { errorLine, exitCodeFor, UsageError } from './errors.js';
import { makeIO, type Deps } from './io.js';
import { VERSION } from './version.js';
import { safeText } from './render/safe-text.js';
import { helpUnlessUnknown } from './commands/group-help.js';
import * as add from './commands/add.js';
import * as dbCheck from './commands/db/check.js';
import * as edit from './commands/edit.js';
import * as remove from './commands/remove.js';
import * as search from './commands/search.js';
import * as stats from './commands/stats.js';
import * as dbPath from './commands/db/path.js';
import * as dbRestore from './commands/db/restore.js';
import * as exportCommand from './commands/export.js';
import * as importCommand from './commands/import.js';
import * as list from './commands/list.js';
import * as rate from './commands/rate.js';
import * as review from './commands/review/index.js';
import * as show from './commands/show.js';


function buildProgram(deps: Deps): Command {
  const program: Command = new Command('films')
    .description('Keep film pages, ratings and reviews in one JSON store.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'the store file (default: $FILMS_DB, else $XDG_DATA_HOME/films/films.json)')
    .option('--no-color', 'print without colour')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => deps.io.out.write(text),
      writeErr: (text) => deps.io.err.write(text),
      outputError: () => undefined,
    })
    .exitOverride()
    .hook('preAction', (root) => {
      if (root.opts<{ color: boolean }>().color === false) deps.io.color.level = 0;
    });
  show.register(program, deps);
  list.register(program, deps);
  for (const command of [add, edit, remove, search, stats]) command.register(program, deps);
  exportCommand.register(program, deps);
  importCommand.register(program, deps);
  review.register(program, deps);
  rate.register(program, deps);
  const db = program.command('db').description('work with the store file itself');
  for (const command of [dbPath, dbCheck, dbRestore]) command.register(db, deps);
  helpUnlessUnknown(db);
  program
    .helpCommand(false)
    .command('help')
    .description('print the help of films or of a command (films help review add)')
    .argument('[command...]', 'the command')
    .action((words: string[]) => {
      let target = program;
      for (const word of words) {
        const next = target.commands.find((command) => command.name() === word || command.aliases().includes(word));
        if (!next) throw new UsageError(`unknown command '${words.join(' ')}'`, "run 'films --help' to see the commands");
        target = next;
      }
      target.outputHelp();
    });
  helpUnlessUnknown(program);
  return program;
}

/** Commander's own refusals become usage errors; help and version are a success. */
function fromCommander(error: CommanderError): UsageError | null {
  if (error.exitCode === 0) return null;
  const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
  return new UsageError(message, "run 'films --help' for usage");
}

/** Runs the CLI with injected IO and returns the exit code. */
export async function main(argv: readonly string[], deps: Deps): Promise<number> {
  try {
    await buildProgram(deps).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (caught) {
    const error = caught instanceof CommanderError ? fromCommander(caught) : caught;
    if (error === null) return 0;
    deps.io.err.write(`${safeText(errorLine(error))}\n`);
    if (deps.env.FILMS_DEBUG === '1' && error instanceof Error) deps.io.err.write(`${error.stack ?? ''}\n`);
    return exitCodeFor(error);
  }
}

/** The OS login name, or the environment's when the system has no entry for this user. */
function loginName(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return process.env.USER || process.env.LOGNAME || process.env.USERNAME || null;
  }
}

/** The real terminal, environment and clock. */
export function systemDeps(): Deps {
  const facts = {
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: isatty(0),
    stdoutColumns: process.stdout.columns,
  };
  const io = makeIO(facts, {
    out: { write: (text) => void process.stdout.write(text) },
    err: { write: (text) => void process.stderr.write(text) },
    stdin: () => process.stdin,
  });
  const prompter = async () => (await import('./prompts.js')).inquirerPrompter({ input: process.stdin, output: process.stdout });
  return { io, env: process.env, cwd: process.cwd(), now: () => new Date(), pid: process.pid, loginName: loginName(), prompter };
}
