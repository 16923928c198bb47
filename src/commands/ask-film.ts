import { checkFilm, duplicatesOf, withDetails, type FilmInput } from '../domain/films.js';
import { parseList } from '../domain/lists.js';
import { DeclinedError } from '../errors.js';
import type { Film } from '../domain/model.js';
import { lookOf, type IO } from '../io.js';
import type { Prompter } from '../prompts.js';
import { filmLabel, normaliseText, parseYear, quoted, tooLong } from '../domain/rules.js';
import { renderFilm } from '../render/film.js';
import { safeText } from '../render/safe-text.js';
import { askSteps, type Step } from './ask-steps.js';

/** What the film questions ask about, in this order. */
export const FILM_QUESTIONS = ['title', 'year', 'countries', 'genres', 'synopsis', 'cast'] as const;
export type FilmQuestion = (typeof FILM_QUESTIONS)[number];

/** A film being asked for, and whether the person said to add it although it looks like one in the store. */
interface FilmDraft {
  film: FilmInput;
  force: boolean;
}

function validYear(value: string): true | string {
  try {
    parseYear(value, 'the year');
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

type ListField = 'countries' | 'genres' | 'cast';

/** A list as one line, "A, B"; "none" clears it (an empty answer keeps it). */
async function askList(prompter: Prompter, label: string, current: readonly string[]): Promise<string[]> {
  const clear = current.length ? '; none to clear' : '';
  const typed = await prompter.input({ message: `${label} (separated by commas${clear})`, default: current.join(', '), allowEmpty: true });
  return parseList([typed]);
}

/** The questions `questions` names, in order; when adding, whether to add a duplicate comes once title and year are known. */
function filmSteps(questions: ReadonlySet<FilmQuestion>, prompter: Prompter, films: readonly Film[] | null): Step<FilmDraft>[] {
  const set = (draft: FilmDraft, change: Partial<FilmInput>): FilmDraft => ({ ...draft, film: { ...draft.film, ...change } });
  const list = (field: ListField, label: string): Step<FilmDraft> => ({
    ask: async (draft) => set(draft, { [field]: await askList(prompter, label, draft.film[field]) }),
  });
  const steps: Record<FilmQuestion, Step<FilmDraft>> = {
    title: {
      ask: async (draft) =>
        set(draft, {
          title: await prompter.input({
            message: 'Title',
            default: draft.film.title || undefined,
            validate: (value) => (value.trim() ? (tooLong('title', value.trim()) ?? true) : 'the title cannot be empty'),
          }),
        }),
    },
    year: {
      ask: async (draft) => {
        const current = draft.film.year === null ? 'none' : String(draft.film.year);
        return set(draft, { year: parseYear(await prompter.input({ message: 'Year (or none)', default: current, validate: validYear })) });
      },
    },
    countries: list('countries', 'Countries'),
    genres: list('genres', 'Genres'),
    synopsis: {
      ask: async (draft) =>
        set(draft, {
          synopsis: await prompter.input({
            message: 'Synopsis',
            default: draft.film.synopsis,
            allowEmpty: true,
            validate: (value) => tooLong('synopsis', normaliseText(value)) ?? true,
          }),
        }),
    },
    cast: list('cast', 'Cast'),
  };
  const asked = (names: readonly FilmQuestion[]): Step<FilmDraft>[] =>
    names.filter((name) => questions.has(name)).map((name) => steps[name]);
  const [identity, details] = [FILM_QUESTIONS.slice(0, 2), FILM_QUESTIONS.slice(2)];
  return [...asked(identity), ...(films ? [duplicateStep(films, prompter)] : []), ...asked(details)];
}

/** When the film looks like one in the store (duplicatesOf), whether to add it all the same; no stops. */
function duplicateStep(films: readonly Film[], prompter: Prompter): Step<FilmDraft> {
  return {
    when: (draft) => duplicatesOf(films, draft.film).length > 0,
    ask: async (draft) => {
      const [first, ...more] = duplicatesOf(films, draft.film) as [Film, ...Film[]];
      const others = more.length ? ` (and ${more.length} more)` : '';
      const label = filmLabel(first, (title) => quoted(safeText(title)));
      const force = await prompter.confirm({
        message: `${label} is already in the store as ${first.slug}${others}. Add another film with this title?`,
        default: false,
      });
      if (!force) throw new DeclinedError('not added');
      return { ...draft, force };
    },
  };
}

/**
 * Asks the `questions` about a film (those its flags left out), starting from `start`; when
 * `adding` to these films, whether to add one that looks like one of them. If anything was asked,
 * previews the film (the `editing` one with its reviews and ratings, when it exists) and asks to
 * save it. Esc goes back a question.
 */
export async function askFilm(
  start: FilmInput,
  questions: ReadonlySet<FilmQuestion>,
  { io, prompter, adding = null, editing }: { io: IO; prompter: Prompter; adding?: readonly Film[] | null; editing?: Film },
): Promise<{ film: FilmInput; force: boolean }> {
  const { draft } = await askSteps(io, { film: start, force: false }, filmSteps(questions, prompter, adding), {
    confirm: async ({ film }) => {
      const checked = checkFilm(film);
      const preview: Film = editing
        ? withDetails(editing, checked)
        : { slug: 'new', ...checked, castCount: checked.cast.length, ratingsCount: null, related: [], reviews: [], marks: [] };
      io.out.write(`\n${renderFilm(preview, { ...lookOf(io), limit: 0, full: true, spoilers: false })}\n`);
      return prompter.confirm({ message: 'Save this film?', default: true });
    },
    declined: 'not saved',
  });
  return { film: checkFilm(draft.film), force: draft.force };
}
