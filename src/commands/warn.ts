import type { IO } from '../io.js';
import { safeText } from '../render/safe-text.js';

/** A warning: one line on stderr; the command goes on. */
export function warn(io: IO, message: string): void {
  io.err.write(`${safeText(`films: warning: ${message}`)}\n`);
}

/** A note: one line on stderr about what films did beyond what was asked. */
export function note(io: IO, message: string): void {
  io.err.write(`${safeText(`films: ${message}`)}\n`);
}
