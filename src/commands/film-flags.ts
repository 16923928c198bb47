import type { Command } from 'commander';
import type { FilmInput } from '../domain/films.js';
import { parseList } from '../domain/lists.js';
import { parseYear } from '../domain/rules.js';
import { collect } from './flag-values.js';

/** The film flags that `films add` and `films edit` share. */
export interface FilmFlags {
  title?: string;
  year?: string;
  country?: string[];
  genre?: string[];
  synopsis?: string;
  cast?: string[];
  json?: boolean;
}

export function addFilmFlags(command: Command): Command {
  return command
    .option('--title <title>', 'the title')
    .option('--year <year>', 'the release year ("none" to clear it)')
    .option('--country <name>', 'a country (repeatable, or "A, B"; "none" to clear the list)', collect)
    .option('--genre <name>', 'a genre (repeatable, or "A, B"; "none" to clear the list)', collect)
    .option('--synopsis <text>', 'what it is about')
    .option('--cast <name>', 'a cast member (repeatable, or "A, B"; "none" to clear the list)', collect)
    .option('--json', 'print the film as JSON');
}

/** Only what the flags give; the rest stays undefined. */
export function parseFilmFlags(flags: FilmFlags): Partial<FilmInput> {
  const given: Partial<FilmInput> = {};
  if (flags.title !== undefined) given.title = flags.title;
  if (flags.year !== undefined) given.year = parseYear(flags.year);
  if (flags.country) given.countries = parseList(flags.country);
  if (flags.genre) given.genres = parseList(flags.genre);
  if (flags.synopsis !== undefined) given.synopsis = flags.synopsis;
  if (flags.cast) given.cast = parseList(flags.cast);
  return given;
}
