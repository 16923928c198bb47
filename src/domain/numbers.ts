/** 6367 → "6,367". Intl's number formatting costs ~20 ms to start, more than the rest of `films show`. */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A count and its noun, the one way films counts things for people: 1 film, 2 films, 6,367
 * reviews, 1 entry, 3 entries, 1 person, 2 people. `many` is for nouns whose plural is not `one` + s.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${groupDigits(count)} ${count === 1 ? one : many}`;
}
