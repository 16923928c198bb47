/** Sizes past which input is refused before anything is written: beyond them lies abuse, not a review. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_AUTHOR_LENGTH = 200;
export const MAX_TITLE_LENGTH = 500;
