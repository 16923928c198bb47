import { DataError } from '../errors.js';
import type { IncomingFilm } from '../domain/merge.js';
import { filmSchema, STORE_VERSION } from '../store/schema.js';
import { forbiddenKeyPaths, mayHoldForbiddenKey } from '../store/forbidden-keys.js';
import { pathOf } from '../store/validate.js';
import { emptyBatch, type ImportBatch } from './import-batch.js';

/** Deletes keys that could reach a prototype, returning where they were. */
function dropForbiddenKeys(text: string, value: unknown): string[] {
  const paths = mayHoldForbiddenKey(text) ? forbiddenKeyPaths(value) : [];
  for (const path of paths) {
    const steps = path.match(/[^.[\]]+/g) ?? [];
    const key = steps.pop() as string;
    const owner = steps.reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], value);
    delete (owner as Record<string, unknown>)[key];
  }
  return paths;
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

/** Our own export document ({ "version": 1, "films": [...] }), its NDJSON form, or a `films list --json` array. */
export function parseExportJson(text: string, file: string): ImportBatch {
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
  for (const path of dropForbiddenKeys(text, json)) batch.warnings.push(`${file}: ignored the key "${path}": such keys are not allowed`);
  const single = json !== null && typeof json === 'object' && 'slug' in json && !('films' in json);
  const document = Array.isArray(json) || single ? { version: STORE_VERSION, films: single ? [json] : json } : (json as { version?: unknown; films?: unknown });
  if (typeof document !== 'object' || document === null || !Array.isArray(document.films)) {
    throw new DataError(`${file}: not a films export (expected { "version": ${STORE_VERSION}, "films": [...] })`, "make one with 'films export'");
  }
  if (document.version !== STORE_VERSION) {
    throw new DataError(`${file}: export version ${String(document.version)} is not one this films reads (${STORE_VERSION})`, 'upgrade films');
  }
  document.films.forEach((candidate: unknown, index: number) => {
    const parsed = filmSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) batch.problems.push(`${file}: ${pathOf(['films', index, ...issue.path])}: ${issue.message}`);
      return;
    }
    const film: IncomingFilm = parsed.data;
    batch.films.push(film);
  });
  return batch;
}
