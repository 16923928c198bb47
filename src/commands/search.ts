import { UsageError } from '../errors.js';
import { lookOf, writeEach, type Deps } from '../io.js';
import { searchFilms, searchWords } from '../domain/search.js';
import { readStore } from '../store/file.js';
import { searchJson, toJson } from '../formats/json-export.js';
import { searchPieces } from '../render/search.js';

export interface SearchOptions {
  store: string;
  words: string[];
  /** Every matching review of each film, not only the first few. */
  all: boolean;
  /** Excerpts of reviews marked as spoilers too. */
  spoilers: boolean;
  json: boolean;
}

/** Matching reviews shown per film without --all. */
const REVIEWS_PER_FILM = 5;

export async function run(options: SearchOptions, { io }: Deps): Promise<void> {
  const words = searchWords(options.words);
  if (words.length === 0) throw new UsageError('nothing to search for', 'give one or more words');
  const results = searchFilms((await readStore(options.store)).films, words);
  if (options.json) {
    io.out.write(`${toJson(searchJson(results))}\n`);
    return;
  }
  await writeEach(
    io.out,
    searchPieces(results, { ...lookOf(io), reviewsPerFilm: options.all ? null : REVIEWS_PER_FILM, spoilers: options.spoilers }),
  );
}
