import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, ZodError } from 'zod';
import { authenticateToken } from '../../platform/auth/service';
import type { Actor, ServiceContext, WorkspaceScope } from '../../platform/context';
import { DomainError, platformErrors, type ErrorCatalogue, type FieldError, type Locale } from '../../platform/errors';
import { format, localeFromHeader, localiseIssue } from '../../platform/i18n';
import { areaNames } from '../areas/service';
import { findWorkspaceForPublicPage, resolveMembership } from '../workspaces/service';
import { observationErrors } from './errors';
import * as repo from './repository';
import { PUBLIC_REPORT_RATE_LIMIT } from './routes';
import { createObservationBody, KINDS, OPEN_STATUSES, type Kind, type Status } from './schema';
import { createObservation, kindName, personalDataIn } from './service';

/*
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /open311/v2, so existing
 * reporting apps and integrations can talk to dichter. jurisdiction_id is the workspace
 * slug; the services are the observation kinds; the service requests are the workspace's
 * public observations (visibility public, not marked as holding personal data). Errors use
 * GeoReport's shape, [{code, description}], not dichter's {error:{…}}: this plugin has its
 * own error handler. See docs/ARCHITECTURE.md ("Open311") for the mapping decisions.
 */

/** Errors of the Open311 side only; handled by this plugin's error handler, never by the platform's. */
export const open311Errors: ErrorCatalogue = {
  'open311.invalid_api_key': {
    status: 403,
    nl: 'Geen geldige api_key ontvangen: gebruik een persoonlijk API-token (dct_…) van een lid van de werkruimte.',
    en: 'No valid api_key received: use a personal API token (dct_…) of a member of the workspace.',
  },
  'open311.not_member': {
    status: 403,
    nl: 'De eigenaar van deze api_key is geen lid van deze werkruimte (jurisdiction_id).',
    en: 'The owner of this api_key is not a member of this workspace (jurisdiction_id).',
  },
  'open311.jurisdiction_required': { status: 400, nl: 'jurisdiction_id is verplicht: de naam (slug) van de werkruimte.', en: 'jurisdiction_id is required: the name (slug) of the workspace.' },
  'open311.jurisdiction_not_found': { status: 404, nl: 'Onbekende jurisdiction_id: er is geen werkruimte met deze naam.', en: 'Unknown jurisdiction_id: there is no workspace with this name.' },
  'open311.request_not_found': { status: 404, nl: 'Deze melding bestaat niet, of is niet openbaar.', en: 'This service request does not exist, or is not public.' },
  'open311.route_not_found': { status: 404, nl: 'Deze Open311-methode bestaat niet.', en: 'This Open311 method does not exist.' },
  'open311.datetime_format': {
    status: 400,
    nl: 'Gebruik een datum-tijd volgens ISO 8601 met tijdzone, bijvoorbeeld 2026-01-31T12:00:00Z.',
    en: 'Use an ISO 8601 date-time with time zone, for example 2026-01-31T12:00:00Z.',
  },
  'open311.date_range': {
    status: 400,
    nl: 'end_date mag niet vóór start_date liggen, en hoogstens 90 dagen erna.',
    en: 'end_date may not lie before start_date, nor more than 90 days after it.',
  },
  'open311.location_pair': { status: 400, nl: 'Geef lat en long allebei, of geen van beide.', en: 'Give both lat and long, or neither.' },
  'open311.service_request_id_format': {
    status: 400,
    nl: 'Geef een of meer meldingnummers, gescheiden door komma’s (bijvoorbeeld 12,13).',
    en: 'Give one or more request numbers, separated by commas (for example 12,13).',
  },
};
const catalogue: ErrorCatalogue = { ...platformErrors, ...observationErrors, ...open311Errors };

// The mapping

/** GeoReport has only open and closed: answered (beantwoord) and closed (afgesloten) are closed, the rest is open. */
export const CLOSED_STATUSES: readonly Status[] = ['beantwoord', 'afgesloten'];
export const open311Status = (status: string): 'open' | 'closed' => (CLOSED_STATUSES.includes(status as Status) ? 'closed' : 'open');

