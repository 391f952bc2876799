import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleUis } from '../../web/modules';
import { m } from './ui/messages';

/** Non-test TypeScript under src/. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'ui' || e.name === 'migrations' ? [] : sources(file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('the audit page', () => {
  it('names every entity and action the services write to a workspace’s audit log, in Dutch and English', () => {
    const written = { entity: new Set<string>(), action: new Set<string>() };
    for (const file of sources(path.resolve(__dirname, '../..'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [, entity] of text.matchAll(/\bentity: '([a-z_]+)'/g)) written.entity.add(entity);
      for (const [, action] of text.matchAll(/recordAudit\([^\n]*\baction: '([a-z_]+)'/g)) written.action.add(action);
      // The modules' own audit helpers: audit(db, ctx, scope, 'entity', id, 'action', …) …
      for (const [, entity, action] of text.matchAll(/\baudit\((?:trx|ctx\.db|db), ctx, scope, '([a-z_]+)', [^,]+, '([a-z_]+)'/g)) {
        written.entity.add(entity);
        written.action.add(action);
      }
      // … and the observations service's, for its one entity: audit(trx, ctx, scope, 'action', before, after).
      if (file.endsWith(path.join('observations', 'service.ts'))) for (const [, action] of text.matchAll(/\baudit\(trx, ctx, scope, '([a-z_]+)', (?:before|null),/g)) written.action.add(action);
    }
    // Accounts and tokens are logged for the installation, not on a workspace's page.
    for (const installationWide of ['user', 'api_token']) written.entity.delete(installationWide);
    expect(written.entity.size).toBeGreaterThan(60);

    const known = (locale: 'nl' | 'en', key: string) => key in m[locale] || key in moduleUis.audit[locale];
    const unnamed = (locale: 'nl' | 'en') => [
      ...[...written.entity].filter((e) => !known(locale, `entity.${e}`)),
      ...[...written.action].filter((a) => !known(locale, `action.${a}`)),
    ];
    expect(unnamed('nl')).toEqual([]);
    expect(unnamed('en')).toEqual([]);
  });
});
