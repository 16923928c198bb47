#!/usr/bin/env node
// CommonJS (bin/package.json): `films --version` answers without starting the ES module loader,
// and reads the version where it is kept, in package.json.
const argv = process.argv.slice(2);
if (argv.length === 1 && ['--version', '-v', '-V'].includes(argv[0])) {
  // A reader that has gone (`films --version | true`) is no error; a full disk is.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`films: could not write to stdout (${error.code ?? error.message}) — check where stdout goes\n`);
    process.exitCode = 1;
  });
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // stdout's errors, a closed pipe among them, are main's (src/cli.ts): it ends with the command's own exit code.
  import('../dist/cli.js').then(async ({ main, systemDeps }) => {
    process.exitCode = await main(argv, systemDeps());
  });
}
