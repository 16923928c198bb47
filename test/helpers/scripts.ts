import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './cli.js';
import { ROOT } from './paths.js';

/**
 * A folder for the scripts a test runs as programs (an editor, a pager, `films` on the PATH). It is
 * under the project, not in the temp folder: that may be mounted noexec (a hardened /tmp), and the
 * project's folder cannot be, as npm runs its tools from node_modules/.bin.
 */
export async function scriptFolder(): Promise<{
  dir: string;
  write: (name: string, text: string) => Promise<string>;
  cleanup: () => Promise<void>;
}> {
  const parent = join(ROOT, 'node_modules', '.cache', 'films-test-scripts');
  await mkdir(parent, { recursive: true });
  const { dir, cleanup } = await tempDir(parent);
  const write = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    await chmod(path, 0o755);
    return path;
  };
  return { dir, write, cleanup };
}
