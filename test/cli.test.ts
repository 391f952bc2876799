import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres } from './postgres';

/**
 * The `dichter` command as an operator uses it: real processes on a real data folder
 * (PGlite), or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
const onPostgres = !!process.env.DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dichter-cli-'));
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

function env(extra: Record<string, string> = {}) {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DICHTER_DATA: dataDir, DICHTER_LOG_LEVEL: 'warn', DICHTER_DEMO: 'false' };
  if (databaseUrl) base.DATABASE_URL = databaseUrl;
  return { ...base, ...extra };
}

function dichter(args: string[], input?: string, extra: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['bin/dichter.mjs', ...args], { env: env(extra), input, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, stdout: res.stdout.trim(), stderr: res.stderr.trim() };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (onPostgres) {
    const fresh = await freshPostgres(process.env.DATABASE_URL!, 'dichter_cli');
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
});

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

describe('dichter command line', () => {
  it('migrates, creates accounts and tokens; the token works against the server; other members get 404', async () => {
    expect(dichter(['migrate']).code).toBe(0);
    expect(dichter(['migrate']).stdout).toMatch(/bijgewerkt/);

    const created = dichter(['user', 'create', '--email', 'beheer@gemeente.example', '--name', 'Beheer', '--admin', '--password-stdin'], 'een-lang-wachtwoord\n');
    expect(created.code, created.stderr).toBe(0);
    expect(dichter(['user', 'create', '--email', 'beheer@gemeente.example', '--name', 'Dubbel', '--password-stdin'], 'een-lang-wachtwoord\n').code).toBe(2);
    expect(dichter(['user', 'create', '--email', 'kort@gemeente.example', '--name', 'Kort', '--password-stdin'], 'kort\n').code).toBe(2);
    expect(dichter(['user', 'create', '--email', 'ander@gemeente.example', '--name', 'Ander', '--password-stdin'], 'nog-een-lang-wachtwoord\n').code).toBe(0);

    const tokenA = dichter(['token', 'create', '--email', 'beheer@gemeente.example', '--name', 'test']);
    expect(tokenA.code, tokenA.stderr).toBe(0);
    expect(tokenA.stdout).toMatch(/^dct_[\w-]+$/);
    const tokenB = dichter(['token', 'create', '--email', 'ander@gemeente.example']).stdout;
    expect(dichter(['token', 'list', '--email', 'beheer@gemeente.example']).stdout).toMatch(/test/);

    const port = await freePort();
    const server = spawn(process.execPath, ['bin/dichter.mjs', 'serve'], { env: env({ PORT: String(port), HOST: '127.0.0.1' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout.on('data', (b) => (output += b));
    server.stderr.on('data', (b) => (output += b));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 120; i++) {
        const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const health = await (await fetch(`${base}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: onPostgres ? 'postgres' : 'pglite' });

      const ws = await fetch(`${base}/api/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenA.stdout}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Gebiedsteam Oost', slug: 'gebiedsteam-oost' }),
      });
      expect(ws.status).toBe(201);
      await fetch(`${base}/api/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Eigen', slug: 'eigen-van-b' }),
      });
      const stranger = await fetch(`${base}/api/w/gebiedsteam-oost`, { headers: { authorization: `Bearer ${tokenB}` } });
      expect([403, 404]).toContain(stranger.status);

      // While the server runs: embedded mode refuses a second process clearly; PostgreSQL runs side by side.
      const second = dichter(['token', 'create', '--email', 'beheer@gemeente.example']);
      if (onPostgres) expect(second.code).toBe(0);
      else {
        expect(second.code).toBe(3);
        expect(second.stderr).toMatch(/in gebruik door een ander proces \(pid \d+, 'serve', poort \d+/);
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(output).toMatch(/dichter draait op/);

    // The command line reports skipped rows in Dutch, the operator's language.
    const areaFile = path.join(dataDir, 'kerncijfers_2019.csv');
    fs.writeFileSync(areaFile, '"","Wijken.en.buurten","Regioaanduiding.Soort.regio..omschrijving.","Regioaanduiding.Codering..code."\n"1","Nederland","Land      ","NL00      "\n"2","Amsterdam","Gemeente  ","GM0363    "\n');
    const imported = dichter(['import', 'areas', '--workspace', 'gebiedsteam-oost', areaFile]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/1 nieuw/);
    expect(imported.stdout).toContain('rij 2 (NL00): onbekende regiosoort "Land"');

    // Figures from a CBS file: the year from the file name, the mapping suggested, new indicators created.
    const figures = path.join(dataDir, 'kwb_2019.csv');
    fs.writeFileSync(
      figures,
      '"","Wijken.en.buurten","Regioaanduiding.Codering..code.","Bevolking.Aantal.inwoners..aantal.","Bevolking.Particuliere.huishoudens.Gemiddelde.huishoudensgrootte..aantal."\n"1","Nederland","NL00      ",17282163,"2,1"\n"2","Amsterdam","GM0363    ",862965,"1,8"\n',
    );
    const indicatorArgs = ['import', 'indicators', '--workspace', 'gebiedsteam-oost', '--mapping', 'auto', figures];
    const figuresImported = dichter(indicatorArgs);
    expect(figuresImported.code, figuresImported.stderr).toBe(0);
    expect(figuresImported.stdout).toMatch(/^cbs-csv, perioden 2019: 2 nieuw, 0 gewijzigd, 0 ongewijzigd/);
    expect(figuresImported.stdout).toContain('Bevolking.Aantal.inwoners..aantal. → aantal-inwoners (nieuw)');
    expect(figuresImported.stdout).toContain('rij 2 (NL00): landtotaal (NL00) hoort bij geen gebied van de werkruimte');
    expect(dichter(indicatorArgs).stdout).toMatch(/0 nieuw, 0 gewijzigd, 2 ongewijzigd/);
    const badPeriod = dichter(['import', 'indicators', '--workspace', 'gebiedsteam-oost', '--period', '2019-13', figures]);
    expect(badPeriod.code).toBe(2);

    const exported = dichter(['export', '--workspace', 'gebiedsteam-oost']);
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.modules.workspaces.workspace[0]).toMatchObject({ slug: 'gebiedsteam-oost', name: 'Gebiedsteam Oost' });
    expect(data.modules.workspaces.auditLog.length).toBeGreaterThan(0);
    expect(data.modules.indicators.measurements).toContainEqual(expect.objectContaining({ indicator: 'aantal-inwoners', area: 'GM0363', period: '2019', value: 862965 }));
  }, 300_000);

  it('lists the scheduled jobs and runs one on demand', () => {
    const list = dichter(['job', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/observations\.retention\s+\(elke 24 uur\)/);
    const run = dichter(['job', 'run', 'observations.retention']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^0 waarneming\(en\) verwijderd/);
  }, 60_000);

  it('explains usage errors and unknown workspaces with a non-zero exit', () => {
    const missing = dichter(['user', 'create', '--name', 'Zonder e-mail']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--email/);
    const unknown = dichter(['export', '--workspace', 'bestaat-niet']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/werkruimte bestaat niet/);
    const unknownJob = dichter(['job', 'run', 'bestaat.niet']);
    expect(unknownJob.code).toBe(2);
    expect(unknownJob.stderr).toMatch(/dichter job list/);
    const badConfig = dichter(['migrate'], undefined, { PORT: 'tachtig' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/PORT="tachtig"/);
  }, 60_000);
});
