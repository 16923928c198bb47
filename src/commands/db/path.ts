import type { Deps } from '../../io.js';
import { safeText } from '../../render/safe-text.js';

export interface StoreOptions {
  store: string;
}

export async function run(options: StoreOptions, { io }: Deps): Promise<void> {
  io.out.write(`${safeText(options.store)}\n`);
}