/** The services are the observation kinds, in this order. */
const SERVICES: Record<Kind, { description: string; keywords: string; group: string }> = {
  signaal: {
    description: 'Iets wat opvalt en aandacht vraagt. Krijgt een eigenaar en een antwoord binnen de reactietermijn van de werkruimte.',
    keywords: 'signaal,melding,probleem,overlast,zorg',
    group: 'Melden',
  },
  knelpunt: {
    description: 'Iets wat het werk of de hulp in de weg zit: regels, werkwijze, samenwerking. Krijgt een eigenaar en een antwoord binnen de reactietermijn.',
    keywords: 'knelpunt,belemmering,regels,werkwijze,samenwerking',
    group: 'Melden',
  },
  idee: { description: 'Een voorstel om iets beter te doen.', keywords: 'idee,voorstel,verbetering', group: 'Delen' },
  verhaal: { description: 'Wat er in de praktijk gebeurde, om van te leren.', keywords: 'verhaal,ervaring,praktijk', group: 'Delen' },
  succes: { description: 'Iets wat goed ging en navolging verdient.', keywords: 'succes,compliment,goed voorbeeld', group: 'Delen' },
};
const SERVICE_ORDER: readonly Kind[] = ['signaal', 'knelpunt', 'idee', 'verhaal', 'succes'];
/** At most this many requests in one answer (GeoReport's customary limit). */
export const MAX_REQUESTS = 1000;
const DAY = 86_400_000;
/** The default and the widest window of GET requests: 90 days. */
const WINDOW = 90 * DAY;

/** Reads the public side of a workspace: no member, the role lezer. */
const OPEN311_READER: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'open311', isAdmin: false, via: 'system' };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** GeoReport times: W3C/ISO 8601 with seconds and zone, without milliseconds. */
const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

// Schemas

/** Absent, empty or null (JSON clients send `"lat": null`): all the same, not given. */
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const jurisdiction = z.string().trim().min(1, { error: 'open311.jurisdiction_required' }).max(100).describe('De werkruimte: haar naam in het adres (slug), bijvoorbeeld `wijk-noord`');
/** A comma-separated list of allowed values, each at most once. */
const csvOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .max(500)
    .transform((v, ctx) => {
      const items = [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))];
      if (items.length === 0 || items.some((i) => !values.includes(i as T))) {
        ctx.addIssue({ code: 'invalid_value', values: [...values], input: v });
        return z.NEVER;
      }
      return items as T[];
    });
const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const datetime = z
  .string()
  .max(40)
  .regex(W3C, { error: 'open311.datetime_format' })
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'open311.datetime_format' })
  .describe('ISO 8601 met tijdzone, bijvoorbeeld 2026-01-31T12:00:00Z (een datum alleen geldt als UTC)');
/** lat/long arrive as text in a form and as numbers (or text) in JSON. */
const coordinate = (min: number, max: number) =>
  z.preprocess((v) => (v === null ? undefined : typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v), z.number().min(min).max(max).optional());
const text = (max: number) => z.string().trim().max(max);

