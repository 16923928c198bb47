import { execFile, spawn } from 'node:child_process';
import { fstatSync } from 'node:fs';
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import { CancelledError, errorLine, exitCodeFor, FilmsError, UsageError } from './errors.js';
import { errorCode, isDiskFull, reason } from './store/errno.js';
import { lookOf, makeIO, type Deps, type Env, type Output, type RunGit } from './io.js';
import { pagedOutput, pagerCommand, pagerEnv, type Pager, type StartPager } from './pager.js';
import { fileOutput, streamOutput, writtenAsFile } from './stdout.js';
import { warn } from './commands/warn.js';
import { readConfig } from './store/config.js';
import { VERSION } from './version.js';
import { safeText } from './render/safe-text.js';
import { wrapText } from './render/width.js';
import { configPath, storePath } from './store/location.js';
import { parseDate, parseGivenYear, parseMonth, parseRating, parseStars, yearPeriod } from './domain/rules.js';
import { parseSetting, parseSettingName, SETTING_NAMES } from './domain/settings.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ImportFormat } from './formats/format-names.js';
import { addFilmFlags, parseFilmFlags, type FilmFlags } from './commands/film-flags.js';
import { collect, limitOf, parseLimit, type Limit } from './commands/flag-values.js';
import { choiceHint } from './domain/nearest.js';
import { commandPath, helpUnlessUnknown, unknownCommand, unknownOption } from './commands/group-help.js';
import { addReviewFlags, parseReviewFlags, type ReviewFlags } from './commands/review/flags.js';
import { addLogFlags, parseLogFlags, type LogFlags } from './commands/log-flags.js';
import type { AddOptions } from './commands/add.js';
import type { ConfigGetOptions } from './commands/config/get.js';
import type { ConfigListOptions } from './commands/config/list.js';
import type { ConfigSetOptions } from './commands/config/set.js';
import type { ConfigUnsetOptions } from './commands/config/unset.js';
import type { CommandTree, CompleteOptions } from './commands/complete.js';
import type { CompletionOptions, Shell } from './commands/completion.js';
import type { ConflictsOptions } from './commands/db/conflicts.js';
import type { DiaryOptions } from './commands/diary.js';
import type { LogOptions } from './commands/log.js';
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
import type { ReviewShowOptions } from './commands/review/show.js';
import type { SearchOptions } from './commands/search.js';
import type { ShowCommandOptions } from './commands/show.js';
import type { StatsOptions } from './commands/stats.js';
import type { WatchlistAddOptions } from './commands/watchlist/add.js';
import type { WatchlistOptions } from './commands/watchlist/list.js';
import type { WatchlistRemoveOptions } from './commands/watchlist/remove.js';

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
  'review show': ReviewShowOptions;
  'review edit': ReviewEditOptions;
  'review remove': ReviewRemoveOptions;
  rate: RateOptions;
  log: LogOptions;
  diary: DiaryOptions;
  'watchlist list': WatchlistOptions;
  'watchlist add': WatchlistAddOptions;
  'watchlist remove': WatchlistRemoveOptions;
  'config get': ConfigGetOptions;
  'config set': ConfigSetOptions;
  'config unset': ConfigUnsetOptions;
  'config list': ConfigListOptions;
  'db path': StoreOptions;
  'db check': StoreOptions;
  'db restore': RestoreOptions;
  'db merge': MergeOptions;
  'db conflicts': ConflictsOptions;
  'db textconv': TextconvOptions;
  'db git-setup': GitSetupOptions;
  completion: CompletionOptions;
  __complete: CompleteOptions;
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
  'review show': () => import('./commands/review/show.js'),
  'review edit': () => import('./commands/review/edit.js'),
  'review remove': () => import('./commands/review/remove.js'),
  rate: () => import('./commands/rate.js'),
  log: () => import('./commands/log.js'),
  diary: () => import('./commands/diary.js'),
  'watchlist list': () => import('./commands/watchlist/list.js'),
  'watchlist add': () => import('./commands/watchlist/add.js'),
  'watchlist remove': () => import('./commands/watchlist/remove.js'),
  'config get': () => import('./commands/config/get.js'),
  'config set': () => import('./commands/config/set.js'),
  'config unset': () => import('./commands/config/unset.js'),
  'config list': () => import('./commands/config/list.js'),
  'db path': () => import('./commands/db/path.js'),
  'db check': () => import('./commands/db/check.js'),
  'db restore': () => import('./commands/db/restore.js'),
  'db merge': () => import('./commands/db/merge.js'),
  'db conflicts': () => import('./commands/db/conflicts.js'),
  'db textconv': () => import('./commands/db/textconv.js'),
  'db git-setup': () => import('./commands/db/git-setup.js'),
  completion: () => import('./commands/completion.js'),
  __complete: () => import('./commands/complete.js'),
};

