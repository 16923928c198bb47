import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built binary: `npm run build` first. */
export const BIN = join(ROOT, 'bin', 'films.js');
export const SEED_PAGE = join(ROOT, 'test', 'fixtures', 'dear-comrades.page.txt');
export const BUNDLED = join(ROOT, 'data', 'films.json');
