import { NotFoundError } from '../../errors.js';
import type { Deps } from '../../io.js';
import type { SettingName } from '../../domain/settings.js';
import { readConfig } from '../../store/config.js';
import { configPath } from '../../store/location.js';

export interface ConfigGetOptions {
  key: SettingName;
}

/** Prints the value alone, for scripts; a key that is not set exits 1 with nothing on stdout, as `git config` does. */
export async function run({ key }: ConfigGetOptions, deps: Deps): Promise<void> {
  const path = configPath(deps.env, deps.cwd);
  const value = readConfig(path)[key];
  if (value === undefined) throw new NotFoundError(`${key} is not set in ${path}`, `set it with 'films config set ${key} <value>'`);
  // The value as stored, for scripts: its rule (rules.ts) let no control character in, so it is safe to print.
  deps.io.out.write(`${value}\n`);
}
