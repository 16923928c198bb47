import { describe, expect, it } from 'vitest';
import { parseSetting, parseSettingName, readSettings, settingsInOrder } from '../../src/domain/settings.js';
import { UsageError } from '../../src/errors.js';

describe('the settings of the config file', () => {
  it('reads a file of known settings, each by its rule (author trimmed)', () => {
    expect(readSettings({ author: '  Vera ' })).toEqual({ ok: true, value: { author: 'Vera' } });
    expect(readSettings({})).toEqual({ ok: true, value: {} });
  });

  it.each([
    [[], 'it is not a JSON object'],
    ['author', 'it is not a JSON object'],
    [null, 'it is not a JSON object'],
    [{ author: 'Vera', colour: 'red' }, 'unknown setting "colour"; films knows author, pager'],
    [JSON.parse('{"__proto__": {"author": "x"}}'), 'unknown setting "__proto__"; films knows author, pager'],
    [{ author: '' }, 'author: the author is empty'],
    [{ author: 7 }, 'author: it must be text'],
    [{ author: 'a'.repeat(201) }, 'author: the author is 201 characters, over the limit of 200'],
  ])('refuses %j: %s', (json, why) => {
    expect(readSettings(json)).toEqual({ ok: false, why });
  });

  it('parses `config set` and `config get` arguments by the same rules, as usage errors', () => {
    expect(parseSetting('author', ' Ann ')).toEqual({ author: 'Ann' });
    expect(parseSettingName('author')).toBe('author');
    expect(() => parseSetting('author', '   ')).toThrow(UsageError);
    expect(() => parseSetting('author', 'x'.repeat(201))).toThrow('author: the author is 201 characters, over the limit of 200');
    expect(() => parseSettingName('colour')).toThrow('there is no setting "colour"');
    expect(parseSetting('pager', ' less -S ')).toEqual({ pager: 'less -S' });
    expect(parseSetting('pager', '')).toEqual({ pager: '' });
    expect(() => parseSetting('pager', 'less\u001b[2J')).toThrow('pager: it must be one line of text');
    expect(() => parseSettingName('toString')).toThrow(UsageError);
  });

  it('writes the settings in the table order, leaving out unset ones', () => {
    expect(settingsInOrder({ author: 'Ann' })).toEqual({ author: 'Ann' });
    expect(settingsInOrder({ author: undefined })).toEqual({});
  });
});
