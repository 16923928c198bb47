/** The types of generate.js, for the TypeScript that shares its generator (test/helpers/letterboxd-export.ts). */
export function random(seed: number): () => number;
export function generateStore(reviewCount: number, options?: { perFilm?: number; seed?: number }): string;
export function generateLetterboxdCsv(rows: number, seed?: number): string;
