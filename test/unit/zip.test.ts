import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { parseLetterboxdZip } from '../../src/formats/letterboxd.js';
import { ROOT } from '../helpers/cli.js';
import { deflatedZeros, zipFile, type ZipEntry } from '../helpers/zip-bomb.js';
import { cpuMsSince } from '../helpers/cpu-time.js';

const MB = 2 ** 20;
const reviews = readFileSync(join(ROOT, 'test', 'fixtures', 'letterboxd', 'reviews.csv'));
/** Bytes no inflater accepts: any attempt to inflate them fails with a zlib error. */
const GARBAGE = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

const deflated = (name: string, data: Buffer): ZipEntry => ({ name, data: deflateRawSync(data), method: 8, declaredSize: data.length });
const parse = (entries: ZipEntry[], maxBytes: number) => () =>
  parseLetterboxdZip(zipFile(entries), 'bomb.zip', 'mara', new Date('2026-01-01T00:00:00.000Z'), maxBytes);

describe('a Letterboxd zip that inflates past the limit', () => {
  it('is read when its files stay within the limit, whatever their compression', () => {
    const stored: ZipEntry = { name: 'letterboxd/watched.csv', data: reviews, method: 0, declaredSize: reviews.length };
    const batch = parse([deflated('letterboxd/reviews.csv', reviews), stored], 2 * reviews.length)();
    expect(batch.films.map((film) => film.title)).toEqual(['Dear Comrades!', 'Come and See', 'Amélie']);
  });

  it('is refused from the sizes its directory declares, before anything is inflated', () => {
    // The data cannot be inflated at all: only a refusal made before inflating names the size.
    const bomb: ZipEntry = { name: 'reviews.csv', data: GARBAGE, method: 8, declaredSize: 2048 * MB };
    expect(parse([bomb], 512 * MB)).toThrow(
      new DataError(
        'bomb.zip: its files inflate to more than 512 MB (at reviews.csv), more than a store can hold',
        'it is not a Letterboxd export; download yours again',
      ),
    );
  });

  it('adds up the declared sizes of every wanted file, and ignores the files it does not read', () => {
    const half = (name: string): ZipEntry => ({ name, data: GARBAGE, method: 8, declaredSize: 600 * 1024 });
    expect(parse([half('lists/favourites.csv'), half('diary.csv'), half('orphaned/reviews.csv'), half('reviews.csv')], MB)).toThrow(
      'its files inflate to more than 1 MB (at reviews.csv)',
    );
    expect(parse([half('lists/favourites.csv'), half('orphaned/reviews.csv'), deflated('reviews.csv', reviews)], MB)().films).toHaveLength(
      3,
    );
  });

  it('stops inflating a file as soon as it passes the size it declares (declared sizes can lie)', () => {
    // 2 MB of zeros, then garbage: inflating past the first megabytes would end in a zlib error instead.
    const lying: ZipEntry = { name: 'reviews.csv', data: deflatedZeros(2, GARBAGE), method: 8, declaredSize: 1000 };
    expect(parse([lying], 512 * MB)).toThrow(
      new DataError(
        'bomb.zip: reviews.csv inflates to more than the 1000 bytes the zip declares',
        'the zip is damaged or forged; download the export again',
      ),
    );
  });

  it('reads only what its directory lists: a file hidden in the local headers is never inflated', () => {
    // Its directory lists a reviews.csv only; the local headers also hold a diary.csv of 2 MB of zeros, then garbage.
    const listed = deflated('reviews.csv', reviews);
    const hidden: ZipEntry = { name: 'diary.csv', data: deflatedZeros(2, GARBAGE), method: 8, declaredSize: 10, listed: false };
    expect(parse([hidden, listed], MB)().films.map((film) => film.title)).toEqual(['Dear Comrades!', 'Come and See', 'Amélie']);
  });

  it('counts stored (uncompressed) files too', () => {
    const stored: ZipEntry = { name: 'reviews.csv', data: Buffer.alloc(2000, 'a'), method: 0, declaredSize: 10 };
    expect(parse([stored], MB)).toThrow('bomb.zip: reviews.csv inflates to more than the 10 bytes the zip declares');
  });

  it.each([[8_000], [50_000]])('of %i entries is read, its wanted files found (no recursion per entry)', (count) => {
    const others = Array.from({ length: count }, (_, i): ZipEntry => ({
      name: `comments/c${i}.csv`,
      data: Buffer.from('x'),
      method: 0,
      declaredSize: 1,
    }));
    expect(parse([...others, deflated('reviews.csv', reviews)], MB)().films).toHaveLength(3);
  });

  it('a real bomb (1 GB of zeros in 1 MB, declared truly or not) is refused at once', () => {
    const data = deflatedZeros(1024);
    for (const declaredSize of [1024 * MB, 100]) {
      const started = process.cpuUsage();
      expect(parse([{ name: 'reviews.csv', data, method: 8, declaredSize }], 512 * MB)).toThrow(DataError);
      // Inflating the gigabyte takes seconds and a gigabyte of memory; refusing it takes milliseconds.
      expect(cpuMsSince(started)).toBeLessThan(3000);
    }
  });
});

describe('a zip whose directory cannot be read', () => {
  const zipOf = (entries: ZipEntry[]): Buffer => zipFile(entries);
  const read = (zip: Buffer) => () => parseLetterboxdZip(zip, 'z.zip', 'mara', new Date('2026-01-01T00:00:00.000Z'), MB);

  it('that lists 65,535 entries or more (a 64-bit zip) is refused with the limit', () => {
    const zip = zipOf([deflated('reviews.csv', reviews)]);
    zip.writeUInt16LE(0xffff, zip.length - 12);
    expect(read(zip)).toThrow('z.zip: the zip lists 65535 entries or more, or is a 64-bit zip: far more than a Letterboxd export');
  });

  it('cut short, or with no directory, is refused as unreadable', () => {
    const zip = zipOf([deflated('reviews.csv', reviews)]);
    expect(read(zip.subarray(0, zip.length - 30))).toThrow(/^z\.zip: not a readable zip file \(no central directory at its end\)$/);
    expect(read(Buffer.concat([zip.subarray(0, 40), zip.subarray(zip.length - 22)]))).toThrow(/^z\.zip: not a readable zip file/);
  });
});
