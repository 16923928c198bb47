import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFilms } from '../../src/domain/merge.js';
import type { StoreData } from '../../src/domain/model.js';
import { exportDocument } from '../../src/formats/json-export.js';
import type { ImportBatch } from '../../src/formats/import-batch.js';
import { parseImdbCsv } from '../../src/formats/imdb.js';
import { parseLetterboxdCsv, parseLetterboxdZip } from '../../src/formats/letterboxd.js';
import { emptyStore } from '../../src/store/schema.js';
import { cpuMsSince } from '../helpers/cpu-time.js';
import { generateLetterboxdExport, idsFirst, withoutTwins, zipOf } from '../helpers/letterboxd-export.js';

/**
 * A Letterboxd export imported as its zip, or twice, or as its CSV files one after another with
 * ratings.csv and watched.csv before diary.csv and reviews.csv, gives the same store (#12 item 3);
 * in any other order, the same but for the films sharing a title and year, whose diary rows met
 * one of them only (README, "Order"). Over generated exports (films sharing a title and
 * year, rewatches, entries logged in bulk, reviews with and without a watched date, changed
 * ratings, likes). bench/letterboxd-orders.ts runs all 120 orders on a 1,000-row export through
 * the CLI.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const FILES = ['diary.csv', 'reviews.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv', 'likes/films.csv'];

const merged = (batches: ImportBatch[], start: StoreData = emptyStore()): StoreData =>
  batches.reduce((data, batch) => {
    expect(batch.problems).toEqual([]);
    return mergeFilms(data, batch.films, batch.mode).data;
  }, start);

describe('a Letterboxd export in any order', () => {
  it('its files one after another (those naming films by URI first), the zip, and the zip twice give the same store; any order, but for twins', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat(),
          films: fc.integer({ min: 4, max: 40 }),
          twins: fc.integer({ min: 0, max: 4 }),
          watchlist: fc.nat({ max: 5 }),
        }),
        fc.shuffledSubarray(FILES, { minLength: FILES.length }),
        (shape, order) => {
          const files = generateLetterboxdExport(shape);
          const zip = zipOf(files);
          const fromZip = merged([parseLetterboxdZip(zip, 'export.zip', 'me', NOW, 1e8)]);
          const expected = exportDocument(fromZip.films);
          const oneByOne = merged(order.map((name) => parseLetterboxdCsv(files[name] as string, name, 'me', NOW)));
          if (idsFirst(order)) expect(exportDocument(oneByOne.films)).toBe(expected);
          else expect(withoutTwins(oneByOne.films, fromZip.films)).toBe(withoutTwins(fromZip.films, fromZip.films));
          const twice = merged([parseLetterboxdZip(zip, 'export.zip', 'me', NOW, 1e8)], fromZip);
          expect(exportDocument(twice.films)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the cost of an import grows with its rows', () => {
  it('50,000 identical diary rows of one film (no links) make as many entries, and read again add none, in linear time', () => {
    const rows = Array.from({ length: 50_000 }, () => 'Rain,2019,2024-01-01,8,,');
    const text = `Title,Year,WatchedDate,Rating10,Tags,Review\n${rows.join('\n')}\n`;
    const started = process.cpuUsage();
    const batch = parseLetterboxdCsv(text, 'diary.csv', 'me', NOW);
    const once = merged([batch]);
    const twice = mergeFilms(once, batch.films, batch.mode);
    expect(once.films[0]?.reviews).toHaveLength(50_000);
    expect(twice.data).toBe(once);
    expect(twice.result).toMatchObject({ reviewsAdded: 0, reviewsSkipped: 50_000 });
    // Quadratic matching took minutes here; linear takes well under a second.
    expect(cpuMsSince(started)).toBeLessThan(15_000);
  });

  it('20,000 films of one title told apart by their IMDb ids, in linear time', () => {
    const IMDB = 'Const,Your Rating,Date Rated,Title,Year';
    const rows = Array.from({ length: 20_000 }, (_, n) => `tt${String(n + 1).padStart(7, '0')},7,2024-01-02,Pilot,${1950 + (n % 70)}`);
    const started = process.cpuUsage();
    const batch = parseImdbCsv(`${IMDB}\n${rows.join('\n')}\n`, 'ratings.csv', 'me', NOW);
    const data = merged([batch]);
    expect(data.films).toHaveLength(20_000);
    expect(new Set(data.films.map((film) => film.slug)).size).toBe(20_000);
    expect(mergeFilms(data, batch.films, batch.mode).data).toBe(data);
    expect(cpuMsSince(started)).toBeLessThan(15_000);
  });
});
