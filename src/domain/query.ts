import { UsageError } from '../errors.js';
import { choiceHint } from './nearest.js';
import { readPeriod, type Period } from './rules.js';
import { textKey } from './text-key.js';

/**
 * How a field of an item is read for matching: text, a list of texts, a number (null when unknown),
 * yes or no, or the days something happened (YYYY-MM-DD), with whether it happened at all when that
 * is more than having days (a film marked watched without a day).
 */
export type FieldReader<T> =
  | { kind: 'text'; read: (item: T) => string }
  | { kind: 'list'; read: (item: T) => readonly string[] }
  | { kind: 'number'; read: (item: T) => number | null }
  | { kind: 'flag'; read: (item: T) => boolean }
  | { kind: 'days'; read: (item: T) => readonly string[]; any?: (item: T) => boolean };

export type Fields<T> = Record<string, FieldReader<T>>;

export type Test<T> = (item: T) => boolean;

const RANGE = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

function numberTest<T>(field: string, value: string, read: (item: T) => number | null): Test<T> {
  const range = RANGE.exec(value);
  if (NUMBER.test(value)) return (item) => read(item) === Number(value);
  if (!range || (range[1] === undefined && range[2] === undefined)) {
    throw new UsageError(
      `malformed value "${value}" for ${field}`,
      `use a number or a range: ${field}:1960..1969, ${field}:8.. or ${field}:..5`,
    );
  }
  const low = range[1] === undefined ? -Infinity : Number(range[1]);
  const high = range[2] === undefined ? Infinity : Number(range[2]);
  if (low > high) throw new UsageError(`the range "${value}" for ${field} is empty`, 'put the smaller number first');
  return (item) => {
    const n = read(item);
    return n !== null && n >= low && n <= high;
  };
}

function flagTest<T>(field: string, value: string, read: (item: T) => boolean): Test<T> {
  const wanted = value.toLowerCase();
  if (wanted !== 'yes' && wanted !== 'no')
    throw new UsageError(`${field} takes yes or no, not "${value}"`, `write ${field}:yes or ${field}:no`);
  return wanted === 'yes' ? read : (item) => !read(item);
}

const DAYS_EXAMPLE = (field: string): string =>
  `use a year, a month, a day or a range of them: ${field}:2024, ${field}:2024-03, ${field}:2024.., ${field}:..2023-12-31, or ${field}:yes`;

/** One end of a range of days, as the period it names; an empty end is open. */
function periodOf(field: string, value: string, end: string): Period | null {
  if (end === '') return null;
  const period = readPeriod(end);
  if (!period.ok) throw new UsageError(`malformed value "${value}" for ${field}: ${period.why}`, DAYS_EXAMPLE(field));
  return period.value;
}

/** Days: yes/no (any at all), a period (2024, 2024-03, 2024-03-14) or a range of periods, open on either side. */
function daysTest<T>(field: string, value: string, reader: Extract<FieldReader<T>, { kind: 'days' }>): Test<T> {
  const any = reader.any ?? ((item: T) => reader.read(item).length > 0);
  if (/^(yes|no)$/i.test(value)) return flagTest(field, value, any);
  const ends = value.split('..');
  if (ends.length > 2 || (ends.length === 2 && ends[0] === '' && ends[1] === '')) {
    throw new UsageError(`malformed value "${value}" for ${field}`, DAYS_EXAMPLE(field));
  }
  const low = periodOf(field, value, ends[0] ?? '');
  const high = ends.length === 2 ? periodOf(field, value, ends[1] ?? '') : low;
  const first = low?.first ?? '';
  const last = high?.last ?? '9999-99-99';
  if (first > last) throw new UsageError(`the range "${value}" for ${field} is empty`, 'put the earlier day first');
  return (item) => reader.read(item).some((day) => day >= first && day <= last);
}

function fieldTest<T>(reader: FieldReader<T>, field: string, value: string): Test<T> {
  if (reader.kind === 'number') return numberTest(field, value, reader.read);
  if (reader.kind === 'flag') return flagTest(field, value, reader.read);
  if (reader.kind === 'days') return daysTest(field, value, reader);
  const wanted = textKey(value);
  if (reader.kind === 'text') return (item) => textKey(reader.read(item)).includes(wanted);
  return (item) => reader.read(item).some((entry) => textKey(entry).includes(wanted));
}

/** The test of `field:value`, the one rule whether it is written in a query or given by a flag (--author). */
export function fieldMatch<T>(fields: Fields<T>, field: string, value: string): Test<T> {
  const reader = fields[field];
  if (!reader) throw new Error(`no field ${field}`);
  return fieldTest(reader, field, value);
}

const unquote = (value: string): string => value.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');

/**
 * A query in the spirit of beets and taskwarrior: every term must hold. `word` searches the
 * default field, and is also the item whose `slugOf` it is (`dear-comrades` is that film);
 * `field:value` one field (numbers take ranges like 1960..1969 or 8..), and a leading `-` negates a term.
 */
export function parseQuery<T>(terms: readonly string[], fields: Fields<T>, defaultField: string, slugOf?: (item: T) => string): Test<T> {
  const tests = terms.map((raw): Test<T> => {
    if (raw.startsWith('--')) throw new UsageError(`unknown option '${raw}'`, "run 'films --help' for usage");
    const negate = raw.startsWith('-') && raw.length > 1;
    const term = negate ? raw.slice(1) : raw;
    const match = /^([a-z]+):(.*)$/is.exec(term);
    const field = match ? (match[1] as string).toLowerCase() : defaultField;
    const value = unquote(match ? (match[2] as string) : term).trim();
    const reader = fields[field];
    if (!reader)
      throw new UsageError(
        `unknown field "${field}" in "${raw}"`,
        choiceHint(field, Object.keys(fields), `known fields: ${Object.keys(fields).join(', ')}`),
      );
    if (!value) throw new UsageError(`"${raw}" has no value`, `write it as ${field}:value`);
    const inField = fieldTest(reader, field, value);
    const slug = value.toLowerCase();
    const test: Test<T> = match || !slugOf ? inField : (item) => inField(item) || slugOf(item) === slug;
    return negate ? (item) => !test(item) : test;
  });
  return (item) => tests.every((test) => test(item));
}

export interface SortKey<T> {
  read: (item: T, index: number) => string | number | null;
}

/** Sorts by `spec` (a key name, `-` first for descending); unknown values last either way; ties keep their order. */
export function sortBy<T>(items: readonly T[], spec: string, keys: Record<string, SortKey<T>>): T[] {
  const descending = spec.startsWith('-');
  const name = descending ? spec.slice(1) : spec;
  const key = keys[name];
  const names = Object.keys(keys);
  if (!key)
    throw new UsageError(
      `cannot sort by "${name}"`,
      choiceHint(name, names, `sort by one of: ${names.join(', ')}; prefix - for descending`),
    );
  return items
    .map((item, index) => ({ item, value: key.read(item, index) }))
    .sort((a, b) => {
      if (a.value === b.value) return 0;
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      const order = a.value < b.value ? -1 : 1;
      return descending ? -order : order;
    })
    .map(({ item }) => item);
}
