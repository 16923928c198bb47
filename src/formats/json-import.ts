import { basename } from 'node:path';
import { DataError } from '../errors.js';
import { KNOWN_VERSIONS, STORE_VERSION, type Film } from '../domain/model.js';
import { filmProblems, reviewLimitProblems } from '../domain/rules.js';
import { MAX_JSON_DEPTH, scanKeys, shortPath } from './forbidden-keys.js';
import { badRow, emptyBatch, type ImportBatch } from './import-batch.js';
import { NO_PROGRESS } from '../progress.js';

/**
 * Checks one film of a document against the store's schema (store/validate.ts gives it): the film,
 * or what is wrong as lines like `films[3].year: …` (`path` is where the film is).
 */
export type CheckFilm = (
  value: unknown,
  path: readonly (string | number)[],
) => { ok: true; film: Film } | { ok: false; problems: string[] };

/** Deletes keys that could reach a prototype, returning where they were; refuses a document nested deeper than any export. */
function dropForbiddenKeys(value: unknown, file: string): string[] {
  const { forbidden, tooDeep } = scanKeys(value);
  if (tooDeep !== null) {
    throw new DataError(
      `${file}: nested more than ${MAX_JSON_DEPTH} levels deep at ${shortPath(tooDeep)}`,
      'nothing was imported; a films export is never that deep',
    );
  }
  for (const { owner, key } of forbidden) Reflect.deleteProperty(owner, key);
  return forbidden.map(({ at }) => at);
}

/** `films export --format ndjson`: a film per line; null when the text is not that. */
function parseNdjson(text: string): unknown[] | null {
  try {
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as unknown);
  } catch {
    return null;
  }
}

/**
 * The limits every way in obeys (a film that breaks one is a bad row, reviews and all), as lines
 * like `films[3].reviews[2]: the author is …`. An export restores what a store held, so the rules
 * of new entries (text or a rating, not in the future) are not asked of it.
 */
function limitProblems(film: Film, path: string): string[] {
  return [
    ...filmProblems(film).map(({ why }) => `${path}: ${why}`),
    ...film.reviews.flatMap((review, r) => reviewLimitProblems(review).map(({ why }) => `${path}.reviews[${r}]: ${why}`)),
  ];
}

/** Our own export document ({ "version": 2, "films": [...] }, or 1 of older films), its NDJSON form, or a `films list --json` array. */
export function parseExportJson(text: string, file: string, checkFilm: CheckFilm, progress = NO_PROGRESS): ImportBatch {
  progress.step(`Reading ${basename(file)}`, 'films');
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (error) {
    json = parseNdjson(body);
    if (json === null) throw new DataError(`${file}: not valid JSON (${(error as Error).message})`, 'check the file, or pass --format');
  }
  const batch = emptyBatch('snapshot');
  // One by one: push(...lines) overflows the stack past ~120,000 lines.
  for (const path of dropForbiddenKeys(json, file)) batch.warnings.push(`${file}: ignored the key "${path}": such keys are not allowed`);
  const single = json !== null && typeof json === 'object' && 'slug' in json && !('films' in json);
  const document: unknown = Array.isArray(json) || single ? { version: STORE_VERSION, films: single ? [json] : json } : json;
  if (typeof document !== 'object' || document === null || !('films' in document) || !Array.isArray(document.films)) {
    throw new DataError(
      `${file}: not a films export (expected { "version": ${STORE_VERSION}, "films": [...] })`,
      "make one with 'films export'",
    );
  }
  const version = 'version' in document ? document.version : undefined;
  if (!(KNOWN_VERSIONS as readonly unknown[]).includes(version)) {
    throw new DataError(
      `${file}: export version ${String(version)} is not one this films reads (${KNOWN_VERSIONS.join(' or ')})`,
      'upgrade films',
    );
  }
  const found = { films: 0, reviews: 0 };
  progress.step(`Checking ${basename(file)}`, 'films', document.films.length);
  (document.films as unknown[]).forEach((candidate, index) => {
    const checked = checkFilm(candidate, ['films', index]);
    const problems = checked.ok ? limitProblems(checked.film, `films[${index}]`) : checked.problems;
    if (checked.ok && problems.length === 0) {
      batch.films.push(checked.film);
      found.films += 1;
      found.reviews += checked.film.reviews.length;
    } else badRow(batch, file, problems);
    progress.advance(index + 1, found);
  });
  return batch;
}