/** The commands that only print for people, at length: at a terminal their output may be paged. Never one that asks. */
const PAGED: ReadonlySet<CommandName> = new Set<CommandName>([
  'show',
  'list',
  'search',
  'stats',
  'review list',
  'review show',
  'diary',
  'watchlist list',
  'config list',
  'db check',
  'db conflicts',
]);

/** The pager a command's output goes through: at a terminal of known height, unless --no-pager or the settings say none. */
function pagerFor(deps: Deps): string | null {
  if (!deps.io.paging || deps.io.rows === null) return null;
  return pagerCommand(deps.env, readConfig(configPath(deps.env, deps.cwd)).pager);
}

/**
 * The real runner: loads the command, then runs it with the real dependencies; a command of
 * PAGED writes to an output that becomes the pager once it is taller than the screen, whose exit
 * is waited for. Ctrl+C while the pager runs stops the drawing: exit 130, once the pager is quit.
 */
export const runCommand =
  (deps: Deps): Runner =>
  async (name, options) => {
    const command = await COMMANDS[name]();
    const pager = PAGED.has(name) ? pagerFor(deps) : null;
    if (pager === null || deps.io.rows === null) return command.run(options, deps);
    const env = pagerEnv(deps.env);
    const out = pagedOutput(
      deps.io.out,
      deps.io.rows,
      pager,
      () => deps.startPager(pager, env),
      (message) => warn(deps.io, message),
    );
    try {
      await command.run(options, { ...deps, io: { ...deps.io, out } });
    } finally {
      await out.end();
    }
    if (out.interrupted()) throw new CancelledError();
  };

/** The shells films completes (declared here, so that no command but completion loads the scripts). */
const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

type OutputShape = 'table' | 'json' | 'ndjson';

function output(flags: { json?: boolean; ndjson?: boolean }): OutputShape {
  if (flags.json && flags.ndjson) throw new UsageError('--json and --ndjson cannot be used together', 'choose one');
  return flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'table';
}

/** `films rate <film> <rating>` or `films rate <film> --stars S`: one of the two, not both. */
function rateArgument(rating: string | undefined, stars: string | undefined): number | null {
  if (rating !== undefined && stars !== undefined) {
    throw new UsageError('give the rating once: as a number from 1 to 10, or as --stars', 'for example films rate <film> 8');
  }
  if (stars !== undefined) return parseStars(stars);
  if (rating === undefined) {
    throw new UsageError('missing the rating', 'give it as a number from 1 to 10 (films rate <film> 8) or in half stars (--stars 4)');
  }
  return parseRating(rating, 'the rating');
}

/**
 * The program: every command with its arguments, flags and help, each parsed into its typed
 * options by a pure function, then handed to `run`. The store path is resolved once, before any action.
 */
/** The least room for a description beside its flag or command; with less, it goes under it. */
const MIN_HELP_COLUMN = 24;

/**
 * A line of help (a flag or a command, and what it does) that fits the width: commander's two
 * columns when the second leaves room to read, else the term on its line (wrapped) and the
 * description under it, indented — commander would leave both unwrapped, wider than the screen.
 */
function formatHelpItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  if (width - termWidth - 4 >= MIN_HELP_COLUMN) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  const lines = wrapText(term, width - 2).map((line) => `  ${line}`);
  if (description) lines.push(...wrapText(description, width - 6).map((line) => `      ${line}`));
  return lines.join('\n');
}

