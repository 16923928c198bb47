import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import { searchFilms, searchWords } from '../domain/search.js';
import { readStore } from '../store/file.js';
import { searchJson, toJson } from '../formats/json-export.js';
import { renderSearch } from '../render/search.js';

export interface SearchOptions {
  store: string;
  words: string[];
  json: boolean;
}

export async function run(options: SearchOptions, { io }: Deps): Promise<void> {
  const words = searchWords(options.words);
  if (words.length === 0) throw new UsageError('nothing to search for', 'give one or more words');
  const results = searchFilms((await readStore(options.store)).films, words);
  if (options.json) {
    io.out.write(`${toJson(searchJson(results))}\n`);
    return;
  }
  io.out.write(renderSearch(results, { width: io.columns, color: io.color, reviewsPerFilm: 5 }));
}
