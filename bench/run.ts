/**
 * `npm run bench` runs every benchmark; `npm run bench -- http-read startup` runs those.
 * Each writes bench/results/<name>.json. Benchmarks report; they never fail on speed.
 */
import { httpRead } from './http-read';
import { indicators } from './indicators';
import { ladder } from './ladder';
import { learning } from './learning';
import { observations } from './observations';
import { rules } from './rules';
import { startup } from './startup';
import { youthDebt } from './youth-debt';

const benchmarks: Record<string, () => Promise<unknown>> = {
  'http-read': () => httpRead(),
  startup: () => startup(),
  ladder: () => ladder(),
  observations: () => observations(),
  rules: () => rules(),
  indicators: () => indicators(),
  learning: () => learning(),
  'youth-debt': () => youthDebt(),
};

const requested = process.argv.slice(2).filter((a) => a !== '--');
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

const started = Date.now();
let failed = false;
for (const name of requested.length ? requested : Object.keys(benchmarks)) {
  try {
    await benchmarks[name]();
  } catch (err) {
    // A benchmark that cannot run (setup failed, wrong answers) is an error; slowness never is.
    failed = true;
    console.error(`\n${name} failed:`, err);
  }
}
console.log(`\nbenchmarks done in ${Math.round((Date.now() - started) / 1000)} s`);
// PGlite's WASM runtime and pending sockets may keep the loop alive; the results are written.
process.exit(failed ? 1 : 0);
