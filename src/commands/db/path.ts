import type { Command } from 'commander';
import type { Deps } from '../../io.js';
import { storeFor } from '../options.js';

export function register(db: Command, deps: Deps): void {
  db.command('path')
    .description('print the path of the store file in use')
    .action((_flags: object, command: Command) => {
      deps.io.out.write(`${storeFor(command, deps)}\n`);
    });
}
