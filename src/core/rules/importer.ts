import { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import { findUserByEmail } from '../../platform/auth/service';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { localiseIssue } from '../../platform/i18n';
import { newId } from '../../platform/ids';
import { isoDate, SheetImportError, type ImportRowError } from '../../platform/imports';
import { readTable, toCsv, toXlsx, UnreadableTableError } from '../../platform/tables';
import { listMembers, listPartners } from '../workspaces/service';
import { ruleErrors } from './errors';
import { rulePolicy as policy } from './policies';
import * as repo from './repository';
import { createRuleBody, SHEET_COLUMNS } from './schema';

/**
 * The rule register as a spreadsheet (CSV or XLSX), one rule per row, in the columns
 * `SHEET_COLUMNS`: code, title, kind, level, domain, intent, owner, source_url, valid_from,
 * valid_to, mandate. Import is all or nothing, matches rules by code (so re-importing an edited
 * sheet updates), and an export imports back unchanged.
 *
 * The `owner` column holds a member's e-mail address or a partner organisation's name; a
 * member's name is accepted too when no other member has it. An export writes the e-mail
 * address when the exporting member may see e-mail addresses (beheerder), else the name, so a
 * file never shows more than its maker may see. Empty means: no owner.
 */

export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetRecord = Record<SheetColumn, string>;
/** Without these columns a sheet is refused as unreadable (rule.import_unreadable). */
export const REQUIRED_COLUMNS = ['code', 'title', 'kind', 'level', 'domain', 'intent'] as const satisfies readonly SheetColumn[];
/** More rows than this in one file are refused: split the file. */
export const MAX_IMPORT_ROWS = 20_000;

export const importResult = z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int() });

const MESSAGES = {
  nl: {
    column: 'Kolom {column}: {message}',
    codeTwice: 'De code "{value}" staat ook in rij {other}.',
    ownerNotMember: 'Eigenaar "{value}" is geen lid van deze werkruimte.',
    ownerUnknown: 'Eigenaar "{value}" is geen partnerorganisatie en geen lid van deze werkruimte (gebruik het e-mailadres van een lid of de naam van een partner).',
    ownerAmbiguous: 'Meer leden heten "{value}"; gebruik het e-mailadres.',
    tooMany: 'Het bestand heeft meer dan {max} regels; splits het in delen.',
  },
  en: {
    column: 'Column {column}: {message}',
    codeTwice: 'The code "{value}" also appears in row {other}.',
    ownerNotMember: 'Owner "{value}" is not a member of this workspace.',
    ownerUnknown: 'Owner "{value}" is neither a partner organisation nor a member of this workspace (use a member\'s e-mail address or a partner\'s name).',
    ownerAmbiguous: 'More than one member is called "{value}"; use the e-mail address.',
    tooMany: 'The file has more than {max} rules; split it into parts.',
  },
} as const;
const say = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

/** A sheet row is checked with the same field schemas as `POST /rules`. */
const rowSchema = createRuleBody.pick({ code: true, title: true, kind: true, level: true, domain: true, intent: true, sourceUrl: true, validFrom: true, validTo: true, mandate: true });
const COLUMN_OF: Record<string, SheetColumn> = {
  code: 'code',
  title: 'title',
  kind: 'kind',
  level: 'level',
  domain: 'domain',
  intent: 'intent',
  sourceUrl: 'source_url',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  mandate: 'mandate',
};

const lower = (s: string) => s.trim().toLowerCase();

type Owner = { ownerUserId: string | null; ownerPartnerId: string | null };

