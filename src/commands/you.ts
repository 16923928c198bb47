import type { Deps } from '../io.js';
import { whoYouAre } from '../domain/you.js';
import { readConfig } from '../store/config.js';
import { configPath } from '../store/location.js';

/** You, as FILMS_AUTHOR, the config file or the login name say; the config file is read only when needed. */
export function you(deps: Pick<Deps, 'env' | 'cwd' | 'loginName'>): string {
  const envAuthor = deps.env.FILMS_AUTHOR;
  const configAuthor = envAuthor?.trim() ? undefined : readConfig(configPath(deps.env, deps.cwd)).author;
  return whoYouAre({ envAuthor, configAuthor, loginName: deps.loginName });
}

/** You, found on first use only: for queries that may not ask (a damaged config file then fails only the query that needs it). */
export function youWhenAsked(deps: Pick<Deps, 'env' | 'cwd' | 'loginName'>): () => string {
  let name: string | undefined;
  return () => (name ??= you(deps));
}
