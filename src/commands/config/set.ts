import type { Deps } from '../../io.js';
import { safeText } from '../../render/safe-text.js';
import { changeConfig, type Config } from '../../store/config.js';
import { configPath } from '../../store/location.js';
import { say, warn } from '../warn.js';

export interface ConfigSetOptions {
  /** One setting, its value read and checked by the key's rule. */
  setting: Config;
}

export async function run({ setting }: ConfigSetOptions, deps: Deps): Promise<void> {
  const path = configPath(deps.env, deps.cwd);
  await changeConfig(path, (config) => ({ ...config, ...setting }));
  for (const [key, value] of Object.entries(setting)) say(deps.io, safeText(`Set ${key} to ${JSON.stringify(value)} in ${path}`));
  const envAuthor = deps.env.FILMS_AUTHOR?.trim();
  if (setting.author !== undefined && envAuthor) {
    warn(deps.io, `FILMS_AUTHOR is set ("${envAuthor}") and comes first: you are "${envAuthor}" while it is set`);
  }
  if (setting.pager !== undefined && deps.env.FILMS_PAGER !== undefined) {
    warn(deps.io, `FILMS_PAGER is set ("${deps.env.FILMS_PAGER}") and comes first: it is the pager while it is set`);
  }
}
