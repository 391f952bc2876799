import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { transaction } from '../../platform/db/database';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { SheetImportError, type ImportRowError } from '../../platform/imports';
import { addCharterValue, updateCharterValue } from '../workspaces/service';
import { ladderPolicy as policy } from './policies';
import * as repo from './repository';
import { PHASES, RUNGS, nodeCode, rungAbove, type Rung } from './schema';
import { allAreas } from '../areas/service';
import { lookups, syncValuesWithCharter, emptyNode } from './service';
import { readSheet, splitList, UnreadableSheetError, writeCsv, writeXlsx, type SheetRecord } from './sheet';

const MESSAGES = {
  nl: {
    rung: 'Onbekende trede "{value}"; gebruik value, challenge, goal, action_line of intervention.',
    title: 'De titel ontbreekt.',
    titleLong: 'De titel is langer dan 300 tekens.',
    code: 'De code "{value}" is niet geldig (letters, cijfers, punt, streepje; hoogstens 40 tekens).',
    codeTwice: 'De code "{value}" staat ook in rij {other}.',
    codeOtherRung: 'De code "{value}" hoort al bij een {rung} op de ladder.',
    public: 'Vul bij public "ja" of "nee" in, niet "{value}".',
    phase: 'Onbekende fase "{value}"; gebruik verkennen, experimenteren, uitvoeren of verankeren.',
    phaseRung: 'Alleen een actielijn heeft een fase.',
    ownerRung: 'Alleen een actielijn of interventie heeft een trekker, partners of gebieden.',
    owner: 'Trekker "{value}" is geen partner en geen lid van deze werkruimte.',
    partner: 'Partner "{value}" bestaat niet in deze werkruimte.',
    area: 'Gebied "{value}" bestaat niet in deze werkruimte.',
    parentMissing: 'Deze trede heeft geen bovenliggende trede (parent_codes is leeg).',
    parentUnknown: 'Bovenliggende trede "{value}" staat niet in het bestand en niet op de ladder.',
    parentRung: 'Bovenliggende trede "{value}" is geen {rung}.',
    valueParent: 'Een waarde heeft geen bovenliggende trede.',
    valueTaken: 'Een andere waarde op de ladder heet al "{value}".',
  },
  en: {
    rung: 'Unknown rung "{value}"; use value, challenge, goal, action_line or intervention.',
    title: 'The title is missing.',
    titleLong: 'The title is longer than 300 characters.',
    code: 'The code "{value}" is not valid (letters, digits, dot, dash; at most 40 characters).',
    codeTwice: 'The code "{value}" also appears in row {other}.',
    codeOtherRung: 'The code "{value}" already belongs to a {rung} on the ladder.',
    public: 'Fill in "ja" or "nee" for public, not "{value}".',
    phase: 'Unknown phase "{value}"; use verkennen, experimenteren, uitvoeren or verankeren.',
    phaseRung: 'Only an action line has a phase.',
    ownerRung: 'Only an action line or intervention has an owner, partners or areas.',
    owner: 'Owner "{value}" is neither a partner nor a member of this workspace.',
    partner: 'Partner "{value}" does not exist in this workspace.',
    area: 'Area "{value}" does not exist in this workspace.',
    parentMissing: 'This node has no parent (parent_codes is empty).',
    parentUnknown: 'Parent "{value}" is neither in the file nor on the ladder.',
    parentRung: 'Parent "{value}" is not a {rung}.',
    valueParent: 'A value has no parent.',
    valueTaken: 'Another value on the ladder is already called "{value}".',
  },
} as const;

const lower = (s: string) => s.trim().toLowerCase();

interface PlannedRow {
  row: number;
  rung: Rung;
  code: string | null;
  title: string;
  parentRefs: string[];
  owner: { partnerId?: string | null; userId?: string | null } | undefined;
  partnerIds?: string[];
  areaIds?: string[];
  phase?: string | null;
  public: boolean;
  /** The node this row updates (by code, else by rung and title), or a new id. */
  id: string;
  existing?: repo.NodeRow;
}

/**
 * Imports a programme from a sheet (CSV or XLSX), one row per node: all rows or none. Rows are
 * matched to the ladder by code (else by rung and title), so re-importing an updated sheet
 * updates. Parents are named by code (or, for a node without code such as a value, by title).
 * Columns missing from the sheet leave those fields alone.
 */
