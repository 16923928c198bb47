import { UsageError } from '../errors.js';
import { holdsAsciiControl, readAuthor, type Reading } from './rules.js';

/** A setting films knows: what it is for, and how a value is read, from the config file's JSON or as typed after `config set`. */
interface Setting<T> {
  description: string;
  /** A value as typed after `films config set <key>`, for hints. */
  example: string;
  read: (value: unknown) => Reading<T>;
}

/** A pager's command line: one line, kept as typed but for the spaces around it ("" and false turn paging off). */
function readPager(value: string): Reading<string> {
  // A line break or control would be run by the shell.
  if (holdsAsciiControl(value)) return { ok: false, why: 'it must be one line of text' };
  return { ok: true, value: value.trim() };
}

const text =
  (read: (value: string) => Reading<string>) =>
  (value: unknown): Reading<string> =>
    typeof value === 'string' ? read(value) : { ok: false, why: 'it must be text' };

/**
 * Every setting of the config file, in the order the file lists them. A key not named here is
 * refused, never dropped; a new setting is one more entry.
 */
export const SETTINGS = {
  author: {
    description: 'who you are: the author of your reviews, ratings and diary (FILMS_AUTHOR comes first)',
    example: '"Your Name"',
    read: text(readAuthor),
  } satisfies Setting<string>,
  pager: {
    description: 'the pager of output taller than the screen, a command line as $PAGER takes ($FILMS_PAGER comes first); "" or false: none',
    example: 'false',
    read: text(readPager),
  } satisfies Setting<string>,
};

export type SettingName = keyof typeof SETTINGS;
type ValueOf<Name extends SettingName> = (typeof SETTINGS)[Name] extends Setting<infer T> ? T : never;
export type Config = { [Name in SettingName]?: ValueOf<Name> };

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
export const isSettingName = (key: string): key is SettingName => Object.hasOwn(SETTINGS, key);

/** A setting's name as typed after `films config get|set|unset`. */
export function parseSettingName(key: string): SettingName {
  if (!isSettingName(key)) throw new UsageError(`there is no setting "${key}"`, `the settings are: ${SETTING_NAMES.join(', ')}`);
  return key;
}

/** `films config set <key> <value>`: the one setting, its value checked by the setting's rule. */
export function parseSetting(key: string, value: string): Config {
  const name = parseSettingName(key);
  const setting = SETTINGS[name].read(value);
  if (!setting.ok) throw new UsageError(`${name}: ${setting.why}`, `for example films config set ${name} ${SETTINGS[name].example}`);
  return { [name]: setting.value };
}

/** A config file's JSON as settings, or why it is none: an object of known settings, each valid. */
export function readSettings(json: unknown): Reading<Config> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, why: 'it is not a JSON object' };
  const config: Config = {};
  for (const [key, value] of Object.entries(json)) {
    if (!isSettingName(key)) return { ok: false, why: `unknown setting "${key}"; films knows ${SETTING_NAMES.join(', ')}` };
    const setting = SETTINGS[key].read(value);
    if (!setting.ok) return { ok: false, why: `${key}: ${setting.why}` };
    config[key] = setting.value;
  }
  return { ok: true, value: config };
}

/** The settings in the table's order, unset ones left out: the config file's JSON. */
export const settingsInOrder = (config: Config): Record<string, unknown> =>
  Object.fromEntries(SETTING_NAMES.filter((name) => config[name] !== undefined).map((name) => [name, config[name]]));
