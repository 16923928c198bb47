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

/** The person stopped a prompt (Ctrl+C): exit 130. */
export class CancelledError extends FilmsError {
  constructor() {
    super('cancelled', 'nothing was changed');
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
