// One of several concurrent writers: adds `count` reviews through the CLI's own main(), one after another.
// It waits for the lock as long as it takes (not ~6 s): the test is that no write is lost, however loaded the machine.
import { main, systemDeps } from '../../dist/cli.js';

const [store, name, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const code = await main(['--db', store, 'review', 'add', 'dear-comrades', '--author', name, '--text', `${name} review ${i}`], {
    ...systemDeps(),
    lockWaitMs: 120_000,
  });
  if (code !== 0) process.exit(code);
}
