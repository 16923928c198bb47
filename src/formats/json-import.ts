import { basename } from 'node:path';
import { DataError } from '../errors.js';
import { KNOWN_VERSIONS, STORE_VERSION, type Film } from '../domain/model.js';
import { filmLimitProblems } from '../domain/rules.js';
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

/** Why a document's version is not one films reads: a newer one needs a newer films; anything else is not our export. */
function unknownVersion(file: string, version: unknown): DataError {
  const known = `(${KNOWN_VERSIONS.join(' or ')})`;
  if (typeof version === 'number' && Number.isInteger(version) && version > STORE_VERSION)
    return new DataError(`${file}: export version ${version} is newer than this films reads ${known}`, 'upgrade films');
  const what =
    version === undefined
      ? 'has no "version"'
      : typeof version === 'number'
        ? `has version ${version}, not one films writes ${known}`
        : `has a version that is not a number (${JSON.stringify(version).slice(0, 40)})`;
  return new DataError(`${file}: not a films export: it ${what}`, 'make one with \'films export\', or fix its "version"');
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
  if (!(KNOWN_VERSIONS as readonly unknown[]).includes(version)) throw unknownVersion(file, version);
  const found = { films: 0, reviews: 0 };
  progress.step(`Checking ${basename(file)}`, 'films', document.films.length);
  (document.films as unknown[]).forEach((candidate, index) => {
    const checked = checkFilm(candidate, ['films', index]);
    const problems = checked.ok ? filmLimitProblems(checked.film, `films[${index}]`) : checked.problems;
    if (checked.ok && problems.length === 0) {
      batch.films.push(checked.film);
      found.films += 1;
      found.reviews += checked.film.reviews.length;
    } else badRow(batch, file, problems);
    progress.advance(index + 1, found);
  });
  return batch;
}