const jurisdictionQuery = z.object({ jurisdiction_id: jurisdiction });
export const requestsQuery = z.object({
  jurisdiction_id: jurisdiction,
  service_request_id: optionalParam(
    z
      .string()
      .max(2000)
      .regex(/^\s*\d{1,9}\s*(,\s*\d{1,9}\s*)*$/, { error: 'open311.service_request_id_format' })
      .transform((v) => [...new Set(v.split(',').map((s) => Number(s.trim())))])
      .describe('Een of meer meldingnummers, gescheiden door komma’s; dan gelden de andere filters niet'),
  ),
  service_code: optionalParam(csvOf(KINDS).describe('Een of meer soorten, gescheiden door komma’s')),
  start_date: optionalParam(datetime),
  end_date: optionalParam(datetime),
  status: optionalParam(csvOf(['open', 'closed'] as const).describe('open, closed of open,closed')),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;
const requestParams = z.object({ service_request_id: z.string().max(100) });

export const createRequestBody = z
  .object({
    jurisdiction_id: jurisdiction,
    api_key: z.string().max(200).describe('Een persoonlijk API-token (npx dichter token create, of via uw profiel) van een lid van de werkruimte; niet de rol lezer'),
    service_code: z.enum(KINDS),
    lat: coordinate(50, 54).describe('WGS84; in Nederland'),
    long: coordinate(2.5, 7.5).describe('WGS84; in Nederland'),
    address_string: optionalParam(text(255).describe('Wordt onder de tekst bewaard')),
    address_id: optionalParam(text(100).describe('Niet gebruikt')),
    description: text(4000).min(1).describe('De tekst; de eerste zin (hoogstens 200 tekens) wordt de titel'),
    email: optionalParam(text(254).describe('Niet bewaard: de melder is het lid van het API-token')),
    first_name: optionalParam(text(200).describe('Niet bewaard')),
    last_name: optionalParam(text(200).describe('Niet bewaard')),
    phone: optionalParam(text(40).describe('Niet bewaard')),
    device_id: optionalParam(text(200).describe('Niet gebruikt')),
    account_id: optionalParam(text(200).describe('Niet gebruikt')),
    media_url: optionalParam(text(2000).describe('Niet gebruikt (dichter haalt geen bestanden van andere servers op)')),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'long'], message: 'open311.location_pair' });
  });
export type CreateRequestInput = z.infer<typeof createRequestBody>;

const serviceView = z.object({
  service_code: z.enum(KINDS),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
const requestView = z.object({
  service_request_id: z.string().describe('Het nummer van de waarneming in deze werkruimte'),
  status: z.enum(['open', 'closed']).describe('closed = beantwoord of afgesloten; anders open'),
  status_notes: z.string().optional().describe('Het laatste antwoord (nooit een interne notitie); ontbreekt als er nog geen is'),
  service_name: z.string(),
  service_code: z.enum(KINDS),
  description: z.string().describe('De titel, niet de volledige tekst'),
  agency_responsible: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().optional().describe('De uiterste antwoorddatum'),
  address: z.string().optional().describe('De naam van het gebied'),
  lat: z.number().optional(),
  long: z.number().optional(),
});
export type Open311Request = z.infer<typeof requestView>;
const createdView = z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() });
const errorList = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({ id: 'Open311Errors' });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorList]));

// Services (no HTTP in here)

async function jurisdictionOf(base: ServiceContext, slug: string) {
  const reader = { ...base, actor: OPEN311_READER };
  const ws = SLUG.test(slug) ? await findWorkspaceForPublicPage(reader, slug) : null;
  if (!ws) throw new DomainError('open311.jurisdiction_not_found');
  const scope: WorkspaceScope = { ...ws, role: 'lezer' };
  return { ctx: { ...reader, workspace: scope } as ServiceContext, scope };
}

/** GET services: the observation kinds. The same for every workspace, but the workspace must exist. */
export async function listServices(base: ServiceContext, slug: string) {
  await jurisdictionOf(base, slug);
  return SERVICE_ORDER.map((code) => ({ service_code: code, service_name: kindName(code, 'nl'), ...SERVICES[code], metadata: false, type: 'realtime' as const }));
}

/** The window of GET requests: the last 90 days by default, never wider than 90 days. */
export function dateWindow(start: string | undefined, end: string | undefined, now = Date.now()): { from: Date; to?: Date } {
  const s = start ? new Date(start) : undefined;
  // "Latest datetime to include": inclusive; a date alone includes that whole day.
  const e = end ? new Date(new Date(end).getTime() + (end.length === 10 ? DAY : 1)) : undefined;
  const rangeError = () => new DomainError('request.invalid', {}, [{ path: 'end_date', message: 'open311.date_range' }]);
  if (s && e) {
    if (e.getTime() <= s.getTime() || e.getTime() - s.getTime() > WINDOW + DAY) throw rangeError();
    return { from: s, to: e };
  }
  if (s) return { from: s, to: new Date(s.getTime() + WINDOW) };
  if (e) return { from: new Date(e.getTime() - WINDOW), to: e };
  return { from: new Date(now - WINDOW) };
}

