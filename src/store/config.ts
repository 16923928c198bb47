import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { StoreError } from '../errors.js';
import { LIMITS } from '../domain/rules.js';
import { reason } from './errno.js';

/** The settings a person may keep in the config file; a key not named here is refused, never dropped. */
const configSchema = z.strictObject({
  author: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.author))),
});

export type Config = z.infer<typeof configSchema>;

/** Config files are a few lines: anything far larger is not one. */
const MAX_CONFIG_BYTES = 64 * 1024;

const damaged = (path: string, why: string): StoreError =>
  new StoreError(`the config file ${path} is not valid (${why})`, 'fix it by hand, or remove it to start again; it was not changed');

/** The config file's settings; none when there is no file. A damaged file is refused, and never rewritten. */
export function readConfig(path: string): Config {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new StoreError(`cannot read the config file ${path} (${reason(error)})`, 'check its permissions, or set FILMS_AUTHOR');
  }
  if (bytes.length > MAX_CONFIG_BYTES) throw damaged(path, `it is ${bytes.length} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw damaged(path, 'it is not JSON');
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw damaged(path, `${where}${issue?.message ?? 'unexpected content'}`);
  }
  return parsed.data;
}
