import type { Command } from 'commander';
import type { Deps } from '../../io.js';
import { helpUnlessUnknown } from '../group-help.js';
import * as add from './add.js';
import * as edit from './edit.js';
import * as list from './list.js';
import * as remove from './remove.js';

export function register(program: Command, deps: Deps): void {
  const review = program.command('review').description('add, list, edit and remove reviews');
  for (const command of [add, list, edit, remove]) command.register(review, deps);
  helpUnlessUnknown(review);
}
