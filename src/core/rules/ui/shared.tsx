import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { api, ApiError, wsPath, type List } from '../../../web/api';
import { useLocale, useT } from '../../../web/i18n';
import { cx, TextField } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { AreaListView } from '../../areas/schema';
import type { deviationView, loadView, pressureView, RuleSummaryView, RuleView } from '../schema';
import { m } from './messages';

export type { RuleSummaryView, RuleView };
export type DeviationView = z.infer<typeof deviationView>;
export type PressureView = z.infer<typeof pressureView>;
export type PressureItem = PressureView['items'][number];
export type LoadView = z.infer<typeof loadView>;
export type ReviewView = RuleView['reviews'][number];
export type TestView = RuleView['tests'][number];
export type RuleList = List<RuleSummaryView> & { can: { create: boolean; import: boolean } };
export type InboxItem = { reason: 'approve' | 'owner' | 'outcome'; deviation: DeviationView };

// The lists of schema.ts, repeated here so the browser bundle does not pull in zod.
export const KINDS = ['wet', 'amvb_regeling', 'beleidsregel', 'werkinstructie', 'protocol', 'productcode'] as const satisfies readonly RuleView['kind'][];
export const LEVELS = ['rijk', 'provincie', 'gemeente', 'organisatie'] as const satisfies readonly RuleView['level'][];
export const DOMAINS = ['jeugd', 'wmo', 'schulden', 'werk_inkomen', 'wonen', 'veiligheid', 'openbare_ruimte', 'onderwijs', 'gezondheid', 'overig'] as const satisfies readonly RuleView['domain'][];
export const MANDATES = ['explain_afterwards', 'ask_first'] as const satisfies readonly RuleView['mandate'][];
export const VERDICTS = ['werkbaar', 'werkbaar_met_aanpassing', 'niet_werkbaar'] as const satisfies readonly TestView['verdict'][];
export const MOMENTS = ['voor_vaststelling', 'na_invoering'] as const satisfies readonly TestView['moment'][];
export const OUTCOMES = ['helped', 'no_difference', 'harmed'] as const satisfies readonly NonNullable<DeviationView['outcome']>[];
export const DECISIONS = ['keep', 'adjust', 'abolish', 'escalate'] as const satisfies readonly ReviewView['decision'][];
export type Kind = (typeof KINDS)[number];
export type Level = (typeof LEVELS)[number];
export type Domain = (typeof DOMAINS)[number];
export type Mandate = (typeof MANDATES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Decision = (typeof DECISIONS)[number];
export type DeviationStatus = DeviationView['status'];
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: string | null | undefined): v is T =>
    !!v && (list as readonly string[]).includes(v);
