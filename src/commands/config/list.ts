import type { Deps } from '../../io.js';
import { safeText } from '../../render/safe-text.js';
import { SETTING_NAMES } from '../../domain/settings.js';
import { readConfig } from '../../store/config.js';
import { configPath } from '../../store/location.js';
import { note } from '../warn.js';

export type ConfigListOptions = Record<string, never>;

/** Every setting as `key=value`, a line each, as `git config --list` prints them. */
export async function run(_options: ConfigListOptions, deps: Deps): Promise<void> {
  const path = configPath(deps.env, deps.cwd);
  const config = readConfig(path);
  const set = SETTING_NAMES.filter((key) => config[key] !== undefined);
  if (set.length === 0) note(deps.io, `nothing is set in ${path}; 'films config set <key> <value>' sets ${SETTING_NAMES.join(', ')}`);
  for (const key of set) deps.io.out.write(`${safeText(`${key}=${config[key] ?? ''}`)}\n`);
}
