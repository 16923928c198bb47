import type { IO } from '../io.js';
import type { Film } from '../domain/model.js';
import { filmLabel } from '../domain/rules.js';
import { filmJson, toJson } from '../formats/json-export.js';
import { safeText } from '../render/safe-text.js';
import { say } from './warn.js';

/** After a change: the film as JSON for scripts, or one line for people ("Added … as <slug>", the slug it got; "Changed <slug>: …"). */
export function printFilmResult(change: 'added' | 'changed', film: Film, json: boolean, io: IO): void {
  if (json) {
    io.out.write(`${toJson(filmJson(film))}\n`);
    return;
  }
  const label = filmLabel(film, safeText);
  say(io, change === 'added' ? `Added ${label} as ${io.color.bold(film.slug)}` : `Changed ${io.color.bold(film.slug)}: ${label}`);
}
