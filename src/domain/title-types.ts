/**
 * IMDb's kinds of title. Its exports name them three ways (`movie` 2017–2024, `Movie` since,
 * `Feature Film` before 2017) and in the account's language: an Italian export says `Film`,
 * `Serie TV`, `Mini serie TV` (seen in a real export of 2025), and `Corto`. No other language's
 * names are mapped until seen in a real export: a guess would file a title under the wrong kind.
 * films keeps IMDb's own id (movie, tvSeries, …) for all of them; a name it does not know is kept
 * as written, and the import says so.
 */
const TITLE_TYPES: Record<string, { label: string; aliases: string[] }> = {
  movie: { label: 'film', aliases: ['feature film', 'film'] },
  short: { label: 'short', aliases: ['short film', 'corto'] },
  tvSeries: { label: 'TV series', aliases: ['serie tv'] },
  tvMiniSeries: { label: 'TV mini-series', aliases: ['mini-series', 'mini serie tv'] },
  tvEpisode: { label: 'TV episode', aliases: [] },
  tvMovie: { label: 'TV film', aliases: [] },
  tvSpecial: { label: 'TV special', aliases: [] },
  tvShort: { label: 'TV short', aliases: [] },
  video: { label: 'video', aliases: [] },
  videoGame: { label: 'video game', aliases: [] },
  musicVideo: { label: 'music video', aliases: [] },
  podcastSeries: { label: 'podcast series', aliases: [] },
  podcastEpisode: { label: 'podcast episode', aliases: [] },
};

/** Case, spaces and hyphens aside: "TV Mini Series" ≡ "tvMiniSeries". */
const fold = (name: string): string => name.toLowerCase().replace(/[\s-]+/g, '');

const BY_NAME = new Map(
  Object.entries(TITLE_TYPES).flatMap(([id, { aliases }]) => [id, ...aliases].map((name): [string, string] => [fold(name), id])),
);

/** A title type as an export writes it, as IMDb's id; one films does not know is kept as written. */
export function readTitleType(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? (BY_NAME.get(fold(trimmed)) ?? trimmed) : undefined;
}

/** Whether a title type (as read) is one of IMDb's ids that films knows. */
export const isKnownTitleType = (type: string): boolean => Object.hasOwn(TITLE_TYPES, type);

/** A title type as people read it: "TV series"; one films does not know as it was written. */
export const titleTypeLabel = (type: string): string => TITLE_TYPES[type]?.label ?? type;
