import type { IO } from '../io.js';
import type { Film } from '../domain/model.js';
import { filmLabel } from '../domain/rules.js';
import { filmJson, toJson } from '../formats/json-export.js';
import { safeText } from '../render/safe-text.js';

/** After a change: the film as JSON for scripts, or one line for people. */
export function printFilmResult(verb: string, film: Film, json: boolean, io: IO): void {
  if (json) {
    io.out.write(`${toJson(filmJson(film))}\n`);
    return;
  }
  io.out.write(`${verb} ${filmLabel(film, safeText)} as ${io.color.bold(film.slug)}\n`);
}