export const isKind = oneOf(KINDS);
export const isLevel = oneOf(LEVELS);
export const isDomain = oneOf(DOMAINS);
export const isUuid = (v: string | null | undefined): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
export const isIsoDate = (v: string | null | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** Query keys: everything of this module under one key, so one refresh after a write covers register, pages and inbox. */
export const ruleKeys = {
  all: (slug: string) => ['w', slug, 'rules'] as const,
  list: (slug: string, query: string) => ['w', slug, 'rules', 'list', query] as const,
  one: (slug: string, id: string) => ['w', slug, 'rules', 'one', id] as const,
  deviations: (slug: string, id: string, query: string) => ['w', slug, 'rules', 'one', id, 'deviations', query] as const,
  deviation: (slug: string, ruleId: string, id: string) => ['w', slug, 'rules', 'one', ruleId, 'deviation', id] as const,
  pressure: (slug: string, query: string) => ['w', slug, 'rules', 'pressure', query] as const,
  load: (slug: string) => ['w', slug, 'rules', 'load'] as const,
  inbox: (slug: string) => ['w', slug, 'rules', 'inbox'] as const,
  lookup: (slug: string, what: string) => ['w', slug, 'rules', 'lookup', what] as const,
};

// Dates: calendar days (YYYY-MM-DD) as the API has them.
const DAY = 86_400_000;
/** Today on this device's calendar. */
export const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function useLabels() {
  const t = useT(m);
  return {
    kind: (k: Kind) => t(`kind.${k}`),
    level: (l: Level) => t(`level.${l}`),
    domain: (d: Domain) => t(`domain.${d}`),
    mandate: (x: Mandate) => t(`mandate.${x}`),
    status: (s: DeviationStatus) => t(`status.${s}`),
    outcome: (o: Outcome) => t(`outcome.${o}`),
    decision: (d: Decision) => t(`decision.${d}`),
    verdict: (v: TestView['verdict']) => t(`verdict.${v}`),
    moment: (x: TestView['moment']) => t(`moment.${x}`),
    rung: (r: string) => (['value', 'challenge', 'goal', 'action_line', 'intervention'].includes(r) ? t(`rung.${r as 'value'}`) : r),
  };
}

export const ruleLabel = (r: { code: string; title: string }) => `${r.code} ${r.title}`;
export const nodeLabel = (n: { code: string | null; title: string }) => (n.code ? `${n.code} ${n.title}` : n.title);

/** "Karim en Fatma" / "Karim, Fatma en Bas": names in a sentence. */
export function useNameList() {
  const t = useT(m);
  const { locale } = useLocale();
  return (names: string[], fallback = t('rule.coordinators')) => {
    if (names.length === 0) return fallback;
    try {
      return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'long', type: 'conjunction' }).format(names);
    } catch {
      return names.join(', ');
    }
  };
}

/** What the member may do in the register (the list's `can`); the screen never derives it from the role. */
export function useAbilities() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ruleKeys.list(workspace.slug, 'abilities'),
    queryFn: async () => (await api.get<RuleList>(wsPath(workspace.slug, 'rules?limit=1'))).can,
    staleTime: 60_000,
  });
}

const notFound = (error: unknown): boolean => error instanceof ApiError && [400, 404].includes(error.status);
const retry = (count: number, error: Error) => count < 2 && !notFound(error);
export { notFound as isNotFound };

export function useRule(id: string) {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: ruleKeys.one(workspace.slug, id), queryFn: () => api.get<RuleView>(wsPath(workspace.slug, `rules/${encodeURIComponent(id)}`)), retry, enabled: !!id });
}

export function useDeviation(ruleId: string, id: string) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ruleKeys.deviation(workspace.slug, ruleId, id),
    queryFn: () => api.get<DeviationView>(wsPath(workspace.slug, `rules/${encodeURIComponent(ruleId)}/deviations/${encodeURIComponent(id)}`)),
    retry,
  });
}

/** The deviations of one rule (all of them, newest first; a rule has few enough). */
export function useRuleDeviations(ruleId: string, query = '') {
  const { workspace } = useWorkspace();
  const q = `limit=500${query ? `&${query}` : ''}`;
  return useQuery({
    queryKey: ruleKeys.deviations(workspace.slug, ruleId, q),
    queryFn: () => api.get<List<DeviationView>>(wsPath(workspace.slug, `rules/${encodeURIComponent(ruleId)}/deviations?${q}`)),
  });
}

export function useMembers() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ruleKeys.lookup(workspace.slug, 'members'),
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.get<List<{ userId: string; name: string; role: string }>>(wsPath(workspace.slug, 'members'))).items.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  });
}

export function usePartners() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ruleKeys.lookup(workspace.slug, 'partners'),
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.get<List<{ id: string; name: string }>>(wsPath(workspace.slug, 'partners'))).items.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  });
}

export type Area = AreaListView['items'][number];

/** All areas of the workspace (in pages of 500, as the API serves them). */
export function useAreas() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ruleKeys.lookup(workspace.slug, 'areas'),
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const all: Area[] = [];
      for (let offset = 0; offset < 20_000; offset += 500) {
        const page = await api.get<AreaListView>(wsPath(workspace.slug, `areas?limit=500&offset=${offset}`));
        all.push(...page.items);
        if (page.items.length < 500) break;
      }
      return all;
    },
  });
}