/** Finds the owner a cell names: a member by e-mail address, a partner by name, or a member by a name no other member has. */
async function ownerLookup(ctx: ServiceContext) {
  const [members, partners] = await Promise.all([listMembers(ctx), listPartners(ctx)]);
  const memberIds = new Set(members.map((m) => m.userId));
  const partnerByName = new Map(partners.map((p) => [lower(p.name), p.id]));
  const membersByName = new Map<string, string[]>();
  for (const m of members) membersByName.set(lower(m.name), [...(membersByName.get(lower(m.name)) ?? []), m.userId]);
  const cache = new Map<string, Owner | 'not_member' | 'unknown' | 'ambiguous'>();
  return async (cell: string) => {
    const key = lower(cell);
    let found = cache.get(key);
    if (found === undefined) {
      if (key.includes('@') && !partnerByName.has(key)) {
        const user = await findUserByEmail(ctx.db, key);
        found = user && memberIds.has(user.id) ? { ownerUserId: user.id, ownerPartnerId: null } : 'not_member';
      } else if (partnerByName.has(key)) found = { ownerUserId: null, ownerPartnerId: partnerByName.get(key)! };
      else {
        const ids = membersByName.get(key) ?? [];
        found = ids.length === 1 ? { ownerUserId: ids[0], ownerPartnerId: null } : ids.length > 1 ? 'ambiguous' : 'unknown';
      }
      cache.set(key, found);
    }
    return found;
  };
}

interface Planned {
  row: number;
  fields: Omit<repo.RuleFields, 'id'> & { code: string };
  existing?: repo.RuleRow;
}

/** The fields a row sets; a column missing from the sheet leaves the field of an existing rule alone. */
function plan(has: Set<SheetColumn>, existing: repo.RuleRow | undefined, parsed: z.infer<typeof rowSchema>, owner: Owner | undefined): Planned['fields'] {
  const keep = <K extends keyof repo.RuleRow>(column: SheetColumn, key: K, value: repo.RuleRow[K], fallback: repo.RuleRow[K]) => (has.has(column) ? value : existing ? existing[key] : fallback);
  return {
    code: parsed.code,
    title: parsed.title,
    kind: parsed.kind,
    level: parsed.level,
    domain: parsed.domain,
    intent: parsed.intent,
    ownerUserId: owner ? owner.ownerUserId : (existing?.ownerUserId ?? null),
    ownerPartnerId: owner ? owner.ownerPartnerId : (existing?.ownerPartnerId ?? null),
    sourceUrl: keep('source_url', 'sourceUrl', parsed.sourceUrl ?? null, null),
    validFrom: keep('valid_from', 'validFrom', parsed.validFrom ?? null, null),
    validTo: keep('valid_to', 'validTo', parsed.validTo ?? null, null),
    mandate: keep('mandate', 'mandate', parsed.mandate ?? 'explain_afterwards', 'explain_afterwards'),
  };
}

const SAME_KEYS = ['title', 'kind', 'level', 'domain', 'intent', 'ownerUserId', 'ownerPartnerId', 'sourceUrl', 'validFrom', 'validTo', 'mandate'] as const;

/**
 * Imports rules from a sheet (CSV or XLSX): every row or none. A row's code finds the rule it
 * updates; other rows become new rules. Rows are checked with the field schemas of `POST /rules`;
 * every refused row is reported with its number and reason (422 rule.import_failed).
 */