function buildProgram(deps: Deps, run: Runner): Command {
  let store = '';
  const program: Command = new Command('films')
    .description('Keep film pages, ratings and reviews in one JSON store.')
    .version(VERSION, '-v, --version', 'print the version')
    .addOption(new Option('-V').hideHelp())
    .option('--db <path>', 'the store file (default: $FILMS_DB, else $XDG_DATA_HOME/films/films.json)')
    .option('--no-color', 'print without colour')
    .option('--no-input', 'never ask, even at a terminal: a missing value is an error naming its flag')
    .option('--no-pager', 'print straight to the terminal, never through the pager ($FILMS_PAGER, $PAGER, less)')
    // Wrapped at any width (commander stops wrapping below 40 columns).
    .configureHelp({
      minWidthToWrap: 1,
      formatItem: formatHelpItem,
      boxWrap: (text, width) => wrapText(text, Math.max(1, width)).join('\n'),
      // "Usage: " takes 7 columns; a long usage goes on under it.
      styleUsage: (usage) => wrapText(usage, Math.max(1, deps.io.columns - 7)).join(`\n${' '.repeat(7)}`),
    })
    .configureOutput({
      writeOut: (text) => deps.io.out.write(deps.io.glyphs.text(text)),
      writeErr: (text) => deps.io.err.write(text),
      getOutHelpWidth: () => deps.io.columns,
      getErrHelpWidth: () => deps.io.columns,
      outputError: () => undefined,
    })
    .hook('preAction', (root) => {
      const { db, color, input, pager } = root.opts<{ db?: string; color: boolean; input: boolean; pager: boolean }>();
      if (!color) deps.io.color.level = 0;
      if (!input) deps.io.canPrompt = false;
      if (!pager) deps.io.paging = false;
      store = storePath(db, deps.env, deps.cwd);
    });
  // -V printed the version before -v did: it still does, without a line in the help.
  program.on('option:V', () => {
    deps.io.out.write(`${VERSION}\n`);
    throw new CommanderError(0, 'commander.version', VERSION);
  });

  program
    .command('show')
    .description("print a film's details, ratings and reviews")
    .argument('<film>', 'slug, title or the start of either')
    .option('--limit <n>', 'show at most N reviews (none: all of them)', parseLimit, 10)
    .option('--all', 'show every review')
    .option('--full', 'show whole review texts')
    .option('--spoilers', 'show the texts of reviews marked as spoilers')
    .option('--json', 'print the film as JSON')
    .action((film: string, flags: { limit: Limit; all?: boolean; full?: boolean; spoilers?: boolean; json?: boolean }) =>
      run('show', {
        store,
        film,
        json: Boolean(flags.json),
        full: Boolean(flags.full),
        spoilers: Boolean(flags.spoilers),
        limit: flags.all ? null : limitOf(flags.limit, null),
      }),
    );

  program
    .command('list')
    .alias('ls')
    .description('list films; filter with a query (films list genre:drama year:1960..1969 -country:usa)')
    .argument(
      '[query...]',
      "a film's slug, words of its title, or field:value terms (title, slug, genre, country, cast, synopsis, year, rating, reviews); - negates",
    )
    .allowUnknownOption()
    .option('--sort <key>', 'title, year, rating, reviews or added; - first for descending', 'added')
    .option('--limit <n>', 'list at most N films (none: all of them, the default)', parseLimit)
    .option('--json', 'print a JSON array of films')
    .option('--ndjson', 'print one JSON film per line')
    .action((terms: string[], flags: { sort: string; limit?: Limit; json?: boolean; ndjson?: boolean }, command: Command) =>
      run('list', { store, terms: queryTerms(terms, command), sort: flags.sort, output: output(flags), limit: limitOf(flags.limit, null) }),
    );

  addFilmFlags(
    program
      .command('add')
      .description('add a film: asks at a terminal for what the flags leave out, takes flags in a script')
      .option('-y, --yes', 'save what the flags say without asking')
      .option('--force', 'add it even if a film with this title (and year) is in the store'),
  ).action((flags: FilmFlags & { yes?: boolean; force?: boolean }) =>
    run('add', { store, given: parseFilmFlags(flags), yes: Boolean(flags.yes), force: Boolean(flags.force), json: Boolean(flags.json) }),
  );

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
    .option('--all', 'show every matching review of each film (without it, the first 5)')
    .option('--spoilers', 'show excerpts of reviews marked as spoilers')
    .option('--json', 'print the matches as JSON (spoilers included, marked)')
    .action((words: string[], flags: { all?: boolean; spoilers?: boolean; json?: boolean }) =>
      run('search', { store, words, all: Boolean(flags.all), spoilers: Boolean(flags.spoilers), json: Boolean(flags.json) }),
    );

  program
    .command('stats')
    .description('counts and charts: ratings, reviews per year, genres, countries, authors; --year Y: your year in films')
    .argument('[film]', 'only this film')
    .option('--year <year>', 'your year in films: watches per month, ratings, tags, rewatches (from your diary)')
    .option('--author <name>', "with --year: someone else's year (default: you)")
    .option('--ascii', 'draw with plain ASCII (as a locale that is not UTF-8 does)')
    .option('--json', 'print the numbers as JSON')
    .action((film: string | undefined, flags: { year?: string; author?: string; ascii?: boolean; json?: boolean }) => {
      if (flags.year !== undefined && film !== undefined) {
        throw new UsageError('--year is your year across films, not one film', `drop '${film}', or drop --year`);
      }
      if (flags.author !== undefined && flags.year === undefined) {
        throw new UsageError("--author goes with --year (someone's year in films)", 'add --year <year>, or drop --author');
      }
      return run('stats', {
        store,
        film: film ?? null,
        year: flags.year === undefined ? null : parseGivenYear(flags.year),
        author: flags.author ?? null,
        ascii: Boolean(flags.ascii),
        json: Boolean(flags.json),
      });
    });

  program
    .command('export')
    .description("print the whole store: our JSON export document, NDJSON, CSV, or Letterboxd's import CSV")
    .addOption(
      new Option(
        '--format <format>',
        "json (the export document), ndjson (a film per line), csv (a review per row), letterboxd (your diary and ratings in Letterboxd's import layout), letterboxd-watchlist (your watchlist, the same)",
      )
        .choices(EXPORT_FORMATS)
        .default('json'),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--film <film>', 'export only this film (repeatable)', collect)
    .option('--author <name>', 'whose diary and watchlist --format letterboxd and letterboxd-watchlist export (default: you)')
    .action((flags: { out?: string; film?: string[]; format: ExportFormat; author?: string }) =>
      run('export', { store, out: flags.out ?? null, films: flags.film ?? [], format: flags.format, author: exportAuthor(flags) }),
    );

  program
    .command('import')
    .description('add films and reviews from our export, a film page, Letterboxd (a CSV or the export .zip) or IMDb ratings')
    .argument('<file>', 'the file to read, or - for standard input')
    .addOption(new Option('--format <format>', 'the file format (detected from the content when left out)').choices(IMPORT_FORMATS))
    .option('--author <name>', 'whose entries, ratings and lists these are (Letterboxd, IMDb; default: you)')
    .option('--watchlist', "the file is a watchlist (films' letterboxd-watchlist export, or any list of films), whatever its name")
    .option('--dry-run', 'say what would be added and updated, and write nothing')
    .option('--skip-invalid', 'import the good rows and report the bad ones')
    .action(
      (file: string, flags: { format?: ImportFormat; author?: string; watchlist?: boolean; dryRun?: boolean; skipInvalid?: boolean }) =>
        run('import', {
          store,
          file,
          format: flags.format ?? null,
          author: flags.author ?? null,
          dryRun: Boolean(flags.dryRun),
          skipInvalid: Boolean(flags.skipInvalid),
          watchlist: Boolean(flags.watchlist),
        }),
    );

  const review = program.command('review').description('add, list, show, edit and remove reviews');
  addReviewFlags(
    review
      .command('add')
      .description('add a review: asks at a terminal for what the flags leave out, takes flags in a script')
      .argument('[film]', 'slug, title or the start of either')
      .option('-y, --yes', 'save what the flags say without asking'),
    { editing: false },
  ).action((film: string | undefined, flags: ReviewFlags & { yes?: boolean }) =>
    run('review add', {
      store,
      film: film ?? null,
      ...parseReviewFlags(flags, deps.now()),
      yes: Boolean(flags.yes),
      json: Boolean(flags.json),
    }),
  );
  review
    .command('list')
    .alias('ls')
    .description('list reviews, newest first; filter with a query (films review list dear rating:8.. -author:bob)')
    .argument(
      '[query...]',
      "a film's slug, words of its title, or field:value terms (film, author, text, rating, genre, country, year); - negates",
    )
    .allowUnknownOption()
    .option('--author <name>', 'only reviews by authors whose name contains this (as author:<name>; any case, accents ignored)')
    .option('--min-rating <n>', 'only reviews rated at least N')
    .option('--since <date>', 'only reviews written on or after this ISO date')
    .option('--sort <key>', 'date, rating, author or film; - first for descending', '-date')
    .option('--limit <n>', 'at most N reviews (none: all of them, the default)', parseLimit)
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
          limit?: Limit;
          spoilers?: boolean;
          json?: boolean;
          ndjson?: boolean;
        },
        command: Command,
      ) => {
        const shape = output(flags);
        const filter = {
          terms: queryTerms(terms, command),
          author: flags.author ?? null,
          minRating: flags.minRating === undefined ? null : parseRating(flags.minRating, '--min-rating'),
          since: flags.since === undefined ? null : parseDate(flags.since, { flag: '--since' }),
        };
        return run('review list', {
          store,
          filter,
          sort: flags.sort,
          limit: limitOf(flags.limit, null),
          spoilers: Boolean(flags.spoilers),
          output: shape,
        });
      },
    );
  review
    .command('show')
    .description('print one review whole: its film, author, dates, rating, tags and text')
    .argument('<id>', 'the review id, or a unique start of it (films show lists them)')
    .option('--spoilers', 'show the text of a review marked as a spoiler')
    .option('--json', 'print the review as JSON')
    .action((id: string, flags: { spoilers?: boolean; json?: boolean }) =>
      run('review show', { store, id, spoilers: Boolean(flags.spoilers), json: Boolean(flags.json) }),
    );
  addReviewFlags(
    review
      .command('edit')
      .description('change a review: the flags given, or at a terminal without flags, prefilled questions')
      .argument('<id>', 'the review id, or a unique start of it'),
    { editing: true },
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
    .argument('[rating]', 'a whole number from 1 to 10 (or --stars)')
    .option('--stars <s>', "the rating in Letterboxd's half stars, 0.5 to 5 (×2 gives 1 to 10)")
    .option('--author <name>', 'who rates (default: you)')
    .option('--date <date>', 'when: an ISO date or time (default: now)')
    .option('--json', 'print the rating entry as JSON')
    .action((film: string, rating: string | undefined, flags: { stars?: string; author?: string; date?: string; json?: boolean }) =>
      run('rate', {
        store,
        film,
        rating: rateArgument(rating, flags.stars),
        author: flags.author ?? null,
        createdAt: flags.date === undefined ? null : parseDate(flags.date, { notAfter: deps.now() }),
        json: Boolean(flags.json),
      }),
    );

  addLogFlags(
    program
      .command('log')
      .description('log a film in your diary: watched today, or --date; asks at a terminal when no flag is given')
      .argument('[film]', 'slug, title or the start of either'),
  ).action((film: string | undefined, flags: LogFlags) =>
    run('log', { store, film: film ?? null, ...parseLogFlags(flags, deps.now()), json: Boolean(flags.json) }),
  );

  program
    .command('diary')
    .description('your diary, newest watch first, by month; filter with a query (films diary tag:cinema rating:8..)')
    .argument(
      '[query...]',
      'words of the film title, or field:value terms (film, text, rating, genre, country, year, tag, watched, rewatch, liked); - negates',
    )
    .allowUnknownOption()
    .option('--year <year>', 'only the watches of this year')
    .option('--month <month>', 'only the watches of this month (YYYY-MM)')
    .option('--author <name>', "someone else's diary (default: yours)")
    .option('--json', 'print a JSON array of entries')
    .action((terms: string[], flags: { year?: string; month?: string; author?: string; json?: boolean }, command: Command) => {
      if (flags.year !== undefined && flags.month !== undefined) {
        throw new UsageError('--year and --month cannot be used together', '--month already names its year: give one of them');
      }
      const period =
        flags.month !== undefined ? parseMonth(flags.month) : flags.year !== undefined ? yearPeriod(parseGivenYear(flags.year)) : null;
      return run('diary', { store, terms: queryTerms(terms, command), period, author: flags.author ?? null, json: Boolean(flags.json) });
    });

  const watchlist = program.command('watchlist').description('the films you mean to watch: list them (the default), add or remove some');
  watchlist
    .command('list', { isDefault: true })
    .alias('ls')
    .description('list your watchlist, latest added first (what films watchlist alone does)')
    .option('--author <name>', "someone else's watchlist (default: yours)")
    .option('--json', 'print a JSON array of the films')
    .allowExcessArguments(true)
    .action((flags: { author?: string; json?: boolean }, command: Command) => {
      // films watchlist <word> lands here, as the default: a word is no command of the group.
      const [word] = command.args;
      if (word !== undefined) throw unknownCommand(watchlist, word);
      return run('watchlist list', { store, author: flags.author ?? null, json: Boolean(flags.json) });
    });
  for (const [verb, aliases, description] of [
    ['add', [], 'put films on your watchlist'],
    ['remove', ['rm'], 'take films off your watchlist'],
  ] as const) {
    watchlist
      .command(verb)
      .aliases(aliases)
      .description(description)
      .argument('<film...>', 'slugs, titles or the start of either')
      .option('--author <name>', "someone else's watchlist (default: yours)")
      .action((films: string[], flags: { author?: string }) => run(`watchlist ${verb}`, { store, films, author: flags.author ?? null }));
  }

  const settings = SETTING_NAMES.join(', ');
  const config = program.command('config').description(`your settings (like git config): ${settings}`);
  config
    .command('get')
    .description('print a setting (exit 1 when it is not set)')
    .argument('<key>', `the setting: ${settings}`)
    .action((key: string) => run('config get', { key: parseSettingName(key) }));
  config
    .command('set')
    .description('change a setting in the config file')
    .argument('<key>', `the setting: ${settings}`)
    .argument('<value>', 'its value')
    .action((key: string, value: string) => run('config set', { setting: parseSetting(key, value) }));
  config
    .command('unset')
    .description('remove a setting from the config file')
    .argument('<key>', `the setting: ${settings}`)
    .action((key: string) => run('config unset', { key: parseSettingName(key) }));
  config
    .command('list')
    .alias('ls')
    .description('print every setting in the config file, as key=value')
    .action(() => run('config list', {}));
  helpUnlessUnknown(config);

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
    .option(
      '--virtual-base',
      "build the common ancestor of a criss-cross merge (git's merge.films.recursive): a conflicting field keeps the ancestor's value; prints nothing",
    )
    .action((base: string, ours: string, theirs: string, path: string | undefined, flags: { virtualBase?: boolean }) => {
      const at = (file: string): string => resolve(deps.cwd, file);
      return run('db merge', {
        base: at(base),
        ours: at(ours),
        theirs: at(theirs),
        path: path === undefined ? null : at(path),
        virtualBase: Boolean(flags.virtualBase),
      });
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
    .command('completion')
    .description('print the shell script that completes films commands, flags, films and review ids (see the README)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action((shell: CompletionOptions['shell']) => run('completion', { shell }));

  program
    .helpCommand(false)
    .command('help')
    .description('print the help of films or of a command (films help review add)')
    .argument('[command...]', 'the command')
    .action((words: string[]) => {
      let target = program;
      for (const word of words) {
        const next = target.commands.find((command) => command.name() === word || command.aliases().includes(word));
        if (!next) throw unknownCommand(target, word);
        target = next;
      }
      target.outputHelp();
    });
  helpUnlessUnknown(program);
  refuseAsUsage(program);
  return program;
}

/**
 * Commander's own refusals become usage errors that point at the help of the command refused
 * (`films review add --help`), with a did-you-mean for an unknown option; help and version stay
 * CommanderErrors of exit code 0.
 */
function refuseAsUsage(command: Command): void {
  command.exitOverride((error) => {
    if (error.exitCode === 0) throw error;
    const unknown = /^error: unknown option '([^']*)'/.exec(error.message);
    if (unknown) throw unknownOption(command, unknown[1] as string);
    const invalid = invalidValue(command, error.message);
    if (invalid) throw invalid;
    const message = error.message
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    throw new UsageError(message, `run '${commandPath(command)} --help' for usage`);
  });
  for (const sub of command.commands) refuseAsUsage(sub);
}

/**
 * Commander's refusal of a flag's or an argument's value, in films' words: a value that is none
 * of the choices gets the nearest of them; a value its parser refused, the parser's reason.
 */
function invalidValue(command: Command, message: string): UsageError | null {
  const usage = `run '${commandPath(command)} --help' for usage`;
  const ofOption = /^error: option '(\S+)[^']*' argument '(.*)' is invalid\. (.*)$/s.exec(message);
  if (ofOption) {
    const [, flag = '', value = '', reason = ''] = ofOption;
    const choices = command.options.find((option) => option.long === flag)?.argChoices;
    if (choices) return new UsageError(`unknown ${flag} '${value}'`, choiceHint(value, choices, `${flag} takes ${choices.join(', ')}`));
    return new UsageError(`invalid ${flag} '${value}': ${reason.trim()}`, usage);
  }
  const ofArgument = /^error: command-argument value '(.*)' is invalid for argument '(.*)'\./s.exec(message);
  if (ofArgument) {
    const [, value = '', name = ''] = ofArgument;
    const choices = command.registeredArguments.find((argument) => argument.name() === name)?.argChoices ?? [];
    return new UsageError(`unknown ${name} '${value}'`, choiceHint(value, choices, `one of: ${choices.join(', ')}`));
  }
  return null;
}

