// Deterministic benchmark data: stores of N reviews (a film per `perFilm` reviews, ~500-character
// texts) in the store's own format, and Letterboxd reviews.csv files.
import { createHash } from 'node:crypto';

/** mulberry32: a small seeded generator, so every run benchmarks the same bytes. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a film strike workers factory town party official daughter massacre soviet history drama black white frame ' +
  'camera score music performance director story slow powerful quiet brutal honest archive government truth memory'
).split(' ');
/** Most reviews are plain English; about one in ten carries other scripts, accents or emoji. */
const OTHER_WORDS = 'Новочеркасск товарищи фильм история 千と千尋 café naïve émigré 🎬 ❤️ Majo💛🍀'.split(' ');

function sentence(next, length) {
  const words = next() < 0.1 ? [...WORDS, ...OTHER_WORDS] : WORDS;
  let text = '';
  while (text.length < length) text += `${words[Math.floor(next() * words.length)]} `;
  return `${text.trim()}.`;
}

/** A store of the current version (as every store is after its first write) with `perFilm` reviews a film. */
export function generateStore(reviewCount, { perFilm = 10, seed = 42 } = {}) {
  const next = random(seed);
  const films = [];
  const filmCount = Math.max(1, Math.round(reviewCount / perFilm));
  for (let f = 0; f < filmCount; f++) {
    const slug = `film-${String(f + 1).padStart(5, '0')}`;
    const reviews = [];
    const count = f < filmCount - 1 ? perFilm : reviewCount - perFilm * (filmCount - 1);
    for (let r = 0; r < count; r++) {
      const text = `${sentence(next, 240)}\n\n${sentence(next, 240)}${next() < 0.01 ? ' Novocherkassk' : ''}`;
      reviews.push({
        id: createHash('sha256').update(`${slug}/${r}`).digest('hex').slice(0, 10),
        author: `Author ${Math.floor(next() * 500)}`,
        createdAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 5 * 365) * 86_400_000).toISOString(),
        rating: next() < 0.2 ? null : 1 + Math.floor(next() * 10),
        text,
        spoiler: next() < 0.05,
      });
    }
    reviews.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    films.push({
      slug,
      title: `Film ${f + 1} ${sentence(next, 12)}`,
      year: 1950 + Math.floor(next() * 75),
      countries: ['Russian Federation'],
      genres: ['Drama', 'History'],
      synopsis: sentence(next, 200),
      cast: [],
      castCount: 12,
      ratingsCount: Math.floor(next() * 10_000),
      related: [],
      reviews,
      marks: [],
    });
  }
  return `${JSON.stringify({ version: 2, films }, null, 2)}\n`;
}

const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Letterboxd's reviews.csv: three entries a film, each with its watched date, tags and entry link; one in a hundred names Novocherkassk. */
export function generateLetterboxdCsv(rows, seed = 7) {
  const next = random(seed);
  const lines = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3000) * 86_400_000).toISOString().slice(0, 10);
    const film = Math.floor(i / 3);
    const review = `${sentence(next, 240)}<br /><br />${sentence(next, 240)}, "quoted"${next() < 0.01 ? ' Novocherkassk' : ''}`;
    lines.push(
      [
        day,
        `Film ${film}`,
        String(1950 + (film % 75)),
        `https://boxd.it/${i.toString(36)}`,
        String((1 + Math.floor(next() * 10)) / 2),
        next() < 0.1 ? 'Yes' : '',
        review,
        'bench, test',
        day,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
