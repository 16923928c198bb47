/**
 * IMDb's kinds of title. Its exports name them three ways (`movie` 2017–2024, `Movie` since,
 * `Feature Film` before 2017) and in the account's language (an Italian export says `Film`,
 * `Serie TV`, `Mini serie TV`, `Corto`: the names seen in real exports); films keeps IMDb's own id
 * (movie, tvSeries, …) for all of them.
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

/** A title type as people read it: "TV series"; one films does not know as it was written. */
export const titleTypeLabel = (type: string): string => TITLE_TYPES[type]?.label ?? type;