export async function importRules(ctx: ServiceContext, read: { data: Buffer; fileName: string } | (() => Promise<{ data: Buffer; fileName: string }>)) {
  const scope = policy.authorize(ctx, 'rule.manage');
  // The upload is read only once the member may import.
  const file = typeof read === 'function' ? await read() : read;
  let sheet;
  try {
    sheet = await readTable(file.data, file.fileName, SHEET_COLUMNS, { required: REQUIRED_COLUMNS });
  } catch (err) {
    if (err instanceof UnreadableTableError) throw new DomainError('rule.import_unreadable', {}, [{ path: 'file', message: 'rule.import_unreadable' }]);
    throw err;
  }
  const m = MESSAGES[ctx.locale];
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw new SheetImportError('rule.import_failed', [{ row: sheet.rows[MAX_IMPORT_ROWS].row, message: say(m.tooMany, { max: MAX_IMPORT_ROWS.toLocaleString(ctx.locale) }) }]);
  const has = new Set(sheet.columns);

  return transaction(ctx.db, async (trx) => {
    const inner: ServiceContext = { ...ctx, db: trx };
    const [rules, ownerOf] = await Promise.all([repo.allRules(trx, scope.id), has.has('owner') ? ownerLookup(inner) : undefined]);
    const byCode = new Map(rules.map((r) => [r.code, r]));
    const errors: ImportRowError[] = [];
    const fail = (row: number, message: string) => errors.push({ row, message });
    const codeRow = new Map<string, number>();
    const planned: Planned[] = [];

    for (const row of sheet.rows) {
      const c = row.cells;
      const before = errors.length;
      const input = {
        code: c.code ?? '',
        title: c.title ?? '',
        kind: lower(c.kind ?? ''),
        level: lower(c.level ?? ''),
        domain: lower(c.domain ?? ''),
        intent: c.intent ?? '',
        sourceUrl: c.source_url ? c.source_url : null,
        validFrom: c.valid_from ? isoDate(c.valid_from) : null,
        validTo: c.valid_to ? isoDate(c.valid_to) : null,
        mandate: c.mandate ? lower(c.mandate) : undefined,
      };
      const parsed = rowSchema.safeParse(input);
      if (!parsed.success) {
        const said = new Set<string>();
        for (const issue of parsed.error.issues) {
          // One reason per column: an empty code is both too short and in the wrong format.
          const column = COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0]);
          if (said.has(column)) continue;
          said.add(column);
          fail(row.row, say(m.column, { column, message: localiseIssue(issue as Parameters<typeof localiseIssue>[0], ctx.locale, ruleErrors).message }));
        }
      }
      const code = parsed.success ? parsed.data.code : input.code.trim();
      if (code && codeRow.has(code)) fail(row.row, say(m.codeTwice, { value: code, other: codeRow.get(code)! }));
      else if (code) codeRow.set(code, row.row);
      let owner: Owner | undefined;
      if (ownerOf) {
        const cell = c.owner ?? '';
        if (!cell) owner = { ownerUserId: null, ownerPartnerId: null };
        else {
          const found = await ownerOf(cell);
          if (found === 'not_member') fail(row.row, say(m.ownerNotMember, { value: cell }));
          else if (found === 'unknown') fail(row.row, say(m.ownerUnknown, { value: cell }));
          else if (found === 'ambiguous') fail(row.row, say(m.ownerAmbiguous, { value: cell }));
          else owner = found;
        }
      }
      if (!parsed.success || errors.length > before) continue;
      const existing = byCode.get(parsed.data.code);
      const fields = plan(has, existing, parsed.data, owner);
      if (fields.validFrom && fields.validTo && fields.validFrom > fields.validTo) {
        fail(row.row, say(m.column, { column: 'valid_to', message: ruleErrors['rule.period_invalid'][ctx.locale] }));
        continue;
      }
      planned.push({ row: row.row, fields, existing });
    }
    if (errors.length) throw new SheetImportError('rule.import_failed', errors);

    const inserts: repo.NewRule[] = [];
    const updates: repo.RuleFields[] = [];
    for (const p of planned) {
      if (!p.existing) inserts.push({ workspaceId: scope.id, id: newId(), ...p.fields });
      else if (SAME_KEYS.some((k) => p.fields[k] !== p.existing![k])) {
        const { code: _code, ...fields } = p.fields;
        updates.push({ id: p.existing.id, ...fields });
      }
    }
    const updated = new Set(updates.map((u) => u.id));
    await repo.insertRules(trx, inserts);
    await repo.updateRules(trx, scope.id, updates);
    // One audit row per import, not per rule: a sheet of product codes holds thousands.
    await recordAudit(trx, {
      workspaceId: scope.id,
      actor: ctx.actor,
      entity: 'rule_import',
      entityId: newId(),
      label: file.fileName.slice(0, 200),
      action: 'import',
      after: {
        fileName: file.fileName,
        rows: planned.length,
        created: inserts.length,
        updated: updates.length,
        createdCodes: inserts.map((r) => r.code).slice(0, 1000),
        updatedCodes: planned.filter((p) => p.existing && updated.has(p.existing.id)).map((p) => p.fields.code).slice(0, 1000),
      },
    });
    return { imported: planned.length, created: inserts.length, updated: updates.length };
  });
}

