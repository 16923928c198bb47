import { UsageError } from '../errors.js';

/**
 * Who "you" are, the person whose diary this is: FILMS_AUTHOR, else the config file's author,
 * else the login name. Reviews and ratings written here default to you; reviews collected from
 * film pages are other people's.
 */
export function whoYouAre(sources: { envAuthor: string | undefined; configAuthor: string | undefined; loginName: string | null }): string {
  const name = sources.envAuthor?.trim() || sources.configAuthor?.trim() || sources.loginName?.trim();
  if (!name)
    throw new UsageError(
      'cannot tell who you are: there is no login name',
      'set it with \'films config set author "Your Name"\' or FILMS_AUTHOR',
    );
  return name;
}