export interface AreaGroup {
  wijk: { id: string; name: string } | null;
  buurten: { id: string; name: string }[];
}

/** The wijken with their buurten of the newest area division, for the picker of a deviation. */
export function areaGroups(all: Area[]): AreaGroup[] {
  const local = all.filter((a) => a.kind === 'wijk' || a.kind === 'buurt');
  if (!local.length) return [];
  const year = Math.max(...local.map((a) => a.year));
  const current = local.filter((a) => a.year === year);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl', { numeric: true });
  const wijken = current.filter((a) => a.kind === 'wijk').sort(byName);
  const buurten = current.filter((a) => a.kind === 'buurt').sort(byName);
  const groups: AreaGroup[] = wijken.map((w) => ({ wijk: { id: w.id, name: w.name }, buurten: buurten.filter((b) => b.parentId === w.id) }));
  const loose = buurten.filter((b) => !wijken.some((w) => w.id === b.parentId));
  if (loose.length) groups.push({ wijk: null, buurten: loose });
  return groups;
}

export interface LadderNode {
  id: string;
  rung: string;
  code: string | null;
  title: string;
}

const RUNG_ORDER = ['value', 'challenge', 'goal', 'action_line', 'intervention'];

/** The nodes of the policy ladder, by rung and code. */
export function useLadderNodes() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: ruleKeys.lookup(workspace.slug, 'ladder'),
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const res = await api.get<List<LadderNode>>(wsPath(workspace.slug, 'ladder/nodes?limit=500'));
      return res.items
        .map((n) => ({ id: n.id, rung: n.rung, code: n.code, title: n.title }))
        .sort(
          (a, b) =>
            RUNG_ORDER.indexOf(a.rung) - RUNG_ORDER.indexOf(b.rung) ||
            (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'nl', { numeric: true }) ||
            a.title.localeCompare(b.title, 'nl'),
        );
    },
  });
}

/** A small label with words (never colour alone). */
export function Badge({ kind, value, children }: { kind: string; value?: string; children: ReactNode }) {
  return <span className={cx('dichter-badge', `rules-badge--${kind}`, value && `rules-badge--${kind}-${value}`)}>{children}</span>;
}

export function StatusBadge({ status }: { status: DeviationStatus }) {
  return (
    <Badge kind="status" value={status}>
      {useLabels().status(status)}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <Badge kind="outcome" value={outcome}>
      {useLabels().outcome(outcome)}
    </Badge>
  );
}

/** "geldt nu", "geldt niet meer", "geldt nog niet". */
export function ValidityBadge({ rule }: { rule: Pick<RuleSummaryView, 'active' | 'validFrom' | 'validTo'> }) {
  const t = useT(m);
  const state = rule.active ? 'now' : rule.validFrom && rule.validFrom > today() ? 'notYet' : 'ended';
  return (
    <Badge kind="validity" value={state}>
      {t(`validity.${state}`)}
    </Badge>
  );
}

export function RuleBadges({ rule }: { rule: Pick<RuleSummaryView, 'kind' | 'level' | 'domain' | 'active' | 'validFrom' | 'validTo'> }) {
  const labels = useLabels();
  return (
    <p className="nl-paragraph rules-badges">
      <Badge kind="kind">{labels.kind(rule.kind)}</Badge> <Badge kind="level">{labels.level(rule.level)}</Badge> <Badge kind="domain">{labels.domain(rule.domain)}</Badge>{' '}
      <ValidityBadge rule={rule} />
    </p>
  );
}

/** Text as it was written: paragraphs, line breaks kept, never HTML. */
export function PlainText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={cx('rules-text', className)}>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} className="nl-paragraph dichter-prewrap">
            {p}
          </p>
        ))}
    </div>
  );
}

/** The rule's intent, prominent: what every deviation is judged against. */
export function IntentBox({ id, title, intent, children }: { id: string; title: string; intent: string; children?: ReactNode }) {
  return (
    <section className="rules-intent" aria-labelledby={id}>
      <h2 className="nl-heading nl-heading--level-4 rules-intent__title" id={id}>
        {title}
      </h2>
      <PlainText text={intent} className="rules-intent__text" />
      {children}
    </section>
  );
}

