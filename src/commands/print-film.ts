import type { IO } from '../io.js';
import type { Film } from '../domain/model.js';
import { filmLabel } from '../domain/rules.js';
import { filmJson, toJson } from '../formats/json-export.js';
import { safeText } from '../render/safe-text.js';
import { say } from './warn.js';

/**
 * After a change: the film as JSON for scripts, or one line for people ("Added … as <slug>", the
 * slug it got; "Changed <slug>: …"; an edit to the same details, "… nothing changed").
 */
export function printFilmResult(change: 'added' | 'changed' | 'unchanged', film: Film, json: boolean, io: IO): void {
  if (json) {
    io.out.write(`${toJson(filmJson(film))}\n`);
    return;
  }
  const label = filmLabel(film, safeText);
  const slug = io.color.bold(film.slug);
  const lines = {
    added: `Added ${label} as ${slug}`,
    changed: `Changed ${slug}: ${label}`,
    unchanged: `${slug} already has these details (${label}); nothing changed`,
  };
  say(io, lines[change]);
}
