// `npm run orders`: a generated Letterboxd export of over 1,000 diary rows (test/helpers/letterboxd-export.ts,
// seeded) imported through the built CLI as its zip, as its five CSVs in all 120 orders (likes/films.csv
// after them), and twice. The zip twice, and every order that imports ratings.csv and watched.csv before
// diary.csv and reviews.csv, must export the zip's bytes; in the other orders the twins' diary rows (a
// title and year that names two films) met one film of that title only, so they may differ there, and
// only there. Prints the rows in and what came out.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { StoreData } from '../src/domain/model.js';
import { isPlainRating } from '../src/domain/ratings.js';
import { generateLetterboxdExport, idsFirst, withoutTwins, zipOf } from '../test/helpers/letterboxd-export.js';

// Bundled to bench/.tmp/: the project is two folders up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'films.js');
const work = join(root, 'bench', '.tmp', 'orders');
const run = promisify(execFile);

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'export', 'likes'), { recursive: true });
const files = generateLetterboxdExport({ seed: 2026, films: 820, twins: 6, watchlist: 120 });
for (const [path, text] of Object.entries(files)) writeFileSync(join(work, 'export', path), text);
const zip = join(work, 'export.zip');
writeFileSync(zip, zipOf(files));

const EMPTY = '{"version":2,"films":[]}\n';
const env = { ...process.env, FILMS_AUTHOR: 'me', NO_COLOR: '1' };
let stores = 0;

/** Imports the files one after another into a new store; returns its `films export`. */
async function importAll(paths: readonly string[]): Promise<string> {
  const store = join(work, `store-${stores++}.json`);
  writeFileSync(store, EMPTY);
  for (const path of paths) await run(process.execPath, [bin, '--db', store, 'import', path], { env });
  const { stdout } = await run(process.execPath, [bin, '--db', store, 'export'], { env, maxBuffer: 1 << 28 });
  if (stores > 3) rmSync(store, { force: true });
  rmSync(`${store}.bak`, { force: true });
  return stdout;
}

function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const started = Date.now();
const expected = await importAll([zip]);
const zipFilms = (JSON.parse(expected) as StoreData).films;
const filmsOf = (text: string) => (JSON.parse(text) as StoreData).films;
/** How many titles (with their year) several films of the zip's store share: the twins'. */
const twinTitles = (() => {
  const seen = new Map<string, number>();
  for (const film of zipFilms)
    seen.set(`${film.title}\u0000${film.year ?? ''}`, (seen.get(`${film.title}\u0000${film.year ?? ''}`) ?? 0) + 1);
  return [...seen.values()].filter((count) => count > 1).length;
})();
const results: { name: string; same: boolean }[] = [{ name: 'zip twice', same: (await importAll([zip, zip])) === expected }];
const five = ['diary.csv', 'ratings.csv', 'reviews.csv', 'watched.csv', 'watchlist.csv'];
const all = orders(five);
// Two at a time: the machine has two cores.
for (let i = 0; i < all.length; i += 2) {
  const pair = all.slice(i, i + 2);
  const outputs = await Promise.all(
    pair.map((order) => importAll([...order, 'likes/films.csv'].map((name) => join(work, 'export', name)))),
  );
  pair.forEach((order, n) => {
    const output = outputs[n] as string;
    const same = idsFirst(order) ? output === expected : withoutTwins(filmsOf(output), zipFilms) === withoutTwins(zipFilms, zipFilms);
    results.push({ name: `${order.join(' ')}${idsFirst(order) ? '' : ' (twins aside)'}`, same });
  });
}

const rows = (text: string): number => {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === '\n') count++;
  }
  return count - 1;
};
const data = JSON.parse(expected) as StoreData;
const reviews = data.films.flatMap((film) => film.reviews);
const marks = data.films.flatMap((film) => film.marks);
const table = [
  ['rows in', ...Object.entries(files).map(([path, text]) => `${path} ${rows(text)}`)].join(' · '),
  `films out: ${data.films.length} (${data.films.filter((film) => film.slug.match(/-\d{4}(-\d+)?$/)).length} with a year or counter in their slug)`,
  `diary entries: ${reviews.filter((review) => review.watchedDate).length} (${reviews.filter((review) => review.watchedDate && review.text).length} with a review)`,
  `reviews without a watched date: ${reviews.filter((review) => !review.watchedDate && review.text).length}`,
  `plain ratings: ${reviews.filter(isPlainRating).length}; rated reviews in all: ${reviews.filter((review) => review.rating !== null).length}`,
  `marks: ${marks.filter((mark) => mark.watched).length} watched without an entry, ${marks.filter((mark) => mark.watchlistedAt).length} on the watchlist, ${marks.filter((mark) => mark.liked).length} liked`,
  `export: ${expected.length.toLocaleString('en')} bytes`,
];
console.log(table.join('\n'));
const differing = results.filter((result) => !result.same);
console.log(
  `\n${results.length - differing.length} of ${results.length} imports (the zip twice, the CSVs in all ${all.length} orders) gave the zip's store: byte for byte the zip twice and the ${all.filter(idsFirst).length} orders with ratings.csv and watched.csv first, the others but for the ${twinTitles} titles of twins; ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const result of differing) console.log(`DIFFERENT: ${result.name}`);
process.exitCode = differing.length ? 1 : 0;