/** GET requests: the workspace's public observations as service requests, newest first, at most 1000. */
export async function listRequests(base: ServiceContext, query: RequestsQuery): Promise<Open311Request[]> {
  const { ctx, scope } = await jurisdictionOf(base, query.jurisdiction_id);
  // GeoReport: with service_request_id, the other parameters are ignored.
  // The services are the core kinds: observations of a kind a practice added are not Open311 requests.
  const filter = query.service_request_id
    ? { numbers: query.service_request_id, kinds: KINDS }
    : {
        ...dateWindow(query.start_date, query.end_date),
        kinds: query.service_code ?? KINDS,
        statuses: query.status?.flatMap((s) => (s === 'open' ? OPEN_STATUSES : CLOSED_STATUSES)),
      };
  return presentRequests(ctx, scope, await repo.open311Requests(ctx.db, scope.id, filter, MAX_REQUESTS));
}

/** GET one request: a list of one public observation, or 404. */
export async function getRequest(base: ServiceContext, slug: string, id: string): Promise<Open311Request[]> {
  const { ctx, scope } = await jurisdictionOf(base, slug);
  if (!/^\d{1,9}$/.test(id)) throw new DomainError('open311.request_not_found');
  const rows = await repo.open311Requests(ctx.db, scope.id, { numbers: [Number(id)] }, 1);
  if (rows.length === 0) throw new DomainError('open311.request_not_found');
  return presentRequests(ctx, scope, rows);
}

type RequestRow = Awaited<ReturnType<typeof repo.open311Requests>>[number];

async function presentRequests(ctx: ServiceContext, scope: WorkspaceScope, rows: RequestRow[]): Promise<Open311Request[]> {
  const [answers, areas] = await Promise.all([
    repo.latestAnswers(ctx.db, scope.id, rows.map((r) => r.id)),
    areaNames(ctx, rows.map((r) => r.areaId).filter((a): a is string => !!a)),
  ]);
  const answerOf = new Map(answers.map((a) => [a.observationId, a.message]));
  const areaOf = new Map(areas.map((a) => [a.id, a.name]));
  return rows.map((r) => {
    const answer = answerOf.get(r.id) ?? undefined;
    return {
      service_request_id: String(r.number),
      status: open311Status(r.status),
      // An answer is written for the reporter; should one still look personal, it stays out.
      status_notes: answer && personalDataIn({ text: answer }).length === 0 ? answer : undefined,
      service_name: kindName(r.kind, 'nl'),
      service_code: r.kind as Kind,
      // The title only, not the text: keeps what goes out as small as possible.
      description: r.title,
      agency_responsible: scope.name,
      requested_datetime: w3c(r.createdAt),
      updated_datetime: w3c(r.updatedAt),
      expected_datetime: r.dueAt ? w3c(r.dueAt) : undefined,
      address: r.areaId ? areaOf.get(r.areaId) : undefined,
      lat: r.lat ?? undefined,
      long: r.lon ?? undefined,
    };
  });
}

/**
 * The member behind an api_key, in the workspace of jurisdiction_id: 403 for a missing or
 * invalid key (before anything else is looked at) and for a non-member, 404 for an unknown
 * workspace (GET requests tells anyone which workspaces exist anyway).
 */
export async function memberContext(base: ServiceContext, apiKey: unknown, slug: unknown): Promise<ServiceContext> {
  const actor = typeof apiKey === 'string' && apiKey.length <= 200 ? (await authenticateToken(base.db, apiKey.trim()))?.actor : undefined;
  if (!actor) throw new DomainError('open311.invalid_api_key');
  if (typeof slug !== 'string' || !slug.trim()) throw new DomainError('request.invalid', {}, [{ path: 'jurisdiction_id', message: 'open311.jurisdiction_required' }]);
  const ctx: ServiceContext = { ...base, actor };
  const workspace = SLUG.test(slug.trim()) ? await resolveMembership(ctx, slug.trim()) : null;
  if (workspace) return { ...ctx, workspace };
  const exists = SLUG.test(slug.trim()) && !!(await findWorkspaceForPublicPage(ctx, slug.trim()));
  throw new DomainError(exists ? 'open311.not_member' : 'open311.jurisdiction_not_found');
}

