// npm run bench: whole-process timings of films at 1k, 10k and 100k reviews, as ratios to baselines
// measured in the same run (B0 = `node -e 0`, B1 = read + JSON.parse of the same store), since
// these machines are shared and noisy. Writes bench/results.json; stores go to bench/stores/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore, generateLetterboxdCsv } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'films.js');
const stores = join(here, 'stores');
const rssHook = join(here, 'rss-hook.cjs');
const quick = process.argv.includes('--quick');
mkdirSync(stores, { recursive: true });

function run(args, env = {}, { rss = false } = {}) {
  const rssFile = join(stores, `rss-${process.pid}.txt`);
  const nodeArgs = rss ? ['--require', rssHook, ...args] : args;
  const started = performance.now();
  // Output goes to /dev/null: the benchmark times the command, not a reader of 75 MB.
  const result = spawnSync(process.execPath, nodeArgs, {
    env: { ...process.env, ...env, BENCH_RSS_OUT: rssFile, NO_COLOR: '1', COLUMNS: '100' },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const kb = rss ? Number(readFileSync(rssFile, 'utf8')) : null;
  return { ms, kb };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The command runs `runs` times after a warm-up, each run between two runs of its baseline: the
 * median of each, and the median of the ratios of each run to the mean of the baselines around it,
 * so that load on a shared machine, rising or falling, weighs on both alike.
 * `prepare` runs before each command run (e.g. restoring a store a write changed).
 */
function paired(args, baseline, { env, runs, prepare } = {}) {
  const times = [];
  const bases = [run(baseline).ms];
  for (let i = 0; i <= runs; i++) {
    prepare?.();
    const { ms } = run(args, env);
    bases.push(run(baseline).ms);
    if (i > 0) times.push(ms);
  }
  // bases[i] and bases[i + 1] surround the command's run i (run 0 is the warm-up).
  const ratios = times.map((ms, i) => ms / (((bases[i + 1] ?? 0) + (bases[i + 2] ?? 0)) / 2));
  return { ms: median(times), baseMs: median(bases.slice(1)), ratio: median(ratios) };
}

const peakRss = (args, env, runs = 3) => median(Array.from({ length: runs }, () => run(args, env, { rss: true }).kb));

const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const results = {
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
  sizes: {},
  startup: {},
  import: {},
  targets: [],
};

const check = (name, value, limit, unit = '×') => {
  const ok = value <= limit;
  results.targets.push({ name, value: Number(value.toFixed(2)), limit, ok, unit });
  return ok;
};

// Startup on the bundled store.
const bundled = join(stores, 'bundled.json');
copyFileSync(join(root, 'data', 'films.json'), bundled);
const startupRuns = quick ? 5 : 11;
const B0 = ['-e', '0'];
const version = paired([bin, '--version'], B0, { runs: startupRuns });
const showSmall = paired([bin, 'show', 'dear-comrades'], B0, { env: { FILMS_DB: bundled }, runs: startupRuns });
const b0 = version.baseMs;
results.startup = { b0Ms: b0, versionMs: version.ms, showMs: showSmall.ms };
check('films --version vs B0', version.ratio, 1.3);
check('films show dear-comrades (bundled store) vs B0', showSmall.ratio, 1.6);

for (const reviews of SIZES) {
  const path = join(stores, `store-${reviews}.json`);
  const pristine = `${path}.pristine`;
  if (!existsSync(pristine)) writeFileSync(pristine, generateStore(reviews));
  copyFileSync(pristine, path);
  const env = { FILMS_DB: path };
  const runs = 7;
  const B1 = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(path)}, 'utf8'))`];
  const restore = () => copyFileSync(pristine, path);
  const commands = {
    show: [bin, 'show', 'film-00001'],
    'list --limit 20': [bin, 'list', '--limit', '20'],
    search: [bin, 'search', 'novocherkassk'],
    export: [bin, 'export'],
    'review add': [bin, 'review', 'add', 'film-00001', '--author', 'Bench', '--text', 'A new review from the benchmark.'],
  };
  const times = {};
  const ratios = {};
  const b1s = [];
  for (const [name, args] of Object.entries(commands)) {
    const measured = paired(args, B1, { env, runs, prepare: name === 'review add' ? restore : undefined });
    times[name] = measured.ms;
    ratios[name] = measured.ratio;
    b1s.push(measured.baseMs);
  }
  const b1 = median(b1s);
  restore();
  const rssShow = peakRss(commands.show, env);
  const rssB1 = peakRss(B1, {});
  results.sizes[reviews] = { bytes: statSync(path).size, films: reviews / 10, b1Ms: b1, times, ratios, rssShowKb: rssShow, rssB1Kb: rssB1 };
  if (reviews === 100_000) {
    const limits = { show: 1.25, 'list --limit 20': 1.3, search: 1.6, export: 2, 'review add': 2.5 };
    for (const [name, limit] of Object.entries(limits)) check(`${name} at 100k vs B1`, ratios[name], limit);
    check('show peak RSS at 100k vs B1', rssShow / rssB1, 1.3);
  }
}

// Growth: from 10k to 100k reviews no command may grow faster than the store's bytes.
if (results.sizes[100_000]) {
  const small = results.sizes[10_000];
  const large = results.sizes[100_000];
  const sizeRatio = large.bytes / small.bytes;
  for (const name of Object.keys(large.times))
    check(`${name}: time growth 10k→100k vs size growth (${sizeRatio.toFixed(1)}×)`, large.times[name] / small.times[name] / sizeRatio, 1);
}

// Import of a 100k-row Letterboxd reviews.csv into an empty store.
const csvRows = quick ? 10_000 : 100_000;
const csv = join(stores, `letterboxd-reviews-${csvRows}.csv`);
if (!existsSync(csv)) writeFileSync(csv, generateLetterboxdCsv(csvRows));
const importStore = join(stores, 'import.json');
writeFileSync(importStore, '{"version":1,"films":[]}\n');
rmSync(`${importStore}.bak`, { force: true });
const imported = run([bin, 'import', csv, '--author', 'bench'], { FILMS_DB: importStore }, { rss: true });
results.import = { rows: csvRows, ms: imported.ms, rssKb: imported.kb };
check(`import of a ${csvRows}-row Letterboxd reviews.csv (seconds)`, imported.ms / 1000, 10, 's');
check('import peak RSS (MiB)', imported.kb / 1024, 1024, 'MiB');

writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const pad = (text, width) => String(text).padEnd(width);
console.log(
  `films benchmark — ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}`,
);
console.log(
  `B0 (node -e 0): ${b0.toFixed(0)} ms; films --version ${version.ms.toFixed(0)} ms (${version.ratio.toFixed(2)}×B0); films show on the bundled store ${showSmall.ms.toFixed(0)} ms (${showSmall.ratio.toFixed(2)}×B0)`,
);
console.log('Each command ran between two runs of its baseline; the ratios are medians over those runs.\n');
console.log(
  `${pad('reviews', 9)}${pad('store', 9)}${pad('B1 ms', 8)}${Object.keys(results.sizes[SIZES[0]].times)
    .map((name) => pad(name, 18))
    .join('')}`,
);
for (const [reviews, size] of Object.entries(results.sizes)) {
  const cells = Object.entries(size.times).map(([name, ms]) => pad(`${ms.toFixed(0)} ms ${size.ratios[name].toFixed(2)}×B1`, 18));
  console.log(`${pad(reviews, 9)}${pad(`${(size.bytes / 2 ** 20).toFixed(1)} MB`, 9)}${pad(size.b1Ms.toFixed(0), 8)}${cells.join('')}`);
}
console.log(`\nimport ${csvRows} rows: ${(imported.ms / 1000).toFixed(1)} s, peak RSS ${(imported.kb / 1024).toFixed(0)} MiB\n`);
for (const target of results.targets)
  console.log(`${target.ok ? 'met ' : 'MISS'}  ${target.name}: ${target.value}${target.unit} (limit ${target.limit}${target.unit})`);
const missed = results.targets.filter((target) => !target.ok).length;
console.log(missed ? `\n${missed} of ${results.targets.length} targets missed` : `\nall ${results.targets.length} targets met`);
