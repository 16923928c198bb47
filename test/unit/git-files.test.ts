import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  ancestorDriver,
  attributesLine,
  ignorePatterns,
  mergeDriver,
  shellWord,
  textconvCommand,
  withLines,
} from '../../src/formats/git-files.js';

describe("the lines films db git-setup writes into git's files", () => {
  it.each(['/usr/bin/node', "/home/o'brien/films/bin/films.js", 'a b$(touch x)`y`"z"\\', 'ünï 🎬'])(
    'the shell reads %j back as one word',
    (word) => {
      expect(execFileSync('sh', ['-c', `printf '%s' ${shellWord(word)}`], { encoding: 'utf8' })).toBe(word);
    },
  );

  it("the driver runs this films with git's placeholders; textconv lets git add the file", () => {
    expect(mergeDriver(['/n/node', '/f/bin/films.js'])).toBe("'/n/node' '/f/bin/films.js' db merge %O %A %B %P");
    expect(textconvCommand(['/n/node', '/f/bin/films.js'])).toBe("'/n/node' '/f/bin/films.js' db textconv");
    expect(ancestorDriver(['/n/node', '/f/bin/films.js'])).toBe("'/n/node' '/f/bin/films.js' db merge --virtual-base %O %A %B %P");
  });

  it('a % in the path to films is %% in the drivers, which git expands, and % in textconv, which it does not', () => {
    expect(mergeDriver(['/n/node', '/50%A/films.js'])).toBe("'/n/node' '/50%%A/films.js' db merge %O %A %B %P");
    expect(ancestorDriver(['/n/node', '/50%A/films.js'])).toBe("'/n/node' '/50%%A/films.js' db merge --virtual-base %O %A %B %P");
    expect(textconvCommand(['/n/node', '/50%A/films.js'])).toBe("'/n/node' '/50%A/films.js' db textconv");
  });

  it('.gitattributes: the path as it is, C-quoted when it holds a space or a quote, glob characters escaped', () => {
    expect(attributesLine('films.json')).toBe('films.json merge=films diff=films');
    expect(attributesLine('diary/films.json')).toBe('diary/films.json merge=films diff=films');
    expect(attributesLine('My Films/a"b.json')).toBe('"My Films/a\\"b.json" merge=films diff=films');
    expect(attributesLine('a*b?.json')).toBe('a\\*b\\?.json merge=films diff=films');
  });

  it('.gitattributes: a leading # (a comment) or ! (a negative pattern) is escaped; elsewhere it is a plain character', () => {
    expect(attributesLine('#diary.json')).toBe('\\#diary.json merge=films diff=films');
    expect(attributesLine('!diary.json')).toBe('\\!diary.json merge=films diff=films');
    expect(attributesLine('!my diary.json')).toBe('"\\\\!my diary.json" merge=films diff=films');
    expect(attributesLine('a/#b!.json')).toBe('a/#b!.json merge=films diff=films');
  });

  it("info/exclude: the store's siblings and temp files, anchored at the root", () => {
    expect(ignorePatterns('films.json')).toEqual(['/films.json.*', '/.films.json.*']);
    expect(ignorePatterns('a/b/films.json')).toEqual(['/a/b/films.json.*', '/a/b/.films.json.*']);
  });

  it('adds only the lines a file lacks, after a final newline; null when none is missing', () => {
    expect(withLines('', ['x'])).toBe('x\n');
    expect(withLines('a', ['x', 'a'])).toBe('a\nx\n');
    expect(withLines('a\r\nx\r\n', ['x', 'a'])).toBeNull();
    expect(withLines('# x\n', ['x'])).toBe('# x\nx\n');
  });
});
