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
  // writeFileSync writes every byte or throws. A failure, even a reader that has gone, is left to main(), which says it
  // as every command does (a full disk: one line, exit 1; a closed pipe: exit 0).
  try {
    require('node:fs').writeFileSync(1, `${require('../package.json').version}\n`);
  } catch {
    run();
  }
} else {
  run();
}
