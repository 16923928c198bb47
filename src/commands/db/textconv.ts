import { FilmsError, UsageError } from '../../errors.js';
import { invalidStoreFacts, storeFacts } from '../../formats/textconv.js';
import type { Deps } from '../../io.js';
import { readStoreFileBytes } from '../../store/file.js';
import { checkStoreBytes } from '../../store/validate.js';

export interface TextconvOptions {
  file: string;
}

/** `films db textconv <file>`: the store as a line per fact, for `git diff` and `git log -p`. */
export async function run(options: TextconvOptions, { io }: Deps): Promise<void> {
  let bytes: Buffer | null;
  try {
    bytes = readStoreFileBytes(options.file);
  } catch (error) {
    throw error instanceof FilmsError ? new UsageError(error.message, 'films db textconv takes a store file') : error;
  }
  if (bytes === null) throw new UsageError(`there is no file ${options.file}`, 'films db textconv takes a store file (git passes one)');
  // git gives an empty file for the side of a diff where the store does not exist.
  if (bytes.length === 0) return;
  const check = checkStoreBytes(bytes);
  const pieces = check.ok
    ? storeFacts(check.fileVersion, check.data.films)
    : invalidStoreFacts(check.problems[0] ?? 'unknown', bytes.toString('utf8'));
  for (const piece of pieces) io.out.write(piece);
}
