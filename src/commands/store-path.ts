import type { Command } from 'commander';
import type { Deps } from '../io.js';
import { storePath } from '../store/location.js';

/** The store file this command works on, from --db, FILMS_DB or the default location. */
export function storeFor(command: Command, deps: Deps): string {
  const { db } = command.optsWithGlobals<{ db?: string }>();
  return storePath(db, deps.env, deps.cwd);
}
