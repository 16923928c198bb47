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
const LINK = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
const TAG = /<\/?[a-z][^>]*>/gi;

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
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(TAG, ''),
  );

/**
 * Review HTML as Letterboxd exports it, as plain text: paragraphs and breaks become line breaks,
 * links keep their targets as "text (url)", other tags go, and every entity is decoded.
 */
export function htmlToText(html: string): string {
  const source = html.replace(/\r\n?/g, '\n');
  let text = '';
  let from = 0;
  for (const link of source.matchAll(LINK)) {
    const [whole, double, single, bare, inner] = link;
    text += plainText(source.slice(from, link.index)) + linkText(double ?? single ?? bare ?? '', inner ?? '');
    from = link.index + whole.length;
  }
  return (text + plainText(source.slice(from))).trim();
}
