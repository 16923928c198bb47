import { strToU8, zipSync } from 'fflate';
import type { Film as StoreFilm } from '../../src/domain/model.js';
import { exportDocument } from '../../src/formats/json-export.js';
import { random } from '../../bench/generate.js';

/**
 * A Letterboxd export as Letterboxd writes one, generated (deterministic for a seed): profile.csv,
 * diary.csv, reviews.csv (HTML reviews, quoted, with CRLF line breaks inside), ratings.csv,
 * watched.csv, watchlist.csv and likes/films.csv, CRLF throughout, consistent as a real member's:
 * every logged or rated film is watched, a film's rating is that of its latest rated entry unless
 * changed since, rewatches are marked, some entries were logged in bulk on one day, some reviews
 * have no watched date, and some films share a title and year (told apart by their URIs only).
 * Such twins are both watched and rated, and liked both or neither: which of two gets the shorter
 * slug depends on which a file names first, so files that name only one of them would give
 * stores that differ by that.
 */
export interface ExportShape {
  seed: number;
  /** Films watched (twins included). */
  films: number;
  /** Pairs of films sharing a title and year. */
  twins: number;
  /** Films on the watchlist. */
  watchlist: number;
}

const TWINS: [string, number][] = [
  ['The Haunted Castle', 1897],
  ['Rain', 2019],
  ['Lost Country', 2023],
  ['Home', 2016],
  ['The Gift', 2015],
  ['Alone', 2020],
];
const WORDS =
  'Night Summer River Glass Orchard Salt Static Lantern Keeper Winter Harbour Silence Red Desert Long Day Journey Blue Mirror'.split(' ');
const OTHER = ['Дорогие товарищи!', '千と千尋の神隠し', 'Amélie', 'Léon', 'Crónica', 'Ödipus', '🎬 Reel'];
const SENTENCES = [
  'Stark, brilliant black &amp; white.',
  'Yuliya Vysotskaya is &quot;astonishing&quot;.',
  'It&#8217;s slow&hellip; and then it isn&rsquo;t.',
  'Новочеркасск, 1962 — <i>unbearable</i>.',
  'See <a href="https://en.wikipedia.org/wiki/Film?a=1&amp;b=2" rel="nofollow">the article</a>.',
  'A frame&nbsp;worth the wait 🎬.',
  '千と千尋 <b>again</b>, with "quotes", and commas.',
];

const DAY = 86_400_000;
const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);
const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows: (string | number)[][]): string => rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

interface Film {
  title: string;
  year: number;
  uri: string;
}

