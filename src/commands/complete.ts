import type { Deps } from '../io.js';
import type { Film } from '../domain/model.js';
import { filmFields, FILM_SORTS, REVIEW_FIELDS, REVIEW_SORTS } from '../domain/catalogue-query.js';
import { filmLabel, RATING_MAX, RATING_MIN, ratingLabel } from '../domain/rules.js';
import { textKey } from '../domain/text-key.js';
import { safeText } from '../render/safe-text.js';
import { truncate } from '../render/width.js';
import { readStore } from '../store/file.js';

/** The commands as declared (cli.ts builds this from the program): what completion offers. */
export interface CommandTree {
  name: string;
  aliases: string[];
  description: string;
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  commands: CommandTree[];
}

export interface OptionSpec {
  /** Long and short forms: ["--format"], ["--yes", "-y"]. */
  flags: string[];
  takesValue: boolean;
  choices: string[] | null;
  description: string;
}

export interface ArgumentSpec {
  name: string;
  variadic: boolean;
  choices: string[] | null;
}

export interface CompleteOptions {
  store: string;
  /** The words after `films` up to the cursor; the last is the word being completed (empty after a space). */
  words: string[];
  tree: CommandTree;
}

export interface Candidate {
  value: string;
  description?: string;
}

/** Candidates, or "complete file names" (which the shell does better). */
export type Completion = { files: true } | { files: false; candidates: Candidate[] };

/** Arguments and option values that name files: the shell completes them. */
const FILE_ARGUMENTS = new Set(['file', 'base', 'ours', 'theirs', 'path']);
const FILE_OPTIONS = new Set(['--db', '--out', '--text-file']);

/** What the query and --sort of each listing command know, by the command's path. */
const QUERY_FIELDS: Record<string, readonly string[]> = {
  list: Object.keys(filmFields(() => '')),
  'review list': Object.keys(REVIEW_FIELDS),
  diary: Object.keys(REVIEW_FIELDS),
};
const SORT_KEYS: Record<string, readonly string[]> = { list: Object.keys(FILM_SORTS), 'review list': Object.keys(REVIEW_SORTS) };

const FILES: Completion = { files: true };
const offer = (candidates: Candidate[]): Completion => ({ files: false, candidates });

/** A description on one line, short enough to sit beside its candidate. */
function describe(text: string): string {
  const line = safeText(text.replace(/\s+/g, ' ').trim());
  return truncate(line, 60);
}

const startingWith = (typed: string, candidates: Candidate[]): Candidate[] =>
  candidates.filter((candidate) => candidate.value.startsWith(typed));

/** Films whose slug starts with what is typed; failing that, whose slug or title contains it. */
function filmCandidates(films: readonly Film[], typed: string): Candidate[] {
  const all = films.map((film) => ({ value: film.slug, description: describe(filmLabel(film)) }));
  const byStart = startingWith(typed, all);
  if (byStart.length || !typed) return byStart;
  const key = textKey(typed);
  return all.filter((_candidate, index) => {
    const film = films[index] as Film;
    return film.slug.includes(key) || textKey(film.title).includes(key);
  });
}

function reviewCandidates(films: readonly Film[], typed: string): Candidate[] {
  const key = typed.toLowerCase();
  return films.flatMap((film) =>
    film.reviews
      .filter((review) => review.id.startsWith(key))
      .map((review) => ({
        value: review.id,
        description: describe(`${review.author} on ${film.title}, ${review.createdAt.slice(0, 10)}`),
      })),
  );
}

function optionCandidates(options: readonly OptionSpec[], typed: string): Candidate[] {
  return startingWith(
    typed,
    options.flatMap((option) => option.flags.map((flag) => ({ value: flag, description: describe(option.description) }))),
  );
}

const findCommand = (node: CommandTree, word: string): CommandTree | undefined =>
  node.commands.find((command) => command.name === word || command.aliases.includes(word));

/**
 * What may come at the end of `words` (the words after `films`, the last one being completed).
 * The store is read only for film slugs and review ids.
 */