/** The commands as completion needs them: names, options, arguments (from commander's public API). */
function commandTree(command: Command): CommandTree {
  const help = command.createHelp();
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: command.description(),
    options: help.visibleOptions(command).map((option) => ({
      flags: [option.long, option.short].filter((flag) => flag !== undefined),
      takesValue: option.required || option.optional,
      choices: option.argChoices ?? null,
      description: option.description,
    })),
    arguments: command.registeredArguments.map((argument) => ({
      name: argument.name(),
      variadic: argument.variadic,
      choices: argument.argChoices ?? null,
    })),
    commands: help.visibleCommands(command).map(commandTree),
  };
}

/**
 * `films __complete <words…>`, which the completion scripts run at each Tab: the words are the
 * command line's, not films' arguments, so commander does not parse them. The store is the one
 * the line names (--db), else the usual one.
 */
function completeRequest(argv: readonly string[], deps: Deps, run: Runner): Promise<void> {
  const words = argv.slice(1);
  const at = words.findIndex((word) => word === '--db' || word.startsWith('--db='));
  const flag = words[at];
  const given = flag === undefined ? undefined : flag === '--db' ? words[at + 1] : flag.slice('--db='.length);
  const store = storePath(given, deps.env, deps.cwd);
  return run('__complete', { store, words, tree: commandTree(buildProgram(deps, run)) });
}

