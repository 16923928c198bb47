import type { IO } from '../io.js';
import type { Prompter } from '../prompts.js';
import { yourFilm, type EntryContent } from '../domain/diary.js';
import type { Film } from '../domain/model.js';
import { cleanList, readIsoDay, tooLong } from '../domain/rules.js';
import { askReview } from './review/ask.js';

/** Why typed tags cannot be kept (one over the limit), or true. */
function tagsVerdict(text: string): true | string {
  for (const tag of cleanList([text])) {
    const long = tooLong('tag', tag);
    if (long) return long;
  }
  return true;
}

/**
 * `films log` at a terminal: the diary's own questions (the day, rewatch, liked, tags), then the
 * review's (rating, text, spoiler) and its preview, asked as `review add` asks them.
 */
export async function askEntry(
  film: Film,
  start: EntryContent,
  { io, prompter, now }: { io: IO; prompter: Prompter; now: Date },
): Promise<EntryContent> {
  const before = yourFilm(film, start.author);
  const watchedDate = await prompter.input({
    message: 'Watched on (YYYY-MM-DD)',
    default: start.watchedDate,
    validate: (value) => {
      const day = readIsoDay(value, 'the day', now);
      return day.ok ? true : day.why;
    },
  });
  const rewatch = await prompter.confirm({ message: 'Had you seen it before (a rewatch)?', default: before.watched });
  const liked = await prompter.confirm({ message: 'Did you like it?', default: before.liked });
  const tags = cleanList([
    await prompter.input({ message: 'Tags, separated by commas (optional)', allowEmpty: true, validate: tagsVerdict }),
  ]);
  const entry: EntryContent = {
    ...start,
    watchedDate: watchedDate.trim(),
    ...(rewatch ? { rewatch } : {}),
    ...(liked ? { liked } : {}),
    ...(tags.length ? { tags } : {}),
  };
  const review = await askReview(film, entry, new Set(['rating', 'text', 'spoiler']), { io, prompter });
  return { ...review, watchedDate: entry.watchedDate };
}
