import type { Deps } from '../../io.js';

export interface StoreOptions {
  store: string;
}

export async function run(options: StoreOptions, { io }: Deps): Promise<void> {
  const { safeText } = await import('../../render/safe-text.js');
  io.out.write(`${safeText(options.store)}\n`);
}
