#!/usr/bin/env node
// CommonJS (bin/package.json): `films --version` answers without starting the ES module loader,
// and reads the version where it is kept, in package.json.
const argv = process.argv.slice(2);
// stdout's errors, a closed pipe among them, are main's (src/cli.ts): it ends with the command's own exit code.
const run = () =>
  import('../dist/cli.js').then(async ({ main, systemDeps }) => {
    process.exitCode = await main(argv, systemDeps());
  });
if (argv.length === 1 && ['--version', '-v', '-V'].includes(argv[0])) {
  const { writeSync } = require('node:fs');
  const version = Buffer.from(`${require('../package.json').version}\n`);
  // Every byte checked, as src/cli.ts's fileOutput does (this path loads none of it): a short write is no success.
  try {
    for (let offset = 0; offset < version.length;) {
      const written = writeSync(1, version, offset);
      if (written <= 0) throw new Error('stdout took no more bytes');
      offset += written;
    }
  } catch (error) {
    // A reader that has gone (`films --version | true`) is no error; any other failure is said as every command says it.
    if (error.code !== 'EPIPE') run();
  }
} else {
  run();
}
