import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../platform/config';
import { CLI_ACTOR, type ServiceContext } from '../platform/context';
import { DatabaseLockedError } from '../platform/db/lock';
import { loadDemo } from '../platform/demo';
import { DomainError } from '../platform/errors';
import { DatabaseNewerError } from '../platform/migrator';
import { ModuleRegistryError } from '../platform/module';
import { openRuntime, runJob, serve, type Runtime } from '../platform/runtime';
import { packageVersion } from '../platform/version';
import * as auth from '../platform/auth/service';
import { password as passwordSchema } from '../platform/auth/schema';
import { modules } from '../modules';
import { importAreaFile } from '../core/areas/importer';
import { importIndicatorFile } from '../core/indicators/importer';
import { readPassword } from './prompt';

const HELP = `dichter ${packageVersion} — opdrachtregel / command line

  dichter serve                                   start de webapp en API (standaard)
  dichter migrate                                 werk het databaseschema bij en stop
  dichter demo                                    laad de demowerkruimte (nogmaals draaien kan)
  dichter user create --email E --name N [--admin] [--password-stdin]
  dichter user set-password --email E [--password-stdin]
  dichter token create --email E [--name N]       maak een persoonlijk API-token
  dichter token list --email E
  dichter token revoke --email E --id ID
  dichter import areas --workspace SLUG [--year JJJJ] BESTAND
                                                  CBS-CSV, CBS-JSON (per code) of GeoJSON
  dichter import indicators --workspace SLUG [--period JJJJ] [--mapping auto|KOPPELING.json] [--metadata DataProperties.json] BESTAND
                                                  cijfers per gebied en periode (CBS-CSV, OData-JSON,
                                                  JSON per code, of CSV/XLSX gebied × periode × waarde)
  dichter export --workspace SLUG [--out BESTAND] alle gegevens van een werkruimte als JSON
  dichter job list                                geplande taken (draaien vanzelf onder serve)
  dichter job run NAAM                            een taak nu draaien, bijvoorbeeld observations.retention

Instellingen komen uit de omgeving: PORT, DICHTER_DATA, DATABASE_URL, DICHTER_BASE_URL,
DICHTER_THEME, DICHTER_OIDC_*, SMTP_URL, SMTP_FROM (zie README).

Exit codes: 0 ok, 1 error, 2 usage or invalid input, 3 database in use or too new.`;

class UsageError extends Error {}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`ontbrekende optie --${flag} / missing option --${flag}`);
  return value;
}

async function withRuntime<T>(config: Config, command: string, fn: (rt: Runtime, ctx: ServiceContext) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(config, modules, command, (line) => console.error(line));
  try {
    return await fn(runtime, { ...runtime.context(), actor: CLI_ACTOR });
  } finally {
    await runtime.close();
  }
}