/** The title: the first sentence of the first line, at most 200 characters (cut at a word). */
export function titleFrom(description: string, serviceName: string) {
  const line = description.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const sentence = line.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? line;
  let title = (sentence.length >= 3 ? sentence : line).replace(/\s+/g, ' ').trim();
  if (title.length > 200) {
    const cut = title.slice(0, 199);
    const space = cut.lastIndexOf(' ');
    title = `${(space > 100 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return title.length >= 3 ? title : `${serviceName}: ${title}`.trim();
}

const CONTACT_FIELDS = ['email', 'first_name', 'last_name', 'phone'] as const;

/**
 * POST a request: an observation by the member behind the api_key, through the observations
 * service (routing, due date, personal-data guard and audit apply). Public when the text
 * holds no personal data; otherwise visible in the workspace only, marked as personal data.
 * Contact details are not stored: the member is the reporter.
 */
export async function createRequest(ctx: ServiceContext, input: CreateRequestInput) {
  const description = createObservationBody.shape.text.parse(input.description);
  if (!description) throw new DomainError('request.invalid', {}, [{ path: 'description', message: ctx.locale === 'en' ? 'This field is required.' : 'Dit veld is verplicht.' }]);
  const serviceName = kindName(input.service_code, ctx.locale);
  const title = titleFrom(description, serviceName);
  const text = input.address_string ? `${description}\n\n${ctx.locale === 'en' ? 'Address' : 'Adres'}: ${input.address_string}` : description;
  const personal = personalDataIn({ title, text }).length > 0;
  const body = createObservationBody.parse({
    kind: input.service_code,
    title,
    text,
    point: input.lat !== undefined && input.long !== undefined ? { lat: input.lat, lon: input.long } : null,
    visibility: personal ? 'workspace' : 'public',
    containsPersonalData: personal,
  });
  const created = await createObservation(ctx, body);
  // Best effort: should this fail, the observation keeps source `api`, which is true as well.
  await repo.setSource(ctx.db, ctx.workspace!.id, created.id, 'open311').catch(() => undefined);
  const en = ctx.locale === 'en';
  const parts = [en ? `Received as observation #${created.number} (${serviceName}).` : `Ontvangen als waarneming #${created.number} (${serviceName}).`];
  if (created.dueAt) {
    const due = new Intl.DateTimeFormat(en ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(created.dueAt));
    parts.push(en ? `An answer follows by ${due}.` : `Een antwoord volgt uiterlijk ${due}.`);
  }
  parts.push(
    personal
      ? en
        ? 'The text seems to contain personal data, so the request is visible within the workspace only, not through GET requests.'
        : 'De tekst lijkt persoonsgegevens te bevatten; daarom is de melding alleen binnen de werkruimte zichtbaar, niet via GET requests.'
      : en
        ? 'It is public: the title, status and answer appear in GET requests.'
        : 'De melding is openbaar: titel, status en antwoord staan in GET requests.',
  );
  if (CONTACT_FIELDS.some((f) => input[f])) {
    parts.push(en ? 'Contact details were not stored: the reporter is the member of the api_key.' : 'Contactgegevens zijn niet bewaard: de melder is het lid van de api_key.');
  }
  return { service_request_id: String(created.number), service_notice: parts.join(' '), account_id: null };
}

// HTTP

type Format = 'json' | 'xml';
interface GeoError {
  code: number;
  description: string;
}

const xmlText = (v: string) =>
  v
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** GeoReport's XML: `<services><service><service_code>…`, `<service_requests><request>…`, `<errors><error>…`. */
export function toXml(root: string, item: string, rows: readonly object[]) {
  const element = (row: object) =>
    Object.entries(row)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${v === null ? '' : xmlText(String(v))}</${k}>`)
      .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${rows.map((r) => `<${item}>${element(r)}</${item}>`).join('')}</${root}>`;
}

const XML_ELEMENTS = { services: ['services', 'service'], requests: ['service_requests', 'request'], errors: ['errors', 'error'] } as const;

function respond(reply: FastifyReply, format: Format, kind: keyof typeof XML_ELEMENTS, rows: readonly object[], status = 200) {
  reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(XML_ELEMENTS[kind][0], XML_ELEMENTS[kind][1], rows));
  return reply.type('application/json; charset=utf-8').send(rows);
}

