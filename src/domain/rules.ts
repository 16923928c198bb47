import { UsageError } from '../errors.js';

const YEAR_MIN = 1870;
const YEAR_MAX = 2200;

/** A year as typed: a whole number from 1870 to 2200, or "none". */
export function parseYear(value: string, flag = '--year'): number | null {
  const trimmed = value.trim();
  if (/^(none|)$/i.test(trimmed)) return null;
  const year = Number(trimmed);
  if (!/^\d{4}$/.test(trimmed) || year < YEAR_MIN || year > YEAR_MAX) {
    throw new UsageError(`${flag} must be a year from ${YEAR_MIN} to ${YEAR_MAX}, not "${value}"`, `for example ${flag} 2020`);
  }
  return year;
}
