// npm run bench: whole-process timings of films on stores of three shapes, as ratios to baselines
// measured in the same run (B0 = `node -e 0`, B1 = read + JSON.parse of the same store), since
// these machines are shared and noisy. A full run writes bench/results.json; stores go to bench/stores/.
//
//   npm run bench                      every shape, 10k and 100k reviews (and 1k of the catalogue)
//   npm run bench -- --quick           no 100k stores, fewer runs
//   npm run bench -- --shape pairs --size 100k --command show,export --runs 3
//     one shape, size or command while you work (comma lists; commands: startup, show, list, search,
//     export, review, import); a run so narrowed writes bench/stores/results-partial.json instead.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateStore, generateLetterboxdCsv } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'films.js');
const stores = join(here, 'stores');
const usageHook = join(here, 'usage-hook.cjs');
mkdirSync(stores, { recursive: true });

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    shape: { type: 'string' },
    size: { type: 'string' },
    command: { type: 'string' },
    runs: { type: 'string' },
  },
});
const listFlag = (value) =>
  value === undefined
    ? null
    : value
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean);
const sizeOf = (text) => Number(text.replace(/k$/i, '000').replace(/_/g, ''));
const onlyShapes = listFlag(flags.shape);
const onlySizes = listFlag(flags.size)?.map(sizeOf) ?? null;
const onlyCommands = listFlag(flags.command);
const narrowed = Boolean(onlyShapes || onlySizes || onlyCommands || flags.runs);
const quick = flags.quick;
/** Whether a command (by the first word of its name) is measured in this run. */
const wanted = (name) => !onlyCommands || onlyCommands.includes(name.split(' ')[0]);