/**
 * A query's terms, which commander passes through (a term such as -genre:war looks like an
 * option); a word of two dashes is an option after all, and unknown.
 */
function queryTerms(terms: string[], command: Command): string[] {
  const option = terms.find((term) => term.startsWith('--'));
  if (option !== undefined) throw unknownOption(command, option);
  return terms;
}

/** `films export --author`: only the Letterboxd layouts are one person's. */
function exportAuthor(flags: { format: ExportFormat; author?: string }): string | null {
  if (flags.author === undefined) return null;
  if (!flags.format.startsWith('letterboxd'))
    throw new UsageError(
      `--author is for --format letterboxd and letterboxd-watchlist, not ${flags.format}`,
      'leave it out: the other formats hold everyone',
    );
  return flags.author;
}

/** Runs the CLI with injected IO and returns the exit code. */
export async function main(argv: readonly string[], deps: Deps, run: Runner = runCommand(deps)): Promise<number> {
  try {
    try {
      if (argv[0] === '__complete') await completeRequest(argv, deps, run);
      else await buildProgram(deps, run).parseAsync([...argv], { from: 'user' });
    } catch (error) {
      // Help and version end as commander errors of exit code 0.
      if (!(error instanceof CommanderError && error.exitCode === 0)) throw error;
    }
    await assertOutputWritten(deps.io.out);
    return 0;
  } catch (error) {
    deps.io.err.write(`${safeText(errorLine(error))}\n`);
    if (deps.env.FILMS_DEBUG === '1' && error instanceof Error) deps.io.err.write(`${safeText(error.stack ?? '', { multiline: true })}\n`);
    return exitCodeFor(error);
  }
}