export async function importLadder(ctx: ServiceContext, read: () => Promise<{ data: Buffer; fileName: string }>) {
  const scope = policy.authorize(ctx, 'ladder.import');
  // The upload is read only once the member may import.
  const file = await read();
  let sheet;
  try {
    sheet = await readSheet(file.data, file.fileName);
  } catch (err) {
    if (err instanceof UnreadableSheetError) throw new DomainError('ladder.import_unreadable', {}, [{ path: 'file', message: 'ladder.import_unreadable' }]);
    throw err;
  }
  const m = MESSAGES[ctx.locale];
  const say = (template: string, params: Record<string, string | number> = {}) => template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
  const has = new Set(sheet.columns);

  return transaction(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    await syncValuesWithCharter(ctx, trx, scope);
    const [nodes, { partners, members }, areas] = await Promise.all([repo.allNodes(trx, scope.id), lookups(inner), allAreas(inner)]);
    const byCode = new Map(nodes.filter((n) => n.code).map((n) => [n.code!, n]));
    const byRungTitle = new Map<string, repo.NodeRow[]>();
    for (const n of nodes) byRungTitle.set(`${n.rung}|${lower(n.title)}`, [...(byRungTitle.get(`${n.rung}|${lower(n.title)}`) ?? []), n]);
    const partnerByName = new Map(partners.map((p) => [lower(p.name), p.id]));
    const memberByName = new Map(members.flatMap((mb) => [[lower(mb.name), mb.userId] as const, ...(mb.email ? [[lower(mb.email), mb.userId] as const] : [])]));
    // Area codes belong to a year: a code names the newest division that has it.
    const areaByRef = new Map<string, string>();
    for (const a of [...areas].sort((x, y) => x.year - y.year)) {
      if (a.code) areaByRef.set(lower(a.code), a.id);
      if (!areaByRef.has(lower(a.name))) areaByRef.set(lower(a.name), a.id);
    }

    const errors: ImportRowError[] = [];
    const fail = (row: number, message: string) => errors.push({ row, message });
    const planned: PlannedRow[] = [];
    const codeRow = new Map<string, number>();
    for (const { row, cells } of sheet.rows) {
      const before = errors.length;
      const rungCell = lower(cells.rung ?? '');
      const rung = (RUNGS as readonly string[]).includes(rungCell) ? (rungCell as Rung) : null;
      if (!rung) fail(row, say(m.rung, { value: cells.rung ?? '' }));
      const title = cells.title ?? '';
      if (!title) fail(row, m.title);
      else if (title.length > 300) fail(row, m.titleLong);
      const code = cells.code || null;
      if (code && !nodeCode.safeParse(code).success) fail(row, say(m.code, { value: code }));
      if (code && codeRow.has(code)) fail(row, say(m.codeTwice, { value: code, other: codeRow.get(code)! }));
      if (code) codeRow.set(code, row);
      const publicCell = lower(cells.public ?? '');
      if (!['', 'ja', 'nee'].includes(publicCell)) fail(row, say(m.public, { value: cells.public ?? '' }));
      const phase = lower(cells.phase ?? '');
      if (phase && !(PHASES as readonly string[]).includes(phase)) fail(row, say(m.phase, { value: cells.phase ?? '' }));
      if (phase && rung && rung !== 'action_line') fail(row, m.phaseRung);
      const carriesOwner = rung === 'action_line' || rung === 'intervention';
      if (rung && !carriesOwner && (cells.owner || cells.partners || cells.areas)) fail(row, m.ownerRung);
      let owner: PlannedRow['owner'];
      if (has.has('owner') && carriesOwner) {
        const cell = cells.owner ?? '';
        if (!cell) owner = { partnerId: null, userId: null };
        else if (partnerByName.has(lower(cell))) owner = { partnerId: partnerByName.get(lower(cell)) };
        else if (memberByName.has(lower(cell))) owner = { userId: memberByName.get(lower(cell)), partnerId: null };
        else fail(row, say(m.owner, { value: cell }));
      }
      const partnerIds = has.has('partners') && carriesOwner ? splitList(cells.partners).map((name) => partnerByName.get(lower(name)) ?? (fail(row, say(m.partner, { value: name })), '')) : undefined;
      const areaIds = has.has('areas') && carriesOwner ? splitList(cells.areas).map((a) => areaByRef.get(lower(a)) ?? (fail(row, say(m.area, { value: a })), '')) : undefined;
      const parentRefs = splitList(cells.parent_codes);
      if (rung === 'value' && parentRefs.length) fail(row, m.valueParent);
      if (rung && rung !== 'value' && parentRefs.length === 0) fail(row, m.parentMissing);
      if (errors.length > before || !rung) continue;
      const existing = (code ? byCode.get(code) : undefined) ?? (!code || rung === 'value' ? byRungTitle.get(`${rung}|${lower(title)}`)?.[0] : undefined);
      if (code && existing && existing.rung !== rung) {
        fail(row, say(m.codeOtherRung, { value: code, rung: existing.rung }));
        continue;
      }
      planned.push({
        row,
        rung,
        code,
        title,
        parentRefs,
        owner,
        partnerIds,
        areaIds,
        phase: has.has('phase') && rung === 'action_line' ? phase || null : undefined,
        public: rung === 'value' || publicCell === 'ja',
        id: existing?.id ?? newId(),
        existing,
      });
    }

    // Parents: by code in the sheet, by code on the ladder, else by title on the rung above.
    const sheetByCode = new Map(planned.filter((p) => p.code).map((p) => [p.code!, p]));
    const sheetByTitle = new Map(planned.map((p) => [`${p.rung}|${lower(p.title)}`, p]));
    const parentsOf = new Map<string, string[]>();
    for (const p of planned) {
      const above = rungAbove(p.rung);
      if (!above) continue;
      const ids: string[] = [];
      for (const r of p.parentRefs) {
        const found: { id: string; rung: string } | undefined =
          sheetByCode.get(r) ?? byCode.get(r) ?? sheetByTitle.get(`${above}|${lower(r)}`) ?? byRungTitle.get(`${above}|${lower(r)}`)?.[0];
        if (!found) fail(p.row, say(m.parentUnknown, { value: r }));
        else if (found.rung !== above) fail(p.row, say(m.parentRung, { value: r, rung: above }));
        else ids.push(found.id);
      }
      parentsOf.set(p.id, [...new Set(ids)]);
    }
    if (errors.length) throw new SheetImportError('ladder.import_failed', errors);

    // Apply, top rung first so parents exist before their children are linked.
    let created = 0;
    let updated = 0;
    const inserts: repo.NewNode[] = [];
    for (const p of [...planned].sort((a, b) => RUNGS.indexOf(a.rung) - RUNGS.indexOf(b.rung) || a.row - b.row)) {
      const fields: repo.NodePatch = {
        code: p.code ?? p.existing?.code ?? null,
        title: p.title,
        public: p.public,
        ...(p.owner?.partnerId !== undefined ? { ownerPartnerId: p.owner.partnerId } : {}),
        ...(p.owner?.userId !== undefined ? { ownerUserId: p.owner.userId } : {}),
        ...(p.phase !== undefined ? { phase: p.phase } : {}),
      };
      if (p.existing) {
        const e = p.existing;
        const differs = (Object.keys(fields) as (keyof repo.NodePatch)[]).some((k) => fields[k] !== e[k]);
        if (p.rung === 'value' && e.charterValueId && e.title !== p.title) await updateCharterValue(inner, e.charterValueId, { title: p.title });
        if (differs) {
          await repo.updateNode(trx, scope.id, e.id, fields);
          updated++;
        }
      } else {
        let charterValueId: string | null = null;
        if (p.rung === 'value') {
          const value = await addCharterValue(inner, { title: p.title }).catch((err) => Promise.reject(err.id === 'charter.value_exists' ? new SheetImportError('ladder.import_failed', [{ row: p.row, message: say(m.valueTaken, { value: p.title }) }]) : err));
          charterValueId = value.id;
        }
        inserts.push({ ...emptyNode(scope.id, p.rung, p.title), ...fields, id: p.id, charterValueId });
        created++;
      }
    }
    await repo.insertNodes(trx, inserts);
    const relinked = planned.filter((p) => p.rung !== 'value');
    await repo.replaceParents(trx, scope.id, relinked.map((p) => ({ childId: p.id, parentIds: parentsOf.get(p.id) ?? [] })));
    await repo.replaceRelations(trx, scope.id, 'areas', planned.filter((p) => p.areaIds).map((p) => ({ nodeId: p.id, ids: p.areaIds! })));
    await repo.replaceRelations(trx, scope.id, 'partners', planned.filter((p) => p.partnerIds).map((p) => ({ nodeId: p.id, ids: p.partnerIds! })));
    // One audit row per import, not per node: a programme sheet holds hundreds of them.
    await recordAudit(trx, {
      workspaceId: scope.id,
      actor: ctx.actor,
      entity: 'ladder_import',
      entityId: newId(),
      label: file.fileName.slice(0, 200),
      action: 'import',
      after: { fileName: file.fileName, rows: planned.length, created, updated, codes: planned.map((p) => p.code ?? p.title).slice(0, 1000) },
    });
    return { imported: planned.length, created, updated };
  });
}

