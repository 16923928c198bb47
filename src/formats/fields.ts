import { decodeHTML } from 'entities';
import type { Reading } from '../domain/rules.js';

/** Reading the cells of exported CSV rows (the rules for ratings, years and dates are in domain/rules.ts). */

/** A CSV cell's list ("Drama, History" or "a, b"): trimmed, empty entries dropped. */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** A yes-or-no cell (Letterboxd's Rewatch): true, yes or 1; false, no, 0 or empty. */
export function readFlag(value: string, what: string): Reading<boolean> {
  const word = value.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(word)) return { ok: true, value: true };
  if (['false', 'no', '0', ''].includes(word)) return { ok: true, value: false };
  return { ok: false, why: `${what} "${value.trim()}" is neither yes nor no` };
}

/** A non-breaking space written as an entity, with or without its semicolon, as HTML reads text. */
const NBSP_ENTITY = /&(?:nbsp|#0*160|#x0*a0);?/gi;
/** Tags and their parts end at the next < or >, so text full of unclosed ones costs linear time, not quadratic. */
const OPEN_LINK = /<a\b[^<>]*>/gi;
const CLOSE_LINK = /<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s<>'"]+))/i;
const TAG = /<\/?[a-z][^<>]*>/gi;

/** Entities decoded by `entities` (every named one HTML knows, and numeric ones), a non-breaking space as a plain one. */
const decode = (html: string): string => decodeHTML(html.replace(NBSP_ENTITY, ' '));

/** A link as text: "text (url)", or the url alone when the text is the url or empty. */
function linkText(href: string, inner: string): string {
  const url = decode(href).trim();
  const text = decode(inner.replace(TAG, '')).trim();
  return !url || text === url ? text || url : text ? `${text} (${url})` : url;
}

/** HTML without links as text: breaks and paragraphs become line breaks, tags go, entities are decoded. */
const plainText = (html: string): string =>
  decode(
    html
      // The line break that may follow a <br> in the source is the same break, as HTML reads it (the text's own line breaks are kept).
      .replace(/<br\s*\/?>\n?/gi, '\n')
      .replace(/<\/p>\s*<p\b[^<>]*>/gi, '\n\n')
      .replace(TAG, ''),
  );

/**
 * Review HTML as Letterboxd exports it, as plain text: paragraphs and breaks become line breaks,
 * links keep their targets as "text (url)", other tags go, and every entity is decoded.
 */
export function htmlToText(html: string): string {
  const source = html.replace(/\r\n?/g, '\n');
  const closes = [...source.matchAll(CLOSE_LINK)];
  let close = 0;
  let text = '';
  let from = 0;
  for (const open of source.matchAll(OPEN_LINK)) {
    if (open.index < from) continue;
    const end = open.index + open[0].length;
    while (close < closes.length && (closes[close] as RegExpExecArray).index < end) close++;
    const closing = closes[close];
    const href = HREF.exec(open[0]);
    if (!closing || !href) continue;
    text += plainText(source.slice(from, open.index)) + linkText(href[1] ?? href[2] ?? href[3] ?? '', source.slice(end, closing.index));
    from = closing.index + closing[0].length;
  }
  return (text + plainText(source.slice(from))).trim();
}