const formatOf = (request: FastifyRequest): Format => (request.url.split('?')[0].replace(/\/+$/, '').endsWith('.xml') ? 'xml' : 'json');
const localeOf = (request: FastifyRequest): Locale => request.ctx?.locale ?? localeFromHeader(request.headers['accept-language']);

// Open311 names the fields of a request differently from an observation.
const FIELD_NAMES: Record<string, string> = { title: 'description', text: 'description', point: 'lat', 'point.lat': 'lat', 'point.lon': 'long' };

function fieldErrors(issues: Parameters<typeof localiseIssue>[0][], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const f = localiseIssue(issue, locale, catalogue);
    return { path: FIELD_NAMES[f.path] ?? f.path, message: f.message };
  });
}

// PostgreSQL errors caused by the request's values (as in the platform's handler).
const INPUT_SQLSTATES = new Set(['22P02', '22001', '22003', '22007', '22008', '22021']);

/** Any thrown thing as GeoReport errors: [{code, description}], the dichter error id kept in the description. */
function toGeoErrors(err: FastifyError & { zodIssues?: Parameters<typeof localiseIssue>[0][] }, request: FastifyRequest): { status: number; errors: GeoError[]; retryAfter?: number } {
  const locale = localeOf(request);
  let domain: DomainError | undefined;
  if (err instanceof DomainError) domain = err;
  else if (err.zodIssues) domain = new DomainError('request.invalid', {}, fieldErrors(err.zodIssues, locale));
  else if (err instanceof ZodError) domain = new DomainError('request.invalid', {}, fieldErrors(err.issues as never, locale));
  else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') domain = new DomainError('request.unsupported_media_type');
  else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) domain = new DomainError('request.too_large');
  else if (err instanceof SyntaxError || (err.code?.startsWith('FST_ERR_CTP_') && err.statusCode === 400) || (err.statusCode === 400 && !err.code?.startsWith('FST_ERR_RESPONSE')))
    domain = new DomainError('request.malformed');
  else if (INPUT_SQLSTATES.has((err as { code?: string }).code ?? '')) domain = new DomainError('request.invalid');
  if (!domain) {
    request.log.error({ err }, 'unhandled error (open311)');
    domain = new DomainError('server.error', { reference: request.id });
  }
  const def = catalogue[domain.id] ?? catalogue['server.error'];
  const id = catalogue[domain.id] ? domain.id : 'server.error';
  const message = format(def[locale], domain.params);
  const fieldMessage = (f: FieldError) => catalogue[f.message]?.[locale] ?? f.message;
  const errors =
    id === 'request.invalid' && domain.fields.length
      ? domain.fields.map((f) => ({ code: def.status, description: f.path ? `${f.path}: ${fieldMessage(f)}` : fieldMessage(f) }))
      : [{ code: def.status, description: `${message} (${id})` }];
  return { status: def.status, errors, retryAfter: id === 'request.rate_limited' ? Number(domain.params.seconds ?? 60) : undefined };
}

const tags = ['open311'];
const FORMAT_NOTE = { json: '', xml: ' (XML)' } as const;

/**
 * Mounted at the root by the platform (`rootRoutes`): Open311 GeoReport v2 under /open311/v2.
 * Does its own authentication (api_key) and answers errors in GeoReport's shape.
 */
