import type { Command } from 'commander';
import type { Deps } from '../../io.js';
import { storeFor } from '../store-path.js';

export function register(db: Command, deps: Deps): void {
  db.command('path')
    .description('print the path of the store file in use')
    .action(async (_flags: object, command: Command) => {
      const { safeText } = await import('../../render/safe-text.js');
      deps.io.out.write(`${safeText(storeFor(command, deps))}\n`);
    });
}