/** The export's files by their path in the zip. */
export function generateLetterboxdExport(shape: ExportShape): Record<string, string> {
  const next = random(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const between = (from: number, to: number): number => from + Math.floor(next() * (to - from + 1));
  let ids = 0;
  const id = (prefix: string): string => `https://boxd.it/${prefix}${(ids++).toString(36)}`;
  const stars = (): string => String(between(1, 10) / 2);

  const films: Film[] = [];
  const twinPairs: [Film, Film][] = [];
  for (let t = 0; t < shape.twins; t++) {
    const [title, year] = TWINS[t % TWINS.length] as [string, number];
    const name = t < TWINS.length ? title : `${title} ${t}`;
    const pair: [Film, Film] = [
      { title: name, year, uri: id('F') },
      { title: name, year, uri: id('F') },
    ];
    twinPairs.push(pair);
    films.push(...pair);
  }
  while (films.length < shape.films) {
    const n = films.length;
    const title = n % 9 === 0 ? `${pick(OTHER)} ${n}` : `${pick(WORDS)} ${pick(WORDS)} ${n}`;
    films.push({ title, year: between(1920, 2025), uri: id('F') });
  }

  const START = Date.UTC(2012, 0, 1);
  const END = Date.UTC(2025, 11, 31);
  const diary: (string | number)[][] = [];
  const reviews: (string | number)[][] = [];
  const ratings: (string | number)[][] = [];
  const watched: (string | number)[][] = [];
  const likes: (string | number)[][] = [];
  const liked = new Set<Film>();
  for (const [a, b] of twinPairs) if (next() < 0.5) liked.add(a).add(b);
  for (const film of films) {
    if (!twinPairs.some((pair) => pair.includes(film)) && next() < 0.15) liked.add(film);
    const count = [0, 0, 1, 1, 1, 1, 2, 2, 3, 4][between(0, 9)] as number;
    const watchedDays = Array.from({ length: count }, () => between(START, END - 200 * DAY))
      .sort((x, y) => x - y)
      .map((time) => Math.floor(time / DAY) * DAY);
    let latest: { logged: number; rating: string } | undefined;
    watchedDays.forEach((watchedAt, n) => {
      // One entry in ten was logged in bulk, long after; the rest within days.
      const logged = next() < 0.1 ? Math.min(watchedAt + between(100, 190) * DAY, END) : watchedAt + between(0, 3) * DAY;
      const rating = next() < 0.8 ? stars() : '';
      const tags =
        next() < 0.2 ? [pick(['cinema', 'home', 'festival', 'with friends']), ...(next() < 0.5 ? ['2020s'] : [])].join(', ') : '';
      const link = id('E');
      const row = [dayOf(logged), film.title, film.year, link, rating, n > 0 ? 'Yes' : ''];
      diary.push([...row, tags, dayOf(watchedAt)]);
      if (next() < 0.3) {
        const text = Array.from({ length: between(1, 3) }, () => `<p>${pick(SENTENCES)} ${pick(SENTENCES)}</p>`).join('\r\n');
        reviews.push([...row, text.replace('</p>\r\n<p>', '<br />\r\n<br />'), tags, dayOf(watchedAt)]);
      }
      if (rating && (!latest || logged >= latest.logged)) latest = { logged, rating };
    });
    if (next() < 0.03)
      reviews.push([
        dayOf(between(START, END)),
        film.title,
        film.year,
        id('E'),
        next() < 0.5 ? stars() : '',
        '',
        `<p>${pick(SENTENCES)}</p>`,
        '',
        '',
      ]);
    if (latest && next() < 0.1)
      ratings.push([dayOf(Math.min(latest.logged + between(30, 300) * DAY, END)), film.title, film.year, film.uri, stars()]);
    else if (latest) ratings.push([dayOf(latest.logged), film.title, film.year, film.uri, latest.rating]);
    // Films that share a title are rated both (so every file that names one by its URI names the other too).
    else if (next() < 0.4 || twinPairs.some((pair) => pair.includes(film)))
      ratings.push([dayOf(between(START, END)), film.title, film.year, film.uri, stars()]);
    watched.push([dayOf(watchedDays[0] ?? between(START, END)), film.title, film.year, film.uri]);
    if (liked.has(film)) likes.push([dayOf(between(START, END)), film.title, film.year, film.uri]);
  }
  const watchlist = Array.from({ length: shape.watchlist }, (_, n) => [
    dayOf(between(START, END)),
    `${pick(WORDS)} to watch ${n}`,
    between(1920, 2025),
    id('F'),
  ]);
  const byDate = (rows: (string | number)[][]): (string | number)[][] =>
    [...rows].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : String(x[0]) > String(y[0]) ? 1 : 0));
  const FILM = ['Date', 'Name', 'Year', 'Letterboxd URI'];
  return {
    'profile.csv': csv([
      ['Date Joined', 'Username', 'Given Name', 'Family Name', 'Email Address', 'Location', 'Website', 'Bio', 'Pronoun', 'Favorite Films'],
      ['2012-01-01', 'mara_k', 'Mara', 'K', 'mara@example.com', 'Lisbon', '', '', 'She / her', ''],
    ]),
    'diary.csv': csv([[...FILM, 'Rating', 'Rewatch', 'Tags', 'Watched Date'], ...byDate(diary)]),
    'reviews.csv': csv([[...FILM, 'Rating', 'Rewatch', 'Review', 'Tags', 'Watched Date'], ...byDate(reviews)]),
    'ratings.csv': csv([[...FILM, 'Rating'], ...byDate(ratings)]),
    'watched.csv': csv([FILM, ...byDate(watched)]),
    'watchlist.csv': csv([FILM, ...byDate(watchlist)]),
    'likes/films.csv': csv([FILM, ...byDate(likes)]),
  };
}

/** The files as Letterboxd's export .zip. */
export const zipOf = (files: Record<string, string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));

/**
 * Whether an order of the export's files imports those that name films by their URI (ratings.csv,
 * watched.csv) before those that name them by title and year alone (diary.csv, reviews.csv): then
 * it gives the zip's store byte for byte. In the other orders the twins' diary rows meet one film of
 * their title only, and go to it (README, "Order"): the store is the zip's but for the twins.
 */
export const idsFirst = (order: readonly string[]): boolean =>
  Math.max(order.indexOf('ratings.csv'), order.indexOf('watched.csv')) < Math.min(order.indexOf('diary.csv'), order.indexOf('reviews.csv'));

/** The films as `films export` writes them, without those whose title and year several films of `reference` share (the twins). */
export function withoutTwins(films: readonly StoreFilm[], reference: readonly StoreFilm[]): string {
  const key = (film: StoreFilm): string => `${film.title}\u0000${String(film.year)}`;
  const counts = new Map<string, number>();
  for (const film of reference) counts.set(key(film), (counts.get(key(film)) ?? 0) + 1);
  return exportDocument(films.filter((film) => (counts.get(key(film)) ?? 0) < 2));
}
