import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { StoreError } from '../../errors.js';
import {
  ANCESTOR_DRIVER,
  ancestorDriver,
  attributesLine,
  IGNORE_COMMENT,
  ignorePatterns,
  MERGE_TEMP_PATTERN,
  mergeDriver,
  textconvCommand,
  unwritablePath,
  withLines,
} from '../../formats/git-files.js';
import type { Deps, GitResult, RunGit } from '../../io.js';
import { safeText } from '../../render/safe-text.js';
import { linkTarget, writeFileAtomically } from '../../store/atomic-write.js';
import { invalidUtf8At } from '../../utf8.js';
import { errorCode, isDiskFull, reason } from '../../store/errno.js';

export interface GitSetupOptions {
  store: string;
}

const HOW = 'keep the store in a git repository (e.g. FILMS_DB=~/films-diary/films.json in a clone) and run films db git-setup there';

/** git, or one line saying that there is none. */
async function runGit(git: RunGit, args: readonly string[], cwd: string): Promise<GitResult> {
  try {
    return await git(args, cwd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new StoreError('git is not installed (no git on the PATH)', 'install git, then run films db git-setup again');
    throw new StoreError(`cannot run git (${reason(error)})`, 'check that git runs in a terminal, then try again');
  }
}

/** The store's work tree and its path there (`/`-separated), or a refusal when it is in none. */
async function storeInWorkTree(git: RunGit, store: string): Promise<{ root: string; path: string }> {
  let target: string;
  try {
    target = linkTarget(store);
  } catch {
    throw new StoreError(`the store ${store} is a symbolic link to nothing`, 'fix or remove the link first');
  }
  const folder = dirname(target);
  if (!existsSync(folder)) throw new StoreError(`the store's folder ${folder} does not exist, so it is in no git work tree`, HOW);
  const result = await runGit(git, ['rev-parse', '--show-toplevel'], folder);
  const root = result.stdout.replace(/\n$/, '');
  if (result.status !== 0 || root === '') throw new StoreError(`the store ${store} is not inside a git work tree`, HOW);
  const path = relative(realpathSync(root), join(realpathSync(folder), basename(target)))
    .split(sep)
    .join('/');
  if (path.startsWith('../') || path === '..') throw new StoreError(`the store ${store} is not inside the git work tree ${root}`, HOW);
  if (unwritablePath(path))
    throw new StoreError(`the store's path ${path} holds a control character, which git's attribute files cannot name`, 'rename the store');
  return { root, path };
}

/** A file or folder where git-setup needs the other (.gitattributes a folder, .git/info a file). */
const IN_THE_WAY = new Set(['EISDIR', 'ENOTDIR', 'EEXIST']);

/** What to do when a file git-setup reads or writes cannot be. */
function fixFor(error: unknown): string {
  const code = errorCode(error) ?? '';
  const first = isDiskFull(error)
    ? 'free some space'
    : IN_THE_WAY.has(code)
      ? 'move what is in the way aside'
      : 'check the permissions of the repository';
  return `${first}, then run films db git-setup again (it adds only what is missing)`;
}

/** Adds the lines a text file lacks (atomically, keeping its mode); false when it had them all. */
async function addLines(file: string, lines: readonly string[], header: readonly string[] = []): Promise<boolean> {
  const bytes = await readFile(file).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return Buffer.alloc(0);
    throw new StoreError(`cannot read ${file} (${reason(error)})`, fixFor(error));
  });
  // Written back as UTF-8, any other byte in it would become U+FFFD: it is left alone.
  const bad = invalidUtf8At(bytes);
  if (bad) {
    throw new StoreError(
      `${file}:${bad.line}: not valid UTF-8 (byte ${bad.byte}), so films will not rewrite it`,
      'save it as UTF-8, then run films db git-setup again (it adds only what is missing)',
    );
  }
  const text = bytes.toString('utf8');
  if (withLines(text, lines) === null) return false;
  const updated = withLines(text, [...header, ...lines]) as string;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomically(file, [updated]);
  } catch (error) {
    throw new StoreError(`cannot write ${file} (${reason(error)})`, fixFor(error));
  }
  return true;
}

/**
 * What the repository's own config holds for these keys, read by one git: the last value of each,
 * as `git config --get` and git itself take a key set more than once.
 */
async function localConfig(git: RunGit, root: string, keys: readonly string[]): Promise<Map<string, string>> {
  const pattern = `^(${keys.map((key) => key.replace(/[.^$|()[\]{}*+?\\]/g, '\\$&')).join('|')})$`;
  const result = await runGit(git, ['config', '--local', '--null', '--get-regexp', pattern], root);
  const values = new Map<string, string>();
  // Status 1: none is set. Any other failure shows when the keys are set.
  if (result.status !== 0) return values;
  // --null: each key, a line break, its value, then NUL.
  for (const entry of result.stdout.split('\0').filter(Boolean)) {
    // A key without a value (`[merge "films"] name` alone) has no line break.
    const end = entry.includes('\n') ? entry.indexOf('\n') : entry.length;
    values.set(entry.slice(0, end), entry.slice(end + 1));
  }
  return values;
}

/** Sets a key of the repository's own git config. */
async function setConfig(git: RunGit, root: string, key: string, value: string): Promise<void> {
  const set = await runGit(git, ['config', '--local', '--replace-all', key, value], root);
  if (set.status !== 0)
    throw new StoreError(`git config ${key} failed: ${set.stderr.trim().split('\n')[0] ?? ''}`, 'check the repository with git status');
}

