/** What long work has found so far, shown beside its count. */
export interface Found {
  films: number;
  reviews: number;
}

/** How far long work is (an import): a line on stderr at a terminal, redrawn a few times a second; nothing elsewhere. */
export interface Progress {
  /** A step of the work ("Reading ratings.csv"), counting `unit` ("rows"; none: ''), out of `total` when known (then a bar is drawn). */
  step(title: string, unit: string, total?: number): void;
  /** Items of the step done so far, and what they held; cheap enough to call for every item. */
  advance(done: number, found?: Found): void;
  /** Clears the line, if one was drawn; nothing is drawn after. */
  end(): void;
}

export const NO_PROGRESS: Progress = { step: () => undefined, advance: () => undefined, end: () => undefined };

/** What a reader of an import file is told beyond its text. */
export interface ReadOptions {
  /** A list of films is a watchlist whatever its file's name. */
  watchlist?: boolean;
  progress?: Progress;
}
