// Takes the store's lock the way films does, says so, then holds it until killed.
import { writeFileSync } from 'node:fs';
import lockfile from 'proper-lockfile';

const [store] = process.argv.slice(2);
await lockfile.lock(store, { realpath: false, stale: 4000, update: 1000 });
writeFileSync(`${store}.lock-owner`, JSON.stringify({ pid: process.pid }));
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
