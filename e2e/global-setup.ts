import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
/** An administrator of the installation; signs in with the demo password. */
export const INSTALLATION_ADMIN = 'stichting@demo.dichter.nl';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 180_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`dichter serve stopped (exit ${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`dichter serve did not become healthy within ${timeoutMs / 1000}s:\n${output()}`);
}

/** Builds the web app when stale, starts the real server on a free port with a fresh demo, and stops it afterwards. */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['scripts/ensure-web.mjs'], { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dichter-e2e-'));
  const env = { ...process.env, DICHTER_DATA: dataDir, DATABASE_URL: '', DICHTER_LOG_LEVEL: 'warn' };
  // An administrator of the installation (the foundation that spreads the youth-debt approach), as `dichter user create --admin` makes one.
  execFileSync(process.execPath, ['bin/dichter.mjs', 'user', 'create', '--email', INSTALLATION_ADMIN, '--name', 'Stichting Jongeren Perspectief Fonds', '--admin', '--password-stdin'], {
    cwd: root,
    env,
    input: 'demo-wachtwoord-2026\n',
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  // The demo loads on a fresh database only, which this no longer is: load it as `dichter demo` does.
  execFileSync(process.execPath, ['bin/dichter.mjs', 'demo'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const child = spawn(process.execPath, ['bin/dichter.mjs', 'serve'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 10_000);
      child.once('exit', () => (clearTimeout(timer), resolve(null)));
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
