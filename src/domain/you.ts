import { UsageError } from '../errors.js';
import { readAuthor } from './rules.js';

/**
 * Who "you" are, the person whose diary this is: FILMS_AUTHOR, else the config file's author,
 * else the login name. Reviews and ratings written here default to you; reviews collected from
 * film pages are other people's.
 */
export function whoYouAre(sources: { envAuthor: string | undefined; configAuthor: string | undefined; loginName: string | null }): string {
  const env = sources.envAuthor?.trim();
  if (env) {
    const author = readAuthor(env);
    if (!author.ok)
      throw new UsageError(`FILMS_AUTHOR is not a name you can write as: ${author.why}`, 'set FILMS_AUTHOR to your name on one line');
  }
  const name = env || sources.configAuthor?.trim() || sources.loginName?.trim();
  if (!name)
    throw new UsageError(
      'cannot tell who you are: there is no login name',
      'set it with \'films config set author "Your Name"\' or FILMS_AUTHOR',
    );
  return name;
}
