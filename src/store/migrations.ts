import { STORE_VERSION } from '../domain/model.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A film as version 2 has it: with its marks (none, for a film of version 1). */
export function withMarks(film: unknown): unknown {
  return isObject(film) && !('marks' in film) ? { ...film, marks: [] } : film;
}

/** Version 1 → 2: films gain their marks (none yet); `lastAuthor` goes, since "you" now say who writes. */
function fromVersion1(document: Json): void {
  if (Array.isArray(document.films)) document.films = document.films.map(withMarks);
  delete document.lastAuthor;
  document.version = 2;
}

/**
 * Brings a parsed store document of an older version up to STORE_VERSION, in place, before it is
 * validated (so a problem is still reported at its place in the file). Returns the version the
 * document had; one of no known version is left for validation to refuse.
 */
export function migrateDocument(document: Json): unknown {
  const from = document.version;
  if (from === 1) fromVersion1(document);
  return from;
}

/** An older version this films still reads (and upgrades on the next write). */
export const isOlderVersion = (version: unknown): version is number =>
  typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < STORE_VERSION;
