import { execFile } from 'node:child_process';
import { Command, CommanderError, Option } from 'commander';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import { errorLine, exitCodeFor, UsageError } from './errors.js';
import { makeIO, unicodeTerminal, type Deps, type Env, type RunGit } from './io.js';
import { VERSION } from './version.js';
import { safeText } from './render/safe-text.js';
import { storePath } from './store/location.js';
import { parseDate, parseRating } from './domain/rules.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ImportFormat } from './formats/format-names.js';
import { addFilmFlags, parseFilmFlags, type FilmFlags } from './commands/film-flags.js';
import { collect, parseCount } from './commands/flag-values.js';
import { helpUnlessUnknown } from './commands/group-help.js';
import { addReviewFlags, parseReviewFlags, type ReviewFlags } from './commands/review/flags.js';
import type { AddOptions } from './commands/add.js';
import type { ConflictsOptions } from './commands/db/conflicts.js';
import type { GitSetupOptions } from './commands/db/git-setup.js';
import type { MergeOptions } from './commands/db/merge.js';
import type { StoreOptions } from './commands/db/path.js';
import type { TextconvOptions } from './commands/db/textconv.js';
import type { RestoreOptions } from './commands/db/restore.js';
import type { EditOptions } from './commands/edit.js';
import type { ExportCommandOptions } from './commands/export.js';
import type { ImportCommandOptions } from './commands/import.js';
import type { ListCommandOptions } from './commands/list.js';
import type { RateOptions } from './commands/rate.js';
import type { RemoveOptions } from './commands/remove.js';
import type { ReviewAddOptions } from './commands/review/add.js';
import type { ReviewEditOptions } from './commands/review/edit.js';
import type { ReviewListOptions } from './commands/review/list.js';
import type { ReviewRemoveOptions } from './commands/review/remove.js';
import type { SearchOptions } from './commands/search.js';
import type { ShowCommandOptions } from './commands/show.js';
import type { StatsOptions } from './commands/stats.js';

/** Every command by name, with the options its run() takes. */
export interface CommandOptions {
  show: ShowCommandOptions;
  list: ListCommandOptions;
  add: AddOptions;
  edit: EditOptions;
  remove: RemoveOptions;
  search: SearchOptions;
  stats: StatsOptions;
  export: ExportCommandOptions;
  import: ImportCommandOptions;
  'review add': ReviewAddOptions;
  'review list': ReviewListOptions;
  'review edit': ReviewEditOptions;
  'review remove': ReviewRemoveOptions;
  rate: RateOptions;
  'db path': StoreOptions;
  'db check': StoreOptions;
  'db restore': RestoreOptions;
  'db merge': MergeOptions;
  'db conflicts': ConflictsOptions;
  'db textconv': TextconvOptions;
  'db git-setup': GitSetupOptions;
}
export type CommandName = keyof CommandOptions;

/** Runs a command with its parsed options; tests pass one that records them instead (gh's runF). */
export type Runner = <Name extends CommandName>(name: Name, options: CommandOptions[Name]) => Promise<void>;

type CommandModule<Name extends CommandName> = { run(options: CommandOptions[Name], deps: Deps): Promise<void> };

/**
 * The one import() of each command: only the command that runs is loaded (its own imports are
 * static), so `films show` never loads the importers, the prompts or the store's lock. What loads
 * later: the prompts (systemDeps) with the flows that ask (ask-film.ts, review/ask.ts, only at a
 * terminal), and the lock (store/file.ts, only to write).
 */
const COMMANDS: { [Name in CommandName]: () => Promise<CommandModule<Name>> } = {
  show: () => import('./commands/show.js'),
  list: () => import('./commands/list.js'),
  add: () => import('./commands/add.js'),
  edit: () => import('./commands/edit.js'),
  remove: () => import('./commands/remove.js'),
  search: () => import('./commands/search.js'),
  stats: () => import('./commands/stats.js'),
  export: () => import('./commands/export.js'),
  import: () => import('./commands/import.js'),
  'review add': () => import('./commands/review/add.js'),
  'review list': () => import('./commands/review/list.js'),
  'review edit': () => import('./commands/review/edit.js'),
  'review remove': () => import('./commands/review/remove.js'),
  rate: () => import('./commands/rate.js'),
  'db path': () => import('./commands/db/path.js'),
  'db check': () => import('./commands/db/check.js'),
  'db restore': () => import('./commands/db/restore.js'),
  'db merge': () => import('./commands/db/merge.js'),
  'db conflicts': () => import('./commands/db/conflicts.js'),
  'db textconv': () => import('./commands/db/textconv.js'),
  'db git-setup': () => import('./commands/db/git-setup.js'),
};