export const open311Routes: FastifyPluginAsync = async (root) => {
  await root.register(
    async (plugin) => {
      const app = plugin.withTypeProvider<ZodTypeProvider>();
      // GeoReport prescribes form-encoded POSTs; JSON works too.
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      app.setErrorHandler((err: FastifyError, request, reply) => {
        const { status, errors, retryAfter } = toGeoErrors(err, request);
        if (retryAfter) reply.header('retry-after', String(retryAfter));
        return respond(reply, formatOf(request), 'errors', errors, status);
      });
      app.setNotFoundHandler((request, reply) => {
        const { status, errors } = toGeoErrors(new DomainError('open311.route_not_found') as never, request);
        return respond(reply, formatOf(request), 'errors', errors, status);
      });

      for (const fmt of ['json', 'xml'] as const) {
        const produces = [fmt === 'xml' ? 'text/xml' : 'application/json'];
        const ok = <T extends z.ZodType>(schema: T) => (fmt === 'xml' ? z.string().describe('XML volgens GeoReport v2') : schema);
        app.get(
          `/services.${fmt}`,
          {
            config: { public: true },
            schema: {
              tags,
              summary: `Open311: de diensten = de soorten waarnemingen${FORMAT_NOTE[fmt]}`,
              description: 'GeoReport v2 GET Service List. jurisdiction_id is de werkruimte (slug). Fouten hebben de GeoReport-vorm [{"code","description"}].',
              security: [],
              produces,
              querystring: jurisdictionQuery,
              response: { 200: ok(z.array(serviceView)), ...errors(400, 404, 429) },
            },
          },
          async (req, reply) => respond(reply, fmt, 'services', await listServices(req.ctx, req.query.jurisdiction_id)),
        );
        app.get(
          `/requests.${fmt}`,
          {
            config: { public: true },
            schema: {
              tags,
              summary: `Open311: openbare meldingen (waarnemingen zonder persoonsgegevens), nieuwste eerst, hoogstens ${MAX_REQUESTS}${FORMAT_NOTE[fmt]}`,
              description:
                'GeoReport v2 GET Service Requests. Zonder datums: de laatste 90 dagen; start_date en end_date liggen hoogstens 90 dagen uit elkaar. status closed = beantwoord of afgesloten. description is de titel, niet de volledige tekst; status_notes is het laatste antwoord.',
              security: [],
              produces,
              querystring: requestsQuery,
              response: { 200: ok(z.array(requestView)), ...errors(400, 404, 429) },
            },
          },
          async (req, reply) => respond(reply, fmt, 'requests', await listRequests(req.ctx, req.query)),
        );
        app.get(
          `/requests/:service_request_id.${fmt}`,
          {
            config: { public: true },
            schema: {
              tags,
              summary: `Open311: één openbare melding, als lijst van één${FORMAT_NOTE[fmt]}`,
              description: 'GeoReport v2 GET Service Request; 404 als de melding niet bestaat of niet openbaar is.',
              security: [],
              produces,
              params: requestParams,
              querystring: jurisdictionQuery,
              response: { 200: ok(z.array(requestView)), ...errors(400, 404, 429) },
            },
          },
          async (req, reply) => respond(reply, fmt, 'requests', await getRequest(req.ctx, req.query.jurisdiction_id, req.params.service_request_id)),
        );
        app.post(
          `/requests.${fmt}`,
          {
            config: { public: true, rateLimit: PUBLIC_REPORT_RATE_LIMIT },
            // The api_key is checked before the rest of the input, so a stranger learns nothing from validation errors.
            preValidation: async (request) => {
              const body = (request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? request.body : {}) as Record<string, unknown>;
              request.ctx = await memberContext(request.ctx, body.api_key, body.jurisdiction_id);
            },
            schema: {
              tags,
              summary: `Open311: melding doen als lid van de werkruimte (api_key = persoonlijk API-token), form-encoded of JSON${FORMAT_NOTE[fmt]}`,
              description:
                'GeoReport v2 POST Service Request. Wordt een waarneming van het lid achter de api_key (service_code = soort, description = tekst, de eerste zin de titel, lat/long = plek, address_string onder de tekst); toewijzing, antwoorddatum, persoonsgegevenscontrole en audit gelden. Openbaar als de tekst geen persoonsgegevens lijkt te bevatten, anders alleen binnen de werkruimte. Contactgegevens (email, first_name, last_name, phone) worden niet bewaard. 403 bij een ontbrekende of ongeldige api_key of als de eigenaar geen lid is; 10 per uur per IP-adres.',
              security: [],
              consumes: ['application/x-www-form-urlencoded', 'application/json'],
              produces,
              body: createRequestBody,
              response: { 201: ok(z.array(createdView)), ...errors(400, 403, 404, 429) },
            },
          },
          async (req, reply) => respond(reply, fmt, 'requests', [await createRequest(req.ctx, req.body)], 201),
        );
      }
    },
    { prefix: '/open311/v2' },
  );
};
