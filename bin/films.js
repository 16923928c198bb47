#!/usr/bin/env node
// CommonJS (bin/package.json): `films --version` answers without starting the ES module loader,
// and reads the version where it is kept, in package.json.
const argv = process.argv.slice(2);
// `films list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
});
if (argv.length === 1 && ['--version', '-v', '-V'].includes(argv[0])) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  import('../dist/cli.js').then(async ({ main, systemDeps }) => {
    process.exitCode = await main(argv, systemDeps());
  });
}