export async function complete(tree: CommandTree, words: readonly string[], films: () => Promise<readonly Film[]>): Promise<Completion> {
  const globals = tree.options.filter((option) => !option.flags.some((flag) => ['--version', '--help'].includes(flag)));
  let node = tree;
  const path: string[] = [];
  const positionals: string[] = [];
  let pending: OptionSpec | null = null;
  const optionOf = (flag: string): OptionSpec | undefined =>
    [...node.options, ...globals].find((option) => option.flags.includes(flag.split('=')[0] as string));
  const isOption = (word: string): boolean => word.startsWith('--') || /^-[a-zA-Z]$/.test(word);
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = null;
    } else if (isOption(word)) {
      const option = optionOf(word);
      if (option?.takesValue && !word.includes('=')) pending = option;
    } else if (positionals.length === 0 && findCommand(node, word)) {
      node = findCommand(node, word) as CommandTree;
      path.push(node.name);
    } else {
      positionals.push(word);
    }
  }
  const typed = words.at(-1) ?? '';
  const where = path.join(' ');
  if (pending) return optionValues(pending, where, typed, films);
  const assigned = /^(--[^=]+)=(.*)$/s.exec(typed);
  const assignedTo = assigned ? optionOf(assigned[1] as string) : undefined;
  if (assigned && assignedTo?.takesValue) {
    // --format=l: the value's candidates, each written whole.
    const values = await optionValues(assignedTo, where, assigned[2] as string, films);
    return values.files
      ? values
      : offer(values.candidates.map((candidate) => ({ ...candidate, value: `${assigned[1] as string}=${candidate.value}` })));
  }
  const argument = node.arguments[positionals.length] ?? node.arguments.findLast((candidate) => candidate.variadic);
  const query = argument?.name === 'query' ? (QUERY_FIELDS[where] ?? []) : null;
  if (typed.startsWith('--') || (typed.startsWith('-') && query === null))
    return offer(optionCandidates([...node.options, ...globals], typed));
  if (typed.startsWith('-')) {
    const negated = query?.map((field) => ({ value: `-${field}:`, description: `not ${field}` })) ?? [];
    return offer([...optionCandidates([...node.options, ...globals], typed), ...startingWith(typed, negated)]);
  }
  if (node.commands.length && positionals.length === 0) {
    return offer(
      startingWith(
        typed,
        node.commands.map((command) => ({ value: command.name, description: describe(command.description) })),
      ),
    );
  }
  if (!argument) return offer([]);
  if (argument.choices)
    return offer(
      startingWith(
        typed,
        argument.choices.map((value) => ({ value })),
      ),
    );
  if (FILE_ARGUMENTS.has(argument.name)) return FILES;
  switch (argument.name) {
    case 'film':
      return offer(filmCandidates(await films(), typed));
    case 'id':
      return offer(reviewCandidates(await films(), typed));
    case 'query': {
      const fields = startingWith(
        typed,
        (query ?? []).map((field) => ({ value: `${field}:` })),
      );
      // A bare word that is a film's slug matches that film.
      return offer(typed.includes(':') ? fields : [...fields, ...filmCandidates(await films(), typed)]);
    }
    case 'rating':
      return offer(
        startingWith(
          typed,
          Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MAX - i).map((value) => ({
            value: String(value),
            description: ratingLabel(value),
          })),
        ),
      );
    case 'command':
      return offer(
        startingWith(
          typed,
          positionals.reduce((group, word) => findCommand(group, word) ?? group, tree).commands.map((command) => ({ value: command.name })),
        ),
      );
    default:
      return offer([]);
  }
}

async function optionValues(option: OptionSpec, where: string, typed: string, films: () => Promise<readonly Film[]>): Promise<Completion> {
  if (option.choices)
    return offer(
      startingWith(
        typed,
        option.choices.map((value) => ({ value })),
      ),
    );
  if (option.flags.some((flag) => FILE_OPTIONS.has(flag))) return FILES;
  if (option.flags.includes('--film')) return offer(filmCandidates(await films(), typed));
  if (option.flags.includes('--sort')) {
    const keys = SORT_KEYS[where] ?? [];
    return offer(
      startingWith(
        typed,
        [...keys, ...keys.map((key) => `-${key}`)].map((value) => ({ value })),
      ),
    );
  }
  return offer([]);
}

/** `films __complete <words…>`: a candidate per line (a tab before its description), or `:files` alone. */
export async function run(options: CompleteOptions, { io }: Deps): Promise<void> {
  // A store that cannot be read offers no films: completion never prints an error into the command line.
  const films = async (): Promise<readonly Film[]> => (await readStore(options.store).catch(() => ({ films: [] }))).films;
  const completion = await complete(options.tree, options.words, films);
  if (completion.files) {
    io.out.write(':files\n');
    return;
  }
  io.out.write(completion.candidates.map(({ value, description }) => (description ? `${value}\t${description}\n` : `${value}\n`)).join(''));
}
