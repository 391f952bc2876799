import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Only when BENCH_CPU_PROFILE names a folder: runs `work` under V8's CPU profiler and writes
 * `<folder>/<name>.cpuprofile` (open it in Chrome DevTools or speedscope). The servers run
 * in the benchmark's own process and the load generator in a child, so the profile shows
 * the app and nothing of the load.
 */
export async function profileIfAsked(name: string, work: () => Promise<unknown>): Promise<void> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(`${folder}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
