import { createHash } from 'node:crypto';
import slugifyText from '@sindresorhus/slugify';

/** Conventional romanisation where the library's default differs (Дорогие товарищи → tovarishchi). */
const REPLACEMENTS: [string, string][] = [
  ['щ', 'shch'],
  ['Щ', 'Shch'],
];

/** Accented Latin loses its accents (über → uber); other scripts go to the transliterator untouched. */
function stripLatinAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

/** The slug of a title: lower-case ASCII words joined by "-", with a stable fallback for scripts that do not romanise. */
export function slugFor(title: string): string {
  const slug = slugifyText(stripLatinAccents(title), { customReplacements: REPLACEMENTS });
  return slug || `film-${createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

/**
 * A slug not in `taken`: the title's, then with the year, then with a counter. `counters` (kept by
 * a caller that gives many slugs) remembers where each counter got to, so a thousand films of one
 * title and year cost a thousand steps, not half a million.
 */
export function uniqueSlug(title: string, year: number | null, taken: ReadonlySet<string>, counters = new Map<string, number>()): string {
  const base = slugFor(title);
  if (!taken.has(base)) return base;
  const withYear = year === null ? base : `${base}-${year}`;
  if (!taken.has(withYear)) return withYear;
  for (let counter = counters.get(withYear) ?? 2; ; counter++) {
    const candidate = `${withYear}-${counter}`;
    if (!taken.has(candidate)) {
      counters.set(withYear, counter + 1);
      return candidate;
    }
  }
}