/** A command that did its work but whose output was cut short (a full disk) has not done what it said: exit 1. */
async function assertOutputWritten(out: Output): Promise<void> {
  const error = await out.flushed?.();
  if (!error) return;
  // EIO here is as likely a terminal that has gone as a failing disk.
  const why = errorCode(error) === 'EIO' ? 'an input/output error, EIO' : reason(error);
  throw new FilmsError(
    `could not write to stdout (${why}): the output is incomplete`,
    `${isDiskFull(error) ? 'free some space' : 'check where stdout goes'}; only the output was lost, not any change the command made`,
  );
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
    stdoutIsTTY: isatty(1),
    stdinIsTTY: isatty(0),
    stderrIsTTY: isatty(2),
    stdoutColumns: process.stdout.columns,
    stdoutRows: process.stdout.rows,
    clock: () => performance.now(),
  };
  const io = makeIO(facts, {
    // A file or device films writes itself, every byte checked; a pipe or terminal through Node's stream (src/stdout.ts).
    // Node opens fd 1 on /dev/null when it was closed, so fstat always answers.
    out: writtenAsFile(fstatSync(1), facts.stdoutIsTTY) ? fileOutput(1) : streamOutput(process.stdout),
    err: { write: (text) => void process.stderr.write(text) },
    stdin: () => process.stdin,
  });
  const prompter = async () =>
    (await import('./prompts.js')).inquirerPrompter({ input: process.stdin, output: process.stdout }, lookOf(io));
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
    startPager,
  };
}

