import { isAbsolute, join, resolve } from 'node:path';
import type { Env } from '../io.js';

/** An XDG base folder from the environment: the XDG spec says a relative one is invalid and ignored. */
const xdgHome = (value: string | undefined): string | undefined => (value && isAbsolute(value) ? value : undefined);

/** `--db`, else FILMS_DB, else $XDG_DATA_HOME/films/films.json (when an absolute path), else ~/.local/share/films/films.json. */
export function storePath(dbFlag: string | undefined, env: Env, cwd: string): string {
  const chosen = dbFlag || env.FILMS_DB;
  if (chosen) return resolve(cwd, chosen);
  const dataHome = xdgHome(env.XDG_DATA_HOME) ?? join(env.HOME || env.USERPROFILE || cwd, '.local', 'share');
  return resolve(cwd, dataHome, 'films', 'films.json');
}

/** $XDG_CONFIG_HOME/films/config.json (when an absolute path), else ~/.config/films/config.json. */
export function configPath(env: Env, cwd: string): string {
  const configHome = xdgHome(env.XDG_CONFIG_HOME) ?? join(env.HOME || env.USERPROFILE || cwd, '.config');
  return resolve(cwd, configHome, 'films', 'config.json');
}
