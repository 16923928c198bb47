import { InvalidArgumentError } from 'commander';

/** Commander value parser for a whole number ≥ 1 (`--limit 5`). */
export function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  }
  return count;
}

/** Commander value parser that collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
