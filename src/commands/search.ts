import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';

export interface SearchOptions {
  store: string;
  words: string[];
  json: boolean;
}

export async function run(options: SearchOptions, { io }: Deps): Promise<void> {
  const { searchFilms, searchWords } = await import('../domain/search.js');
  const words = searchWords(options.words);
  if (words.length === 0) throw new UsageError('nothing to search for', 'give one or more words');
  const { readStore } = await import('../store/file.js');
  const results = searchFilms((await readStore(options.store)).films, words);
  if (options.json) {
    const { searchJson, toJson } = await import('../formats/json-export.js');
    io.out.write(`${toJson(searchJson(results))}\n`);
    return;
  }
  const { renderSearch } = await import('../render/search.js');
  io.out.write(renderSearch(results, { width: io.columns, color: io.color, reviewsPerFilm: 5 }));
}