/** One run of node with `args`: its wall time, and the CPU time and peak RSS it reports (usage-hook.cjs). */
function run(args, env = {}) {
  const usageFile = join(stores, `usage-${process.pid}.txt`);
  const started = performance.now();
  // Output goes to /dev/null: the benchmark times the command, not a reader of 75 MB.
  const result = spawnSync(process.execPath, ['--require', usageHook, ...args], {
    env: { ...process.env, ...env, BENCH_RSS_OUT: usageFile, NO_COLOR: '1', COLUMNS: '100' },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [kb, cpuMs] = readFileSync(usageFile, 'utf8').split(' ').map(Number);
  rmSync(usageFile);
  return { ms, cpuMs, kb };
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const round = (value, digits = 2) => Number(value.toFixed(digits));

/**
 * The command runs `runs` times after a warm-up, each run between two runs of its baseline: the
 * median of each, and the median of the ratios of each run to the mean of the baselines around it,
 * so that load on a shared machine, rising or falling, weighs on both alike. The same for CPU time,
 * which load disturbs far less, and peak RSS. The lowest and highest wall-time ratio and baseline
 * say how noisy the machine was meanwhile.
 * `prepare` runs before each command run (e.g. restoring a store a write changed).
 */
function paired(args, baseline, { env, runs, prepare } = {}) {
  const done = [];
  const bases = [run(baseline)];
  for (let i = 0; i <= runs; i++) {
    prepare?.();
    const measured = run(args, env);
    bases.push(run(baseline));
    if (i > 0) done.push(measured);
  }
  // bases[i] and bases[i + 1] surround the command's run i (run 0 is the warm-up).
  const ratiosOf = (key) => done.map((measured, i) => measured[key] / ((bases[i + 1][key] + bases[i + 2][key]) / 2));
  const ratios = ratiosOf('ms');
  const baseMs = bases.slice(1).map(({ ms }) => ms);
  const of = (key, list) => median(list.map((measured) => measured[key]));
  return {
    ms: of('ms', done),
    baseMs: of('ms', bases.slice(1)),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    baseRange: [Math.min(...baseMs), Math.max(...baseMs)],
    cpuMs: of('cpuMs', done),
    baseCpuMs: of('cpuMs', bases.slice(1)),
    cpuRatio: median(ratiosOf('cpuMs')),
    kb: of('kb', done),
    baseKb: of('kb', bases.slice(1)),
  };
}

/** What the generated data comes from: a store is made again when its generator or the importer changes. */
function fingerprint(...files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}
const distFiles = () =>
  readdirSync(join(root, 'dist'))
    .sort()
    .map((name) => join(root, 'dist', name));

const results = {
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
  loadBefore: loadavg().map((load) => round(load)),
  startup: {},
  shapes: {},
  imports: {},
  targets: [],
};

/** A target, met when `value` is within `limit`; `cpu` is the same ratio in CPU time, shown beside it. */
const check = (name, value, limit, { unit = '×', cpu } = {}) => {
  const ok = value <= limit;
  results.targets.push({ name, value: round(value), limit, ok, unit, ...(cpu === undefined ? {} : { cpu: round(cpu) }) });
  return ok;
};

// Startup on the bundled store.
const B0 = ['-e', '0'];
if (wanted('startup')) {
  const bundled = join(stores, 'bundled.json');
  copyFileSync(join(root, 'data', 'films.json'), bundled);
  const startupRuns = Number(flags.runs ?? (quick ? 5 : 11));
  const version = paired([bin, '--version'], B0, { runs: startupRuns });
  const showSmall = paired([bin, 'show', 'dear-comrades'], B0, { env: { FILMS_DB: bundled }, runs: startupRuns });
  results.startup = { b0Ms: version.baseMs, version, show: showSmall };
  check('films --version vs B0', version.ratio, 1.3, { cpu: version.cpuRatio });
  check('films show dear-comrades (bundled store) vs B0', showSmall.ratio, 1.6, { cpu: showSmall.cpuRatio });
}

/**
 * A generated Letterboxd reviews.csv of `rows` rows imported into an empty store, as a user would
 * do, `runs` times: the time and peak memory of the import, and the store it makes (the letterboxd shape).
 */
function importLetterboxd(rows, path, runs) {
  const csv = join(stores, `letterboxd-reviews-${rows}.csv`);
  const csvKey = `${csv}.${fingerprint(join(here, 'generate.js'))}`;
  if (!existsSync(csvKey)) {
    writeFileSync(csv, generateLetterboxdCsv(rows));
    writeFileSync(csvKey, '');
  }
  const measured = [];
  for (let i = 0; i < runs; i++) {
    writeFileSync(path, '{"version":2,"films":[]}\n');
    rmSync(`${path}.bak`, { force: true });
    measured.push(run([bin, 'import', csv, '--author', 'bench'], { FILMS_DB: path }));
  }
  rmSync(`${path}.bak`, { force: true });
  const times = measured.map(({ ms }) => ms);
  return {
    rows,
    ms: median(times),
    msRange: [Math.min(...times), Math.max(...times)],
    cpuMs: median(measured.map(({ cpuMs }) => cpuMs)),
    rssKb: Math.max(...measured.map(({ kb }) => kb)),
  };
}

/** The shapes a store takes: each is measured at each size, the same commands and baselines. */
const SHAPES = {
  catalogue: {
    about: 'generated: a film per 10 reviews, as a catalogue collected from film pages',
    sizes: [1_000, 10_000, 100_000],
    film: 'film-00001',
    build: (path, reviews) => writeFileSync(path, generateStore(reviews)),
    key: () => fingerprint(join(here, 'generate.js')),
  },
  letterboxd: {
    about: 'films import of a generated Letterboxd reviews.csv (a row per entry, three a film, with watched dates and tags)',
    sizes: [10_000, 100_000],
    film: 'film-1',
    build: (path, reviews) => {
      const imported = importLetterboxd(reviews, path, wanted('import') && !quick && reviews >= 100_000 ? 3 : 1);
      if (wanted('import')) results.imports[reviews] = imported;
    },
    // The importer makes this store, so it is made again whenever the build changes.
    key: () => fingerprint(join(here, 'generate.js'), ...distFiles()),
    rebuild: () => wanted('import'),
  },
  pairs: {
    about: 'generated: two reviews a film (50k films at 100k reviews)',
    sizes: [10_000, 100_000],
    film: 'film-00001',
    build: (path, reviews) => writeFileSync(path, generateStore(reviews, { perFilm: 2 })),
    key: () => fingerprint(join(here, 'generate.js')),
  },
};

/** 100k-review targets, as ratios to B1. */
const LIMITS = { show: 1.25, 'list --limit 20': 1.3, search: 1.6, export: 2, 'review add': 2.5 };

for (const [shapeName, shape] of Object.entries(SHAPES)) {
  if (onlyShapes && !onlyShapes.includes(shapeName)) continue;
  const sizes = shape.sizes.filter((size) => (onlySizes ? onlySizes.includes(size) : !quick || size < 100_000));
  const measuredSizes = {};
  for (const reviews of sizes) {
    const path = join(stores, `${shapeName}-${reviews}.json`);
    const pristine = `${path}.pristine`;
    const keyFile = `${pristine}.key`;
    const key = shape.key();
    if (shape.rebuild?.() || !existsSync(pristine) || !existsSync(keyFile) || readFileSync(keyFile, 'utf8') !== key) {
      shape.build(pristine, reviews);
      writeFileSync(keyFile, key);
    }
    copyFileSync(pristine, path);
    const films = JSON.parse(readFileSync(path, 'utf8')).films.length;
    const env = { FILMS_DB: path };
    const runs = Number(flags.runs ?? (quick ? 3 : 7));
    const B1 = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(path)}, 'utf8'))`];
    const restore = () => copyFileSync(pristine, path);
    const commands = {
      show: [bin, 'show', shape.film],
      'list --limit 20': [bin, 'list', '--limit', '20'],
      search: [bin, 'search', 'novocherkassk'],
      export: [bin, 'export'],
      'review add': [bin, 'review', 'add', shape.film, '--author', 'Bench', '--text', 'A new review from the benchmark.'],
    };
    const measured = {};
    for (const [name, args] of Object.entries(commands)) {
      if (!wanted(name)) continue;
      measured[name] = paired(args, B1, { env, runs, prepare: name === 'review add' ? restore : undefined });
    }
    restore();
    const size = {
      bytes: statSync(path).size,
      films,
      b1Ms: median(Object.values(measured).map(({ baseMs }) => baseMs)),
      b1Kb: median(Object.values(measured).map(({ baseKb }) => baseKb)),
      commands: measured,
    };
    if (reviews >= 100_000) {
      for (const [name, limit] of Object.entries(LIMITS))
        if (measured[name]) check(`${shapeName}: ${name} at 100k vs B1`, measured[name].ratio, limit, { cpu: measured[name].cpuRatio });
      for (const [name, { kb, baseKb }] of Object.entries(measured))
        check(`${shapeName}: ${name} peak RSS at 100k vs B1`, kb / baseKb, 1.3);
    }
    measuredSizes[reviews] = size;
  }
  // Growth: from 10k to 100k reviews no command may grow faster than the store's bytes. Measured in
  // CPU time, the work done: wall times taken minutes apart on a shared machine differ by its load.
  const small = measuredSizes[10_000];
  const large = measuredSizes[100_000];
  if (small && large) {
    const sizeRatio = large.bytes / small.bytes;
    for (const name of Object.keys(large.commands)) {
      if (small.commands[name])
        check(
          `${shapeName}: ${name}, CPU time growth 10k→100k vs size growth (${sizeRatio.toFixed(1)}×)`,
          large.commands[name].cpuMs / small.commands[name].cpuMs / sizeRatio,
          1,
        );
    }
  }
  results.shapes[shapeName] = { about: shape.about, sizes: measuredSizes };
}

for (const [rows, imported] of Object.entries(results.imports)) {
  if (Number(rows) < 100_000) continue;
  check(`import of a ${rows}-row Letterboxd reviews.csv (seconds)`, imported.ms / 1000, 10, { unit: 's' });
  check('import peak RSS (MiB)', imported.rssKb / 1024, 1024, { unit: 'MiB' });
}
results.loadAfter = loadavg().map((load) => round(load));

const full = !narrowed && !quick;
writeFileSync(full ? join(here, 'results.json') : join(stores, 'results-partial.json'), `${JSON.stringify(results, null, 2)}\n`);

const pad = (text, width) => String(text).padEnd(width);
const range = ([low, high], digits = 2) => `${low.toFixed(digits)}–${high.toFixed(digits)}`;
console.log(
  `films benchmark — ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; load ${results.loadBefore.join(' ')} before, ${results.loadAfter.join(' ')} after`,
);
const { version, show } = results.startup;
if (version) {
  const startup = (measured) =>
    `${measured.ms.toFixed(0)} ms, ${measured.ratio.toFixed(2)}×B0 (runs ${range(measured.ratioRange)}; CPU time ${measured.cpuRatio.toFixed(2)}×)`;
  console.log(
    `B0 (node -e 0): ${results.startup.b0Ms.toFixed(0)} ms (${range(version.baseRange, 0)}); films --version ${startup(version)}; films show on the bundled store ${startup(show)}`,
  );
}
console.log(
  'Each command ran between two runs of its baseline; the ratios are medians over those runs, the lowest–highest run below each.\n',
);
for (const [shapeName, shape] of Object.entries(results.shapes)) {
  console.log(`${shapeName} — ${shape.about}`);
  const names = Object.keys(Object.values(shape.sizes)[0]?.commands ?? {});
  console.log(`${pad('reviews', 9)}${pad('films', 8)}${pad('store', 10)}${pad('B1 ms', 16)}${names.map((name) => pad(name, 18)).join('')}`);
  for (const [reviews, size] of Object.entries(shape.sizes)) {
    const b1Range = range(
      [
        Math.min(...Object.values(size.commands).map((c) => c.baseRange[0])),
        Math.max(...Object.values(size.commands).map((c) => c.baseRange[1])),
      ],
      0,
    );
    console.log(
      `${pad(reviews, 9)}${pad(size.films, 8)}${pad(`${(size.bytes / 2 ** 20).toFixed(1)} MB`, 10)}${pad(`${size.b1Ms.toFixed(0)} (${b1Range})`, 16)}${names.map((name) => pad(`${size.commands[name].ms.toFixed(0)} ms ${size.commands[name].ratio.toFixed(2)}×`, 18)).join('')}`,
    );
    console.log(
      `${pad('  runs, lowest–highest', 43)}${names.map((name) => pad(`(${range(size.commands[name].ratioRange)})`, 18)).join('')}`,
    );
    console.log(
      `${pad('  CPU time', 43)}${names.map((name) => pad(`${size.commands[name].cpuMs.toFixed(0)} ms ${size.commands[name].cpuRatio.toFixed(2)}×`, 18)).join('')}`,
    );
    console.log(
      `${pad(`  peak RSS (B1 ${(size.b1Kb / 1024).toFixed(0)} MiB)`, 43)}${names.map((name) => pad(`${(size.commands[name].kb / 1024).toFixed(0)} MiB ${(size.commands[name].kb / size.commands[name].baseKb).toFixed(2)}×`, 18)).join('')}`,
    );
  }
  console.log('');
}
for (const [rows, imported] of Object.entries(results.imports)) {
  console.log(
    `import of ${rows} rows: ${(imported.ms / 1000).toFixed(1)} s (${range(
      imported.msRange.map((ms) => ms / 1000),
      1,
    )} s), peak RSS ${(imported.rssKb / 1024).toFixed(0)} MiB`,
  );
}
console.log('');
for (const target of results.targets) {
  const cpu = target.cpu === undefined ? '' : `; CPU time ${target.cpu}×`;
  console.log(`${target.ok ? 'met ' : 'MISS'}  ${target.name}: ${target.value}${target.unit} (limit ${target.limit}${target.unit}${cpu})`);
}
const missed = results.targets.filter((target) => !target.ok).length;
console.log(missed ? `\n${missed} of ${results.targets.length} targets missed` : `\nall ${results.targets.length} targets met`);
if (!full) console.log(`(a ${quick ? 'quick' : 'narrowed'} run: bench/results.json, the last full run, is left as it was)`);