/** A pager command that is a program and its arguments only runs without a shell: a missing program is then known, not the shell's 127. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[#~=%{}]/;

/**
 * The pager as a child process: its input a pipe, its output our terminal. Ctrl+C while it runs
 * (less ignores it) ends its input rather than this process, as git does, so the shell gets the
 * terminal back only once the person has quit the pager.
 */
const startPager: StartPager = (command, env) => {
  const words = command.split(/\s+/);
  const child = SHELL_SYNTAX.test(command)
    ? spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env })
    : spawn(words[0] ?? command, words.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env });
  let gone = false;
  let interrupted = false;
  let status: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('close', (code) => {
      status = code;
      resolve();
    }),
  );
  void exited.then(() => {
    gone = true;
  });
  // EPIPE once the person has quit it.
  child.stdin.on('error', () => {
    gone = true;
  });
  const interrupt = (): void => {
    interrupted = true;
    gone = true;
    child.stdin.end();
  };
  process.on('SIGINT', interrupt);
  void exited.then(() => process.off('SIGINT', interrupt));
  const pager: Pager = {
    started: new Promise((resolve) => {
      child.once('spawn', () => resolve(true));
      child.once('error', () => resolve(false));
    }),
    write: (text) => !gone && child.stdin.write(text),
    drained: () => {
      if (gone) return Promise.resolve(false);
      if (!child.stdin.writableNeedDrain) return Promise.resolve(true);
      return new Promise((resolve) => {
        child.stdin.once('drain', () => resolve(!gone));
        void exited.then(() => resolve(false));
      });
    },
    close: async () => {
      if (!child.stdin.destroyed) child.stdin.end();
      await exited;
    },
    interrupted: () => interrupted,
    exitCode: () => status,
  };
  return pager;
};

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
