import type { Deps } from '../../io.js';
import { safeText } from '../../render/safe-text.js';
import type { SettingName } from '../../domain/settings.js';
import { changeConfig, readConfig } from '../../store/config.js';
import { configPath } from '../../store/location.js';
import { say } from '../warn.js';

export interface ConfigUnsetOptions {
  key: SettingName;
}

export async function run({ key }: ConfigUnsetOptions, deps: Deps): Promise<void> {
  const path = configPath(deps.env, deps.cwd);
  if (readConfig(path)[key] === undefined) {
    say(deps.io, safeText(`${key} was not set in ${path}; nothing changed`));
    return;
  }
  await changeConfig(path, ({ [key]: _gone, ...rest }) => rest);
  say(deps.io, safeText(`Unset ${key} in ${path}`));
}
