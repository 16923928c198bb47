import type { Deps } from '../../io.js';
import { safeText } from '../../render/safe-text.js';
import type { SettingName } from '../../domain/settings.js';
import { changeConfig, readConfig } from '../../store/config.js';
import { configPath } from '../../store/location.js';

export interface ConfigUnsetOptions {
  key: SettingName;
}

export async function run({ key }: ConfigUnsetOptions, deps: Deps): Promise<void> {
  const path = configPath(deps.env, deps.cwd);
  if (readConfig(path)[key] === undefined) {
    deps.io.out.write(`${safeText(`${key} was not set in ${path}; nothing changed`)}\n`);
    return;
  }
  await changeConfig(path, ({ [key]: _gone, ...rest }) => rest);
  deps.io.out.write(`${safeText(`Unset ${key} in ${path}`)}\n`);
}
