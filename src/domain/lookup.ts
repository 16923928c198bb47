import { NotFoundError } from '../errors.js';
import type { Film } from './model.js';
import { filmLabel, quoted } from './rules.js';
import { editDistance } from './nearest.js';
import { textKey } from './text-key.js';

/**
 * Only the start of a title and of what was typed are compared: enough to suggest the film meant,
 * and the cost of a suggestion stays bounded per film however long a title is.
 */
const COMPARED_LENGTH = 100;
const distanceOfStarts = (a: string, b: string): number => editDistance(a.slice(0, COMPARED_LENGTH), b.slice(0, COMPARED_LENGTH));

/** The titles nearest to what was typed, closest first. */
export function nearestFilms(films: readonly Film[], query: string, count = 3): Film[] {
  const key = textKey(query);
  const distance = (film: Film): number => {
    const title = textKey(film.title);
    const shared = title.includes(key) || key.includes(title) ? 0 : 1;
    return Math.min(distanceOfStarts(key, title), distanceOfStarts(key, film.slug)) + shared * 2;
  };
  return films
    .map((film) => ({ film, score: distance(film) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, count)
    .map(({ film }) => film);
}

/** "Dear Comrades" finds "Dear Comrades!": punctuation and spaces aside. */
const lettersAndDigits = (key: string): string => key.replace(/[^\p{L}\p{N}]+/gu, '');

/** Titles in a message are cut to this many characters: a huge one would bury the message. */
const NAMED_LENGTH = 80;
const named = (title: string): string =>
  title.length > NAMED_LENGTH ? `${title.slice(0, NAMED_LENGTH).replace(/[\ud800-\udbff]$/, '')}…` : title;

/** Whether a title typed (`key`, and `bare` without punctuation) names a title's key, as lookup finds it: any case, accents, punctuation and spaces aside. */
function keyMatches(titleKey: string, key: string, bare: string): boolean {
  return titleKey === key || (bare !== '' && lettersAndDigits(titleKey) === bare);
}

/** Whether two titles are the same as lookup tells them: "dear comrades" is "Dear Comrades!". */
export function sameTitle(a: string, b: string): boolean {
  const key = textKey(a);
  return keyMatches(textKey(b), key, lettersAndDigits(key));
}

const describe = (film: Film): string => `${filmLabel(film, (title) => quoted(named(title)))} [${film.slug}]`;

function ambiguous(query: string, matches: readonly Film[]): NotFoundError {
  const shown = matches.slice(0, 5).map(describe).join(', ');
  const more = matches.length > 5 ? ` and ${matches.length - 5} more` : '';
  return new NotFoundError(`"${query}" matches ${matches.length} films: ${shown}${more}`, 'give the slug of the one you mean');
}

/** A film's titles as keys: its title, and its localised title when it has one. */
const titleKeys = (film: Film): string[] => [film.title, ...(film.localTitle ? [film.localTitle] : [])].map(textKey);

/** Finds a film by slug, by title or localised title (case- and accent-insensitive), or by a unique prefix of any. */
export function findFilm(films: readonly Film[], query: string): Film {
  const bySlug = films.find((film) => film.slug === query);
  if (bySlug) return bySlug;
  const key = textKey(query);
  const bare = lettersAndDigits(key);
  const byTitle = films.filter((film) => titleKeys(film).some((title) => keyMatches(title, key, bare)));
  if (byTitle.length === 1 && byTitle[0]) return byTitle[0];
  if (byTitle.length > 1) throw ambiguous(query, byTitle);
  const byPrefix = key ? films.filter((film) => film.slug.startsWith(key) || titleKeys(film).some((title) => title.startsWith(key))) : [];
  if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
  if (byPrefix.length > 1) throw ambiguous(query, byPrefix);
  if (films.length === 0) {
    throw new NotFoundError(`no film "${query}": the store has no films yet`, `add one with 'films import <page.txt>'`);
  }
  const nearest = nearestFilms(films, query).map(describe).join(', ');
  throw new NotFoundError(`no film "${query}"`, `did you mean ${nearest}? ('films list' shows them all)`);
}