/** The real runner: loads the command, then runs it with the real dependencies. */
export const runCommand =
  (deps: Deps): Runner =>
  async (name, options) =>
    (await COMMANDS[name]()).run(options, deps);

type Output = 'table' | 'json' | 'ndjson';

function output(flags: { json?: boolean; ndjson?: boolean }): Output {
  if (flags.json && flags.ndjson) throw new UsageError('--json and --ndjson cannot be used together', 'choose one');
  return flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'table';
}

/**
 * The program: every command with its arguments, flags and help, each parsed into its typed
 * options by a pure function, then handed to `run`. The store path is resolved once, before any action.
 */
function buildProgram(deps: Deps, run: Runner): Command {
  let store = '';
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
      // Help goes to io.out: as wide as its terminal, else commander's 80, asking the injected IO, not process.stdout.
      getOutHelpWidth: () => (deps.io.isStdoutTTY ? deps.io.columns : 80),
    })
    .exitOverride()
    .hook('preAction', (root) => {
      const { db, color } = root.opts<{ db?: string; color: boolean }>();
      if (!color) deps.io.color.level = 0;
      store = storePath(db, deps.env, deps.cwd);
    });

  program
    .command('show')
    .description("print a film's details, ratings and reviews")
    .argument('<film>', 'slug, title or the start of either')
    .option('--limit <n>', 'show at most N reviews', parseCount, 10)
    .option('--all', 'show every review')
    .option('--full', 'show whole review texts')
    .option('--spoilers', 'show the texts of reviews marked as spoilers')
    .option('--json', 'print the film as JSON')
    .action((film: string, flags: { limit: number; all?: boolean; full?: boolean; spoilers?: boolean; json?: boolean }) =>
      run('show', {
        store,
        film,
        json: Boolean(flags.json),
        full: Boolean(flags.full),
        spoilers: Boolean(flags.spoilers),
        limit: flags.all ? null : flags.limit,
      }),
    );

  program
    .command('list')
    .alias('ls')
    .description('list films; filter with a query (films list genre:drama year:1960..1969 -country:usa)')
    .argument(
      '[query...]',
      'words of the title, or field:value terms (title, slug, genre, country, cast, synopsis, year, rating, reviews); - negates',
    )
    .allowUnknownOption()
    .option('--sort <key>', 'title, year, rating, reviews or added; - first for descending', 'added')
    .option('--limit <n>', 'list at most N films', parseCount)
    .option('--json', 'print a JSON array of films')
    .option('--ndjson', 'print one JSON film per line')
    .action((terms: string[], flags: { sort: string; limit?: number; json?: boolean; ndjson?: boolean }) =>
      run('list', { store, terms, sort: flags.sort, output: output(flags), limit: flags.limit ?? null }),
    );

  addFilmFlags(
    program.command('add').description('add a film: asks at a terminal when --title is missing, takes flags in a script'),
  ).action((flags: FilmFlags) => run('add', { store, given: parseFilmFlags(flags), json: Boolean(flags.json) }));

  addFilmFlags(
    program
      .command('edit')
      .description("change a film's details: prefilled prompts at a terminal, or the flags of add (lists given replace the old ones)")
      .argument('<film>', 'slug, title or the start of either'),
  ).action((film: string, flags: FilmFlags) => run('edit', { store, film, given: parseFilmFlags(flags), json: Boolean(flags.json) }));

  program
    .command('remove')
    .alias('rm')
    .description('remove a film and its reviews (asks first at a terminal; --yes in a script)')
    .argument('<film>', 'slug, title or the start of either')
    .option('-y, --yes', 'remove without asking')
    .action((film: string, flags: { yes?: boolean }) => run('remove', { store, film, yes: Boolean(flags.yes) }));

  program
    .command('search')
    .description('find words in titles, synopses and reviews (any case, accents ignored)')
    .argument('<words...>', 'every word must occur in the film')
    .option('--json', 'print the matches as JSON')
    .action((words: string[], flags: { json?: boolean }) => run('search', { store, words, json: Boolean(flags.json) }));

  program
    .command('stats')
    .description('counts and charts: ratings, reviews per year, genres, countries, authors')
    .argument('[film]', 'only this film')
    .option('--ascii', 'draw with plain ASCII')
    .option('--json', 'print the numbers as JSON')
    .action((film: string | undefined, flags: { ascii?: boolean; json?: boolean }) =>
      run('stats', { store, film: film ?? null, ascii: Boolean(flags.ascii) || !unicodeTerminal(deps.env), json: Boolean(flags.json) }),
    );

  program
    .command('export')
    .description("print the whole store: our JSON export document, NDJSON, CSV, or Letterboxd's import CSV")
    .addOption(
      new Option('--format <format>', 'json (the export document), ndjson (a film per line), csv (a review per row), letterboxd')
        .choices(EXPORT_FORMATS)
        .default('json'),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--film <film>', 'export only this film (repeatable)', collect, [])
    .action((flags: { out?: string; film: string[]; format: ExportFormat }) =>
      run('export', { store, out: flags.out ?? null, films: flags.film, format: flags.format }),
    );

  program
    .command('import')
    .description('add films and reviews from our export, a film page, Letterboxd (a CSV or the export .zip) or IMDb ratings')
    .argument('<file>', 'the file to read, or - for standard input')
    .addOption(new Option('--format <format>', 'the file format (detected from the content when left out)').choices(IMPORT_FORMATS))
    .option(
      '--author <name>',
      'whose ratings and reviews these are (Letterboxd, IMDb; default: the Letterboxd profile, else the last author used here)',
    )
    .option('--dry-run', 'say what would be added and updated, and write nothing')
    .option('--skip-invalid', 'import the good rows and report the bad ones')
    .action((file: string, flags: { format?: ImportFormat; author?: string; dryRun?: boolean; skipInvalid?: boolean }) =>
      run('import', {
        store,
        file,
        format: flags.format ?? null,
        author: flags.author ?? null,
        dryRun: Boolean(flags.dryRun),
        skipInvalid: Boolean(flags.skipInvalid),
      }),
    );

  const review = program.command('review').description('add, list, edit and remove reviews');
  addReviewFlags(
    review
      .command('add')
      .description('add a review: asks for what is missing at a terminal, takes flags in a script')
      .argument('[film]', 'slug, title or the start of either')
      .option('--spoiler', 'mark it as giving away the plot'),
  ).action((film: string | undefined, flags: ReviewFlags) =>
    run('review add', { store, film: film ?? null, ...parseReviewFlags(flags, deps.now()), json: Boolean(flags.json) }),
  );
  review
    .command('list')
    .alias('ls')
    .description('list reviews, newest first; filter with a query (films review list dear rating:8.. -author:bob)')
    .argument('[query...]', 'words of the film title, or field:value terms (film, author, text, rating, genre, country, year); - negates')
    .allowUnknownOption()
    .option('--author <name>', 'only this author (any case, accents ignored)')
    .option('--min-rating <n>', 'only reviews rated at least N')
    .option('--since <date>', 'only reviews written on or after this ISO date')
    .option('--sort <key>', 'date, rating, author or film; - first for descending', '-date')
    .option('--limit <n>', 'at most N reviews', parseCount)
    .option('--spoilers', 'show excerpts of spoiler reviews')
    .option('--json', 'print a JSON array of reviews')
    .option('--ndjson', 'print one JSON review per line')
    .action(
      (
        terms: string[],
        flags: {
          author?: string;
          minRating?: string;
          since?: string;
          sort: string;
          limit?: number;
          spoilers?: boolean;
          json?: boolean;
          ndjson?: boolean;
        },
      ) => {
        const shape = output(flags);
        const filter = {
          terms,
          author: flags.author ?? null,
          minRating: flags.minRating === undefined ? null : parseRating(flags.minRating, '--min-rating'),
          since: flags.since === undefined ? null : parseDate(flags.since, { flag: '--since' }),
        };
        return run('review list', {
          store,
          filter,
          sort: flags.sort,
          limit: flags.limit ?? null,
          spoilers: Boolean(flags.spoilers),
          output: shape,
        });
      },
    );
  addReviewFlags(
    review
      .command('edit')
      .description('change a review: asks at a terminal (prefilled), or takes the flags of add')
      .argument('<id>', 'the review id, or a unique start of it')
      .option('--spoiler', 'mark it as giving away the plot')
      .option('--no-spoiler', 'unmark it'),
  ).action((id: string, flags: ReviewFlags) =>
    run('review edit', { store, id, ...parseReviewFlags(flags, deps.now()), json: Boolean(flags.json) }),
  );
  review
    .command('remove')
    .alias('rm')
    .description('remove a review (asks first at a terminal; --yes in a script)')
    .argument('<id>', 'the review id, or a unique start of it')
    .option('-y, --yes', 'remove without asking')
    .action((id: string, flags: { yes?: boolean }) => run('review remove', { store, id, yes: Boolean(flags.yes) }));
  helpUnlessUnknown(review);

  program
    .command('rate')
    .description("rate a film without writing a review (replaces the same author's earlier rating)")
    .argument('<film>', 'slug, title or the start of either')
    .argument('<rating>', 'a whole number from 1 to 10')
    .option('--author <name>', 'who rates (default: the last author used here, else your login name)')
    .option('--date <date>', 'when: an ISO date or time (default: now)')
    .option('--json', 'print the rating entry as JSON')
    .action((film: string, rating: string, flags: { author?: string; date?: string; json?: boolean }) =>
      run('rate', {
        store,
        film,
        rating: parseRating(rating, 'the rating'),
        author: flags.author ?? null,
        createdAt: flags.date === undefined ? null : parseDate(flags.date, { notAfter: deps.now() }),
        json: Boolean(flags.json),
      }),
    );

  const db = program.command('db').description('work with the store file itself');
  db.command('path')
    .description('print the path of the store file in use')
    .action(() => run('db path', { store }));
  db.command('check')
    .description('validate the store file and list every problem in it')
    .action(() => run('db check', { store }));
  db.command('restore')
    .description('bring back the previous version of the store (<store>.bak); the current one becomes the backup')
    .option('-y, --yes', 'restore without asking')
    .action((flags: { yes?: boolean }) => run('db restore', { store, yes: Boolean(flags.yes) }));
  db.command('git-setup')
    .description(
      "make git merge and diff the store by its meaning: writes .gitattributes and the clone's git config (run it in every clone)",
    )
    .action(() => run('db git-setup', { store }));
  db.command('merge')
    .description(
      "git's merge driver: merges <theirs> into <ours>, both grown from <base>; exit 0 clean, 1 with conflicts (listed, and kept in <path>.conflicts), 2 when a side is not a store",
    )
    .argument('<base>', "the common ancestor (git's %O; empty when there is none)")
    .argument('<ours>', "our store, replaced by the merge (git's %A)")
    .argument('<theirs>', "their store (git's %B)")
    .argument('[path]', "the store's path in the work tree (git's %P), beside which the conflicts are kept (default: <ours>)")
    .action((base: string, ours: string, theirs: string, path: string | undefined) => {
      const at = (file: string): string => resolve(deps.cwd, file);
      return run('db merge', { base: at(base), ours: at(ours), theirs: at(theirs), path: path === undefined ? null : at(path) });
    });
  db.command('conflicts')
    .description('print the conflicts the last merge of the store left to settle')
    .option('--clear', 'forget them, once settled')
    .action((flags: { clear?: boolean }) => run('db conflicts', { store, clear: Boolean(flags.clear) }));
  db.command('textconv')
    .description('print a store as a line per fact, for git diff and git log -p')
    .argument('<file>', 'the store file')
    .action((file: string) => run('db textconv', { file: resolve(deps.cwd, file) }));
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
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return new UsageError(message, "run 'films --help' for usage");
}

