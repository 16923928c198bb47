/** Reading the cells of exported CSV rows: each returns a value or a sentence saying what is wrong. */
export type Cell<T> = { ok: true; value: T } | { ok: false; why: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(why: string): Cell<T> => ({ ok: false, why });

/** YYYY-MM-DD that exists. */
export function isoDay(value: string, what: string): Cell<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return bad(`${what} "${value}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return bad(`${what} "${value}" is not a real date`);
  return ok(value.trim());
}

export function optionalYear(value: string): Cell<number | null> {
  const trimmed = value.trim();
  if (!trimmed) return ok(null);
  const year = Number(trimmed);
  return /^\d{4}$/.test(trimmed) && year >= 1870 && year <= 2200 ? ok(year) : bad(`year "${value}" is not a year`);
}

/** A CSV cell's list ("Drama, History" or "a, b"): trimmed, empty entries dropped. */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Review HTML as Letterboxd exports it, as plain text: paragraphs and breaks become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .trim();
}
