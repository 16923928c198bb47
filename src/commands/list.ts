import type { Deps } from '../io.js';

export interface ListCommandOptions {
  store: string;
  terms: string[];
  sort: string;
  output: 'table' | 'json' | 'ndjson';
  limit: number | null;
}

export async function run(options: ListCommandOptions, { io }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { selectFilms } = await import('../domain/catalogue-query.js');
  const { films } = await readStore(options.store);
  const { items: shown, total } = selectFilms(films, options.terms, options.sort, options.limit);
  if (options.output !== 'table') {
    const { filmJson, toJson } = await import('../formats/json-export.js');
    const docs = shown.map(filmJson);
    io.out.write(options.output === 'json' ? `${toJson(docs)}\n` : docs.map((doc) => `${toJson(doc, 0)}\n`).join(''));
    return;
  }
  const { renderFilmList } = await import('../render/film-list.js');
  io.out.write(renderFilmList(shown, { total, inStore: films.length }, { width: io.columns, color: io.color }));
}