/** The register in the sheet's columns, by code; imports back unchanged. */
export async function ruleRecords(ctx: ServiceContext): Promise<SheetRecord[]> {
  const scope = policy.authorize(ctx, 'rule.read');
  const [rules, members, partners] = await Promise.all([repo.allRules(ctx.db, scope.id), listMembers(ctx), listPartners(ctx)]);
  // E-mail addresses only for who may see them (listMembers leaves them out otherwise); else the name.
  const memberRef = new Map(members.map((mb) => [mb.userId, mb.email ?? mb.name]));
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  return rules.map((r) => ({
    code: r.code,
    title: r.title,
    kind: r.kind,
    level: r.level,
    domain: r.domain,
    intent: r.intent,
    owner: r.ownerPartnerId ? (partnerName.get(r.ownerPartnerId) ?? '') : r.ownerUserId ? (memberRef.get(r.ownerUserId) ?? '') : '',
    source_url: r.sourceUrl ?? '',
    valid_from: r.validFrom ?? '',
    valid_to: r.validTo ?? '',
    mandate: r.mandate,
  }));
}

/** The register as a file: CSV or XLSX in the sheet's columns, or JSON with the links (areas, ladder nodes, approvers) as well. */
export async function exportRules(ctx: ServiceContext, format: 'csv' | 'xlsx' | 'json') {
  const scope = policy.authorize(ctx, 'rule.read');
  const stamp = `${scope.slug}-regels`;
  const records = await ruleRecords(ctx);
  if (format === 'csv') return { fileName: `${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(SHEET_COLUMNS, records) };
  if (format === 'xlsx') return { fileName: `${stamp}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx('regels', SHEET_COLUMNS, records, ['title', 'intent']) };
  const [rules, areas, nodes, approvers] = await Promise.all([
    repo.allRules(ctx.db, scope.id),
    repo.allLinks(ctx.db, 'ruleAreas', scope.id),
    repo.allLinks(ctx.db, 'ruleNodes', scope.id),
    repo.allLinks(ctx.db, 'ruleApprovers', scope.id),
  ]);
  const idsOf = (links: { ruleId: string; id: string }[]) => {
    const map = new Map<string, string[]>();
    for (const l of links) map.set(l.ruleId, [...(map.get(l.ruleId) ?? []), l.id]);
    return map;
  };
  const [areaIds, nodeIds, approverIds] = [idsOf(areas), idsOf(nodes), idsOf(approvers)];
  const ownerOf = new Map(records.map((r) => [r.code, r.owner]));
  const json = {
    workspace: scope.slug,
    exportedAt: new Date().toISOString(),
    rules: rules.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      kind: r.kind,
      level: r.level,
      domain: r.domain,
      intent: r.intent,
      owner: ownerOf.get(r.code) || null,
      ownerUserId: r.ownerUserId,
      ownerPartnerId: r.ownerPartnerId,
      sourceUrl: r.sourceUrl,
      validFrom: r.validFrom,
      validTo: r.validTo,
      mandate: r.mandate,
      areaIds: areaIds.get(r.id) ?? [],
      ladderNodeIds: nodeIds.get(r.id) ?? [],
      approverUserIds: approverIds.get(r.id) ?? [],
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
  return { fileName: `${stamp}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(json, null, 2) };
}
