import { InvalidArgumentError } from 'commander';

/** `--limit none`: no limit. Commander turns a parser's null into '', so it stays a word until read by `limitOf`. */
export type Limit = number | 'none';

/** Commander value parser for `--limit`: a whole number ≥ 1, or `none`. */
export function parseLimit(value: string): Limit {
  if (value === 'none') return value;
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more, or none for all');
  }
  return count;
}

/** The most items a `--limit` shows, null for all of them; `otherwise` when it was not given. */
export const limitOf = (limit: Limit | undefined, otherwise: number | null): number | null =>
  limit === 'none' ? null : (limit ?? otherwise);

/** Commander value parser that collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