/** Runs the CLI with injected IO and returns the exit code. */
export async function main(argv: readonly string[], deps: Deps, run: Runner = runCommand(deps)): Promise<number> {
  try {
    await buildProgram(deps, run).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (caught) {
    const error = caught instanceof CommanderError ? fromCommander(caught) : caught;
    if (error === null) return 0;
    deps.io.err.write(`${safeText(errorLine(error))}\n`);
    if (deps.env.FILMS_DEBUG === '1' && error instanceof Error) deps.io.err.write(`${safeText(error.stack ?? '', { multiline: true })}\n`);
    return exitCodeFor(error);
  }
}

/** The OS login name, or the environment's when the system has no entry for this user. */
export function loginName(env: Env): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return env.USER || env.LOGNAME || env.USERNAME || null;
  }
}

/** The real terminal, environment and clock. */
export function systemDeps(): Deps {
  const facts = {
    env: process.env,
    // A pipe's stdout has no isTTY at all, whatever @types/node says.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
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
  const selfCommand = [process.execPath, process.argv[1] ?? ''];
  return {
    io,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    pid: process.pid,
    isProcessAlive,
    loginName: loginName(process.env),
    prompter,
    git: gitRunner(process.env),
    selfCommand,
  };
}

/** git as a child process with the environment `env`, given no input; a status other than 0 is an answer, not an error. */
export const gitRunner =
  (env: Env): RunGit =>
  (args, cwd) =>
    new Promise((resolvePromise, reject) => {
      execFile('git', [...args], { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(new Error(error.message, { cause: error }));
        else resolvePromise({ status: error ? Number(error.code) : 0, stdout, stderr });
      });
    });

/** Signal 0 checks that a process exists without touching it; EPERM means it exists but belongs to someone else. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
