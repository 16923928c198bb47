// One of several concurrent writers: adds `count` reviews through the CLI's own main(), one after another.
import { main, systemDeps } from '../../dist/cli.js';

const [store, name, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const code = await main(
    ['--db', store, 'review', 'add', 'dear-comrades', '--author', name, '--text', `${name} review ${i}`],
    systemDeps(),
  );
  if (code !== 0) process.exit(code);
}