/** The store's merge and diff attributes as git sees them (`git check-attr`), after every .gitattributes and info/attributes. */
async function attributesInEffect(git: RunGit, root: string, path: string): Promise<{ merge: string; diff: string }> {
  const result = await runGit(git, ['check-attr', '-z', 'merge', 'diff', '--', path], root);
  if (result.status !== 0)
    throw new StoreError(`git check-attr failed: ${result.stderr.trim().split('\n')[0] ?? ''}`, 'check the repository with git status');
  // -z: path, attribute, value, each ended by NUL.
  const fields = result.stdout.split('\0');
  const valueOf = (attribute: string): string => fields[fields.indexOf(attribute) + 1] ?? 'unspecified';
  return { merge: valueOf('merge'), diff: valueOf('diff') };
}

/** Each step that is missing, in order, each named in `done` once made; whether .gitattributes gained the films line. */
async function setUp(git: RunGit, root: string, path: string, selfCommand: readonly string[], done: string[]): Promise<boolean> {
  const attributes = attributesLine(path);
  const attributesAdded = await addLines(join(root, '.gitattributes'), [attributes]);
  if (attributesAdded) done.push(`.gitattributes: added ${attributes}`);
  const exclude = await runGit(git, ['rev-parse', '--git-path', 'info/exclude'], root);
  if (exclude.status !== 0)
    throw new StoreError(`git cannot say where ${root} keeps its info/exclude file`, 'check the repository with git status');
  const excludeFile = resolve(root, exclude.stdout.replace(/\n$/, ''));
  const ignored = [...ignorePatterns(path), MERGE_TEMP_PATTERN];
  if (await addLines(excludeFile, ignored, [IGNORE_COMMENT])) {
    done.push(`${relative(root, excludeFile)}: ignoring the store's backup, lock, temp and conflicts files (${ignored.join(' ')})`);
  }
  const config: [string, string][] = [
    ['merge.films.name', 'films: merge stores by their meaning'],
    ['merge.films.driver', mergeDriver(selfCommand)],
    ['merge.films.recursive', ANCESTOR_DRIVER],
    [`merge.${ANCESTOR_DRIVER}.name`, 'films: the common ancestor of a criss-cross merge'],
    [`merge.${ANCESTOR_DRIVER}.driver`, ancestorDriver(selfCommand)],
    ['diff.films.textconv', textconvCommand(selfCommand)],
  ];
  const current = await localConfig(
    git,
    root,
    config.map(([key]) => key),
  );
  for (const [key, value] of config) {
    if (current.get(key) === value) continue;
    await setConfig(git, root, key, value);
    done.push(`git config ${key} ${value}`);
  }
  return attributesAdded;
}

/**
 * `films db git-setup`: makes git merge the store through `films db merge` and diff it through
 * `films db textconv`, in the repository the store is in. Each step is done only when missing, so
 * a second run changes nothing. The config is local to the clone; .gitattributes is to be committed.
 * It claims success only once `git check-attr` shows that git will use films for the store.
 */
export async function run(options: GitSetupOptions, { io, git, selfCommand }: Deps): Promise<void> {
  const { root, path } = await storeInWorkTree(git, options.store);
  const where = `${path} in ${root}`;
  // Not wrapped: each is a command line or a path to copy whole.
  const said = (line: string): void => io.out.write(`${io.glyphs.text(safeText(line))}\n`);
  const done: string[] = [];
  const list = (heading: string): void => {
    said(heading);
    for (const line of done) said(`  ${line}`);
  };
  let attributesAdded: boolean;
  try {
    attributesAdded = await setUp(git, root, path, selfCommand, done);
    const inEffect = await attributesInEffect(git, root, path);
    if (inEffect.merge !== 'films' || inEffect.diff !== 'films') {
      throw new StoreError(
        `git will not merge and diff ${where} through films: git check-attr says merge: ${inEffect.merge}, diff: ${inEffect.diff}, as a later line of .gitattributes, a .gitattributes in its folder, or .git/info/attributes overrides '${attributesLine(path)}'`,
        'remove that override, or repeat the films line after it, then run films db git-setup again',
      );
    }
  } catch (error) {
    // A step failed after others were done: the person sees which, and a second run does only the rest.
    if (done.length > 0) list(`Done for ${where} before it failed (once that is fixed, 'films db git-setup' does only the rest):`);
    throw error;
  }
  // Whichever run added the films line (an earlier one may have failed after it), it is to be committed.
  const status = await attributesStatus(git, root);
  const commit = attributesAdded || status === 'uncommitted' || status === 'ignored';
  const add = status === 'ignored' ? 'git add -f .gitattributes' : 'git add .gitattributes';
  const commitNow = `Commit .gitattributes now, before your next git pull (${add} && git commit -m 'films merges the diary')`;
  if (done.length === 0) {
    said(`Nothing to change: git already merges and diffs ${where} through films`);
    if (commit) said(`${commitNow}.`);
    return;
  }
  list(`Set up git to merge and diff ${where} through films:`);
  const everyClone = "'films db git-setup' in every clone: the config is the clone's own.";
  said(commit ? `${commitNow}, and run ${everyClone}` : `Run ${everyClone}`);
}

/**
 * How .gitattributes stands: as committed, changed or new, or ignored (then only `git add -f` takes
 * it); null when git cannot say. Whatever the repository's settings hide from `git status`.
 */
async function attributesStatus(git: RunGit, root: string): Promise<'committed' | 'uncommitted' | 'ignored' | null> {
  const args = ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=all', '--ignored', '--', '.gitattributes'];
  const result = await runGit(git, args, root);
  if (result.status !== 0) return null;
  if (result.stdout === '') return 'committed';
  return result.stdout.startsWith('!!') ? 'ignored' : 'uncommitted';
}
