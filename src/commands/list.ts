import { lookOf, writeEach, type Deps } from '../io.js';
import { readStore } from '../store/file.js';
import { selectFilms } from '../domain/catalogue-query.js';
import { filmJson, toJson } from '../formats/json-export.js';
import { filmListPieces } from '../render/film-list.js';
import { youWhenAsked } from './you.js';

export interface ListCommandOptions {
  store: string;
  terms: string[];
  sort: string;
  output: 'table' | 'json' | 'ndjson';
  limit: number | null;
}

export async function run(options: ListCommandOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  const { films } = await readStore(options.store);
  const { items: shown, total } = selectFilms(films, options.terms, options.sort, options.limit, youWhenAsked(deps));
  if (options.output !== 'table') {
    const docs = shown.map(filmJson);
    io.out.write(options.output === 'json' ? `${toJson(docs)}\n` : docs.map((doc) => `${toJson(doc, 0)}\n`).join(''));
    return;
  }
  await writeEach(io.out, filmListPieces(shown, { total, inStore: films.length }, lookOf(io)));
}
