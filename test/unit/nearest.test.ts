import { describe, expect, it } from 'vitest';
import { editDistance, nearestWords, orList } from '../../src/domain/nearest.js';

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('shwo', 'show')).toBe(1);
    expect(editDistance('josn', 'json')).toBe(1);
    expect(editDistance('stat', 'stats')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests what a word starts, or is an edit per three characters from, nearest first', () => {
    const commands = ['show', 'list', 'add', 'edit', 'remove', 'search', 'stats', 'export', 'import', 'review', 'rate', 'db'];
    expect(nearestWords('shwo', commands)).toEqual(['show']);
    expect(nearestWords('stat', commands)).toEqual(['stats']);
    expect(nearestWords('reveiw', commands)).toEqual(['review']);
    expect(nearestWords('imprt', commands)).toEqual(['import']);
    expect(nearestWords('xyz', commands)).toEqual([]);
    expect(nearestWords('--josn', ['--json', '--ndjson', '--limit'])).toEqual(['--json']);
    expect(nearestWords('s', commands, 2)).toEqual(['show', 'stats']);
  });

  it('names suggestions as a sentence does', () => {
    expect(orList(['a'])).toBe("'a'");
    expect(orList(['a', 'b'])).toBe("'a' or 'b'");
    expect(orList(['a', 'b', 'c'])).toBe("'a', 'b' or 'c'");
  });
});
