#!/usr/bin/env node
// `films --version` answers without loading the CLI: it is the one command that needs nothing else.
const argv = process.argv.slice(2);
// `films list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
});
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main, systemDeps } = await import('../dist/cli.js');
  process.exitCode = await main(argv, systemDeps());
}