/** `dichter import indicators`: prints progress on stderr for long files and the import report on stdout. */
async function importIndicators(config: Config, values: { workspace?: string; period?: string; mapping?: string; metadata?: string }, rest: string[]): Promise<number> {
  const file = rest[0];
  if (!file) throw new UsageError('geef het bestand op / give the file');
  const slug = need(values.workspace, 'workspace');
  const period = values.period?.trim();
  if (period !== undefined && !/^(19|20)\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period)) throw new UsageError('--period moet een jaar (2024), kwartaal (2024-Q1) of maand (2024-03) zijn');
  let mapping: 'auto' | Record<string, string | null> | undefined;
  if (values.mapping === 'auto') mapping = 'auto';
  else if (values.mapping) {
    try {
      mapping = JSON.parse(fs.readFileSync(values.mapping, 'utf8')) as Record<string, string | null>;
    } catch {
      throw new UsageError('--mapping is "auto" of een JSON-bestand {"kolom": "indicatorcode"}');
    }
  }
  const data = fs.readFileSync(file);
  const metadata = values.metadata ? fs.readFileSync(values.metadata, 'utf8') : undefined;
  return withRuntime(config, 'import indicators', async (rt, base) => {
    const ctx = await scoped(rt, base, slug);
    let lastShown = 0;
    const report = await importIndicatorFile(ctx, { fileName: path.basename(file), data, metadata, period, mapping }, (done, total) => {
      const now = Date.now();
      if (now - lastShown > 250 || done === total) {
        lastShown = now;
        process.stderr.write(`\rimporteren… ${done}/${total} rijen (${Math.round((done / Math.max(total, 1)) * 100)}%)`);
      }
    });
    process.stderr.write('\n');
    const v = report.values;
    console.log(`${report.format}, perioden ${report.periods.join(', ') || '—'}: ${v.new} nieuw, ${v.changed} gewijzigd, ${v.unchanged} ongewijzigd (${v.suppressed} geheim), ${report.skippedTotal} overgeslagen`);
    if (report.indicatorsCreated.length) console.log(`nieuwe indicatoren (${report.indicatorsCreated.length}): ${report.indicatorsCreated.join(', ')}`);
    for (const c of report.columns) if (c.indicator) console.log(`  ${c.column} → ${c.indicator.code}${c.indicator.exists ? '' : ' (nieuw)'}`);
    for (const s of report.skipped) console.log(`  rij ${s.row}${s.column ? `, kolom ${s.column}` : ''}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
    if (report.skippedTotal > report.skipped.length) console.log(`  … en nog ${report.skippedTotal - report.skipped.length} overgeslagen`);
    return 0;
  });
}

async function asUser(ctx: ServiceContext, email: string): Promise<ServiceContext> {
  const user = await auth.findUserByEmail(ctx.db, email);
  if (!user) throw new DomainError('user.not_found');
  return { ...ctx, actor: { userId: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: 'cli' } };
}

async function scoped(rt: Runtime, ctx: ServiceContext, slug: string): Promise<ServiceContext> {
  const workspace = await rt.registry.tenancy(ctx, slug);
  if (!workspace) throw new DomainError('workspace.not_found');
  return { ...ctx, workspace };
}

async function passwordFrom(useStdin: boolean): Promise<string> {
  const value = useStdin ? fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '') : await readPassword('Wachtwoord (minstens 12 tekens): ');
  const parsed = passwordSchema.safeParse(value);
  if (!parsed.success) throw new UsageError('het wachtwoord moet 12 tot 1024 tekens lang zijn / the password must be 12 to 1024 characters');
  return value;
}

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
      workspace: { type: 'string' },
      year: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
      period: { type: 'string' },
      mapping: { type: 'string' },
      metadata: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command = 'serve', sub, ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (values.version) {
    console.log(packageVersion);
    return 0;
  }
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve':
        await serve(config, modules);
        return new Promise<number>(() => {}); // runs until a signal stops it
      case 'migrate':
        await withRuntime(config, 'migrate', async () => console.log('database is bijgewerkt / database is up to date'));
        return 0;
      case 'demo':
        await withRuntime(config, 'demo', async (rt) => {
          await loadDemo(rt.context(), rt.registry, (line) => console.log(line));
          console.log('demowerkruimte is bijgewerkt / demo workspace is up to date');
        });
        return 0;
      case 'user': {
        const email = need(values.email, 'email');
        if (sub === 'create') {
          const name = need(values.name, 'name');
          const password = await passwordFrom(values['password-stdin']!);
          await withRuntime(config, 'user create', async (_rt, ctx) => {
            const user = await auth.createUser(ctx, { email, name, password, isAdmin: values.admin });
            console.log(`account aangemaakt / account created: ${user.email}${user.isAdmin ? ' (beheerder van dichter)' : ''}`);
          });
          return 0;
        }
        if (sub === 'set-password') {
          const password = await passwordFrom(values['password-stdin']!);
          await withRuntime(config, 'user set-password', async (_rt, ctx) => {
            await auth.setPassword(ctx, email, password);
            console.log('wachtwoord ingesteld / password set');
          });
          return 0;
        }
        throw new UsageError(`onbekende opdracht: user ${sub ?? ''}`);
      }
      case 'token': {
        const email = need(values.email, 'email');
        return await withRuntime(config, `token ${sub}`, async (_rt, base) => {
          const ctx = await asUser(base, email);
          if (sub === 'create') {
            const token = await auth.createToken(ctx, values.name ?? `opdrachtregel ${new Date().toISOString().slice(0, 10)}`);
            console.error(`API-token '${token.name}' voor ${email} (bewaar het veilig; het wordt niet nog eens getoond):`);
            console.log(token.token);
            return 0;
          }
          if (sub === 'list') {
            for (const t of await auth.listTokens(ctx)) console.log(`${t.id}  ${t.prefix}…  ${t.name}  ${t.revokedAt ? `ingetrokken ${t.revokedAt}` : `laatst gebruikt ${t.lastUsedAt ?? 'nooit'}`}`);
            return 0;
          }
          if (sub === 'revoke') {
            const t = await auth.revokeToken(ctx, need(values.id, 'id'));
            console.log(`ingetrokken / revoked: ${t.name}`);
            return 0;
          }
          throw new UsageError(`onbekende opdracht: token ${sub ?? ''}`);
        });
      }
      case 'import': {
        if (sub === 'indicators') return await importIndicators(config, values, rest);
        if (sub !== 'areas') throw new UsageError('gebruik: dichter import areas|indicators --workspace SLUG BESTAND');
        const file = rest[0];
        if (!file) throw new UsageError('geef het bestand op / give the file');
        const slug = need(values.workspace, 'workspace');
        const year = values.year ? Number(values.year) : undefined;
        if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) throw new UsageError('--year moet een jaartal zijn, bijvoorbeeld 2024');
        const content = fs.readFileSync(file, 'utf8');
        return await withRuntime(config, 'import areas', async (rt, base) => {
          const ctx = await scoped(rt, base, slug);
          let lastShown = 0;
          const report = await importAreaFile(ctx, { fileName: path.basename(file), content, year }, (done, total) => {
            const now = Date.now();
            if (now - lastShown > 250 || done === total) {
              lastShown = now;
              process.stderr.write(`\rimporteren… ${done}/${total} rijen (${Math.round((done / Math.max(total, 1)) * 100)}%)`);
            }
          });
          process.stderr.write('\n');
          console.log(
            `${report.format}, indeling ${report.year}: ${report.created} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} ongewijzigd, ${report.skipped.length} overgeslagen`,
          );
          for (const s of report.skipped) console.log(`  rij ${s.row}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
          return 0;
        });
      }
      case 'export': {
        const slug = need(values.workspace, 'workspace');
        return await withRuntime(config, 'export', async (rt, base) => {
          const ctx = await scoped(rt, base, slug);
          const data: Record<string, unknown> = { dichter: packageVersion, workspace: slug, exportedAt: new Date().toISOString(), modules: {} };
          for (const m of rt.registry.modules) if (m.exports) (data.modules as Record<string, unknown>)[m.id] = await m.exports(ctx);
          const json = JSON.stringify(data, null, 2);
          if (values.out) {
            fs.writeFileSync(values.out, json);
            console.error(`geëxporteerd naar ${values.out}`);
          } else console.log(json);
          return 0;
        });
      }
      case 'job':
        return await withRuntime(config, `job ${sub ?? ''}`, async (rt) => {
          if (sub === 'list') {
            for (const j of rt.registry.jobs) console.log(`${j.name}  (elke ${j.everyHours} uur)  ${j.description}`);
            return 0;
          }
          if (sub === 'run' && rest[0]) {
            if (!rt.registry.jobs.some((j) => j.name === rest[0])) throw new UsageError(`onbekende taak '${rest[0]}'; zie: dichter job list`);
            console.log(await runJob(rt, rest[0]));
            return 0;
          }
          throw new UsageError('gebruik: dichter job list | dichter job run NAAM');
        });
      default:
        throw new UsageError(`onbekende opdracht '${command}'\n\n${HELP}`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    if (err instanceof DatabaseLockedError || err instanceof DatabaseNewerError) {
      console.error(err.message);
      return 3;
    }
    if (err instanceof ModuleRegistryError) {
      console.error(err.message);
      return 1;
    }
    if (err instanceof DomainError) {
      const { platformErrors } = await import('../platform/errors');
      const registryErrors = Object.assign({}, platformErrors, ...modules.map((m) => m.errors ?? {}));
      const fieldText = err.fields.map((f) => ` (${f.path}: ${registryErrors[f.message]?.nl ?? f.message})`).join('');
      console.error(`${registryErrors[err.id]?.nl ?? err.id}${fieldText} [${err.id}]`);
      return registryErrors[err.id]?.status === 400 || registryErrors[err.id]?.status === 409 ? 2 : 1;
    }
    if (err && typeof err === 'object' && 'issues' in err) {
      console.error(`ongeldige invoer / invalid input: ${(err as { issues: { path: unknown[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return 2;
    }
    console.error(err);
    return 1;
  }
}
