import { filmLimitProblems } from '../../domain/rules.js';
import { NotFoundError, StoreError } from '../../errors.js';
import type { Deps } from '../../io.js';
import type { StoreOptions } from './path.js';
import { checkStoreFile, textMerged } from '../../store/file.js';
import { safeText } from '../../render/safe-text.js';
import { groupDigits, plural } from '../../domain/numbers.js';
import { say } from '../warn.js';

export async function run(options: StoreOptions, { io }: Deps): Promise<void> {
  const result = checkStoreFile(options.store);
  if (!result.exists)
    throw new NotFoundError(
      `no store at ${options.store} yet`,
      'the first change creates it; until then films reads the bundled catalogue',
    );
  const { check } = result;
  if (check.ok) {
    const overLimits = check.data.films.flatMap((film, at) => filmLimitProblems(film, `films[${at}] (${film.slug})`));
    if (overLimits.length) {
      for (const problem of overLimits) io.out.write(`${safeText(problem)}\n`);
      const count = overLimits.length;
      const breaking = count === 1 ? 'one of its fields breaks' : `${groupDigits(count)} of its fields break`;
      throw new StoreError(
        `${options.store} is readable, but ${breaking} the limits every way in obeys (listed above)`,
        "films still reads and writes it; shorten them with 'films edit <film>' (title, synopsis) or 'films review edit' (text), or remove the review with 'films review remove'",
      );
    }
    const reviews = check.data.films.reduce((sum, film) => sum + film.reviews.length, 0);
    const older = check.fileVersion < check.data.version ? ` (version ${check.fileVersion}, upgraded on the next change)` : '';
    say(
      io,
      `${safeText(options.store)} is a valid films store${older}: ${plural(check.data.films.length, 'film')}, ${plural(reviews, 'review')}`,
    );
    return;
  }
  for (const problem of check.problems) say(io, safeText(problem));
  if (check.textMerged) throw textMerged(options.store);
  const count = check.problems.length;
  throw new StoreError(
    `${options.store} has ${plural(count, 'problem')} (listed above)`,
    `fix ${count === 1 ? 'it' : 'them'} by hand, or bring back the previous version with 'films db restore'`,
  );
}