/** The ladder in the template's columns, parents before children; imports back unchanged. */
export async function ladderRecords(ctx: ServiceContext): Promise<SheetRecord[]> {
  const scope = policy.authorize(ctx, 'ladder.read');
  const [nodes, links, nodeAreas, nodePartners, { partners, members }, areas] = await Promise.all([
    repo.allNodes(ctx.db, scope.id),
    repo.allLinks(ctx.db, scope.id),
    repo.relationsOf(ctx.db, scope.id, 'areas'),
    repo.relationsOf(ctx.db, scope.id, 'partners'),
    lookups(ctx),
    allAreas(ctx),
  ]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const memberName = new Map(members.map((mb) => [mb.userId, mb.name]));
  const areaRef = new Map(areas.map((a) => [a.id, a.code ?? a.name]));
  const list = (pairs: { nodeId: string; otherId: string }[], id: string, name: Map<string, string>) =>
    pairs
      .filter((p) => p.nodeId === id)
      .map((p) => name.get(p.otherId))
      .filter((x): x is string => !!x)
      .sort()
      .join(';');
  const parentsOf = new Map<string, string[]>();
  for (const l of links) {
    const parent = byId.get(l.parentId);
    if (parent) parentsOf.set(l.childId, [...(parentsOf.get(l.childId) ?? []), parent.code ?? parent.title]);
  }
  return nodes.map((n) => ({
    rung: n.rung,
    code: n.code ?? '',
    title: n.title,
    parent_codes: (parentsOf.get(n.id) ?? []).sort().join(';'),
    owner: n.ownerPartnerId ? (partnerName.get(n.ownerPartnerId) ?? '') : n.ownerUserId ? (memberName.get(n.ownerUserId) ?? '') : '',
    partners: list(nodePartners, n.id, partnerName),
    areas: list(nodeAreas, n.id, areaRef),
    phase: n.phase ?? '',
    public: n.public ? 'ja' : 'nee',
  }));
}

/** The ladder as a file: CSV or XLSX in the template's columns, or JSON with every field, link and theory of change. */
export async function exportLadder(ctx: ServiceContext, format: 'csv' | 'xlsx' | 'json') {
  const scope = policy.authorize(ctx, 'ladder.read');
  const stamp = `${scope.slug}-beleidsladder`;
  if (format === 'json') {
    const data = await exportLadderData(ctx);
    return { fileName: `${stamp}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(data, null, 2) };
  }
  const records = await ladderRecords(ctx);
  if (format === 'csv') return { fileName: `${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: writeCsv(records) };
  return { fileName: `${stamp}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await writeXlsx(records) };
}

/** Everything of the ladder module for one workspace: nodes, links, areas, partners, theories of change with history. */
export async function exportLadderData(ctx: ServiceContext) {
  const scope = policy.authorize(ctx, 'ladder.read');
  const [nodes, links, areas, partners, theory] = await Promise.all([
    repo.allNodes(ctx.db, scope.id),
    repo.allLinks(ctx.db, scope.id),
    repo.relationsOf(ctx.db, scope.id, 'areas'),
    repo.relationsOf(ctx.db, scope.id, 'partners'),
    repo.exportTheory(ctx.db, scope.id),
  ]);
  return {
    ladderNodes: nodes,
    ladderLinks: links,
    ladderNodeAreas: areas.map((a) => ({ nodeId: a.nodeId, areaId: a.otherId })),
    ladderNodePartners: partners.map((p) => ({ nodeId: p.nodeId, partnerId: p.otherId })),
    theoryElements: theory.elements,
    theoryLinks: theory.links,
    theoryAssumptions: theory.assumptions,
    theoryAssumptionHistory: theory.history,
  };
}
