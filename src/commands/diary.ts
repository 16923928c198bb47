import { lookOf, writeEach, type Deps } from '../io.js';
import type { Period } from '../domain/rules.js';
import { selectDiary } from '../domain/review-query.js';
import { diaryJson, toJson } from '../formats/json-export.js';
import { diaryPieces } from '../render/diary.js';
import { readStore } from '../store/file.js';
import { you } from './you.js';

export interface DiaryOptions {
  store: string;
  terms: string[];
  /** --year or --month: the days to list; null for all. */
  period: Period | null;
  /** Whose diary; null for yours. */
  author: string | null;
  json: boolean;
}

export async function run(options: DiaryOptions, deps: Deps): Promise<void> {
  const { films } = await readStore(options.store);
  const author = options.author ?? you(deps);
  const entries = selectDiary(films, author, options.terms, options.period);
  if (options.json) {
    deps.io.out.write(`${toJson(entries.map(diaryJson))}\n`);
    return;
  }
  const filtered = options.terms.length > 0 || options.period !== null;
  await writeEach(deps.io.out, diaryPieces(entries, { ...lookOf(deps.io), filtered }));
}
