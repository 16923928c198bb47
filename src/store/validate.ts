import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { forbiddenKeyPaths } from './forbidden-keys.js';
import { STORE_VERSION, storeSchema, type StoreData } from './schema.js';

export type StoreCheck = { ok: true; data: StoreData } | { ok: false; problems: string[] };

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}:${column}`;
}

/** Where JSON.parse failed: its own messages carry no position on every Node version, so a second parser finds it. */
function jsonProblem(text: string): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'invalid JSON';
  const what = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `invalid JSON at ${lineAndColumn(text, first.offset)}: ${what}`;
}

export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

function duplicateProblems(data: StoreData): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const ids = new Set<string>();
  data.films.forEach((film, f) => {
    if (slugs.has(film.slug)) problems.push(`films[${f}].slug: "${film.slug}" is used by another film`);
    slugs.add(film.slug);
    film.reviews.forEach((review, r) => {
      if (ids.has(review.id)) problems.push(`films[${f}].reviews[${r}].id: "${review.id}" is used by another review`);
      ids.add(review.id);
    });
  });
  return problems;
}

/** Parses and validates a store file's text, collecting every problem found. */
export function checkStoreText(rawText: string): StoreCheck {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problems: ['the file is empty'] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [jsonProblem(text)] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problems: [`expected an object with "version" and "films", found ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`] };
  }
  const forbidden = forbiddenKeyPaths(text, json);
  if (forbidden.length) return { ok: false, problems: forbidden.map((path) => `${path}: a key named "${path.split('.').pop()}" is not allowed`) };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > STORE_VERSION) {
    return { ok: false, problems: [`version ${version} is newer than this films understands (${STORE_VERSION}); upgrade films`] };
  }
  const parsed = storeSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${pathOf(issue.path) || 'document'}: ${issue.message}`) };
  }
  const duplicates = duplicateProblems(parsed.data);
  return duplicates.length ? { ok: false, problems: duplicates } : { ok: true, data: parsed.data };
}
