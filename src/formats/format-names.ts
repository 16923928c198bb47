/** The formats `films import --format` reads: our JSON (and NDJSON), a film page, Letterboxd, IMDb. */
export const IMPORT_FORMATS = ['json', 'page', 'letterboxd', 'imdb'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats `films export --format` writes. */
export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'letterboxd', 'letterboxd-watchlist'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
