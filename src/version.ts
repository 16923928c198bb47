/** Kept apart so that `films --version` loads nothing else. */
export const VERSION = '0.1.0';
