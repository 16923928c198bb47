import packageJson from '../package.json' with { type: 'json' };

/** package.json's version, inlined by the build (bin/films.js reads the same field for --version). */
export const VERSION: string = packageJson.version;