/** One option of a `Choices` group. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

/** Radio buttons as large, labelled tiles (the whole tile is the target, for a thumb on a phone). */
export function Choices<V extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
  error,
  optional,
  columns,
}: {
  name: string;
  legend: ReactNode;
  choices: Choice<V>[];
  value: NoInfer<V> | '';
  onChange(v: NoInfer<V>): void;
  error?: string;
  optional?: boolean;
  columns?: boolean;
}) {
  const t = useT(m);
  const errorId = `${name}-error`;
  return (
    <fieldset className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'rules-choices', columns && 'rules-choices--columns', error && 'utrecht-form-fieldset--invalid')}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        {optional && <span className="dichter-optional"> {t('field.optional')}</span>}
      </legend>
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      <div className="rules-choices__list">
        {choices.map((c) => {
          const id = `${name}-${c.value}`;
          return (
            <div key={c.value} className={cx('rules-choice', value === c.value && 'rules-choice--checked')}>
              <input
                type="radio"
                id={id}
                name={name}
                value={c.value}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={value === c.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={[c.hint ? `${id}-hint` : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
                onChange={() => onChange(c.value)}
              />
              <label className="utrecht-form-label utrecht-form-label--radio rules-choice__label" htmlFor={id}>
                {c.label}
              </label>
              {c.hint && (
                <span className="rules-choice__hint" id={`${id}-hint`}>
                  {c.hint}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Checkbox({ id, label, checked, onChange, description }: { id: string; label: ReactNode; checked: boolean; onChange(v: boolean): void; description?: ReactNode }) {
  return (
    <div className="dichter-field rules-checkbox">
      <input
        id={id}
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={checked}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
      {description && (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
    </div>
  );
}

/**
 * Several choices from a longer list as checkboxes, with a search box above when the list is
 * long; the chosen ones stay visible whatever the search.
 */
export function CheckList({
  id,
  legend,
  description,
  options,
  value,
  onChange,
  error,
  loading,
}: {
  id: string;
  legend: string;
  description?: ReactNode;
  options: { value: string; label: string }[];
  value: string[];
  onChange(next: string[]): void;
  error?: string;
  loading?: boolean;
}) {
  const t = useT(m);
  const [search, setSearch] = useState('');
  const countId = useId();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const chosen = new Set(value);
  const shown = options.filter((o) => chosen.has(o.value) || words.every((w) => o.label.toLowerCase().includes(w)));
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'rules-checklist', error && 'utrecht-form-fieldset--invalid')}
      aria-describedby={[description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend} <span className="dichter-optional">{t('field.optional')}</span>
      </legend>
      {description && (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      {options.length > 8 && (
        <TextField
          id={`${id}-search`}
          type="search"
          label={t('checklist.filter', { label: legend.toLowerCase() })}
          value={search}
          autoComplete="off"
          aria-describedby={countId}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter narrows the list; it does not send the form.
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      )}
      <p className="nl-paragraph dichter-small rules-checklist__count" id={countId} aria-live="polite">
        {t('checklist.chosen', { count: value.length })}
      </p>
      {loading ? (
        <p className="nl-paragraph">{t('field.loading')}</p>
      ) : options.length === 0 ? (
        <p className="nl-paragraph">{t('checklist.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="nl-paragraph">{t('checklist.none')}</p>
      ) : (
        <ul className="rules-checklist__list">
          {shown.map((o) => (
            <li key={o.value}>
              <Checkbox id={`${id}-${o.value}`} label={o.label} checked={chosen.has(o.value)} onChange={(on) => toggle(o.value, on)} />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}


/** A client-side check that reads like the server's answer, so the form shows it the same way. */
export const fieldErrors = (fields: { path: string; message: string }[]) => new ApiError(400, 'request.invalid', '', fields);
