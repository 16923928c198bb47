/** A failure we expect and explain: `message` says what went wrong, `hint` what to do. */
export class FilmsError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad flag, argument or value: exit 2. */
export class UsageError extends FilmsError {}

/** A film, review or file that is not there: exit 1. */
export class NotFoundError extends FilmsError {}

/** The store cannot be read, locked or written: exit 1. */
export class StoreError extends FilmsError {}

/** Input data (an import file) that cannot be used: exit 1. */
export class DataError extends FilmsError {}

/** A merge that left conflicts for the person to settle: exit 1. */
export class ConflictError extends FilmsError {}

/** The person stopped a prompt (Ctrl+C, or Esc at the first question): exit 130. */
export class CancelledError extends FilmsError {
  constructor() {
    super('cancelled', 'nothing was changed');
  }
}

/**
 * Esc at a prompt: a flow of questions goes back one step. It is a cancellation wherever nothing
 * catches it (a lone question, or the first of a flow), so it ends with exit 130 there.
 */
export class BackError extends CancelledError {}

/** The person answered no to "Save …?" or "Remove …?": exit 1, as the change did not happen, but no error of theirs. */
export class DeclinedError extends FilmsError {
  constructor(what: string) {
    super(what, 'nothing was changed');
  }
}

const EXIT = { ok: 0, error: 1, usage: 2, cancelled: 130 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof CancelledError) return EXIT.cancelled;
  return EXIT.error;
}

/** The one line printed on stderr: `films: <what went wrong> — <what to do>`. */
export function errorLine(error: unknown): string {
  if (error instanceof FilmsError) {
    return `films: ${error.message}${error.hint ? ` — ${error.hint}` : ''}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `films: unexpected error: ${message} — run again with FILMS_DEBUG=1 for details and report it`;
}
