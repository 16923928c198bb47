// films as bin/films.js runs it (the built dist/cli.js, the real environment), stopping itself with
// SIGSTOP at one step of its write to the store, after saying which on stdout: a test can then kill it
// (SIGKILL) or let it go on (SIGCONT) at exactly that step, however fast or loaded the machine is.
//   node paused-films.mjs <step> <films arguments…>
// The steps, in the order a write takes them:
//   locked     the store's lock is taken (its owner written), nothing else done
//   writing    the temp file holds the first piece of the new store, not all of it
//   written    the temp file holds the whole new store, synced, not yet in the store's place
//   backed-up  the old store is the .bak, the store itself not yet replaced
//   replaced   the temp file has replaced the store; the lock is not yet released
// It watches the file system calls the write makes: node:module's syncBuiltinESMExports() hands the
// patched functions to the bundle's ES imports of node:fs and node:fs/promises.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const fs = require('node:fs');
const fsp = require('node:fs/promises');

const [step, ...argv] = process.argv.slice(2);
const STEPS = ['locked', 'writing', 'written', 'backed-up', 'replaced'];
if (!STEPS.includes(step)) throw new Error(`paused-films: the step is one of ${STEPS.join(', ')}, not ${step}`);

let paused = false;
function reached(name) {
  if (name !== step || paused) return;
  paused = true;
  fs.writeSync(1, `${name}\n`);
  process.kill(process.pid, 'SIGSTOP');
}

const open = fsp.open;
fsp.open = async (path, flags, mode) => {
  const handle = await open(path, flags, mode);
  const name = String(path);
  if (flags === 'wx' && name.endsWith('.lock')) {
    const close = handle.close.bind(handle);
    handle.close = async () => {
      await close();
      reached('locked');
    };
  }
  if (flags === 'wx' && name.endsWith('.tmp')) {
    const write = handle.write.bind(handle);
    handle.write = async (...args) => {
      const result = await write(...args);
      reached('writing');
      return result;
    };
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      reached('written');
    };
  }
  return handle;
};
const rename = fsp.rename;
fsp.rename = async (from, to) => {
  await rename(from, to);
  // A temp file put in place: the backup's, or the store's.
  if (String(from).endsWith('.tmp')) reached(String(to).endsWith('.bak') ? 'backed-up' : 'replaced');
};
syncBuiltinESMExports();

const { main, systemDeps } = await import('../../dist/cli.js');
process.exitCode = await main(argv, systemDeps());
