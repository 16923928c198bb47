import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import { readSettings, settingsInOrder, type Config } from '../domain/settings.js';
import { PRIVATE_FOLDER_MODE, writeFileAtomically } from './atomic-write.js';
import { isDiskFull, reason } from './errno.js';
import { readRegularFileBytes } from './regular-file.js';
import { invalidUtf8At } from '../utf8.js';

export type { Config } from '../domain/settings.js';

/** Config files are a few lines: anything far larger is not one. */
const MAX_CONFIG_BYTES = 64 * 1024;

const damaged = (path: string, why: string): StoreError =>
  new StoreError(`the config file ${path} is not valid (${why})`, 'fix it by hand, or remove it to start again; it was not changed');

/** The config file's settings; none when there is no file. A damaged file is refused, and never rewritten. */
export function readConfig(path: string): Config {
  const bytes = readRegularFileBytes(path, MAX_CONFIG_BYTES, {
    notAFile: (kind) => new StoreError(`the config file ${path} is ${kind}, not a file`, 'remove it, or set FILMS_AUTHOR'),
    tooLarge: (size) => damaged(path, `it is ${size} bytes, more than a config file's ${MAX_CONFIG_BYTES}`),
    cannotRead: (error) =>
      new StoreError(`cannot read the config file ${path} (${reason(error)})`, 'check its permissions, or set FILMS_AUTHOR'),
  });
  if (bytes === null) return {};
  // Read as UTF-8 regardless, a Latin-1 name would come back as U+FFFD at the next 'config set'.
  const bad = invalidUtf8At(bytes);
  if (bad) throw damaged(path, `invalid UTF-8 at byte ${bad.byte}, line ${bad.line}`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw damaged(path, 'it is not JSON');
  }
  const settings = readSettings(json);
  if (!settings.ok) throw damaged(path, settings.why);
  return settings.value;
}

/**
 * Changes the config file: read (a damaged file is refused and left as it is), changed, and
 * written atomically and privately (0600, in a folder made 0700).
 */
export async function changeConfig(path: string, change: (config: Config) => Config): Promise<void> {
  const config = change(readConfig(path));
  try {
    mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    await writeFileAtomically(path, [`${JSON.stringify(settingsInOrder(config), null, 2)}\n`]);
  } catch (error) {
    const fix = isDiskFull(error) ? 'free some space and try again' : 'check the folder and its permissions';
    throw new StoreError(`cannot write the config file ${path} (${reason(error)})`, `${fix}; it was not changed`);
  }
}
