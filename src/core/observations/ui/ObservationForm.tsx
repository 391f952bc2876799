import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { Alert, Button, ButtonGroup, FieldShell, Form, Heading, Paragraph, SubmitButton, TextAreaField, TextField, cx, useFormErrors, type FieldRef } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import {
  KIND_LIST,
  VISIBILITY_LIST,
  focusSoon,
  lineLabel,
  useActionLines,
  useAreaGroups,
  useKinds,
  useLabels,
  type CheckTextView,
  type Kind,
  type ObservationView,
  type PersonalDataHit,
  type Visibility,
} from './shared';
import { parseTags, replaceSpans } from './text';

export interface ObservationDraft {
  /** A core kind, one a practice adds, or '' before choosing. */
  kind: string;
  title: string;
  text: string;
  areaId: string;
  lineId: string;
  /** The first linked rule; the form shows one, and keeps any others as they are. */
  ruleId: string;
  visibility: Visibility;
  tags: string;
  containsPersonalData: boolean;
}

export const emptyDraft: ObservationDraft = { kind: '', title: '', text: '', areaId: '', lineId: '', ruleId: '', visibility: 'workspace', tags: '', containsPersonalData: false };

/** The form's values for an existing observation; its first linked action line is the one in the picker. */
export function draftOf(o: ObservationView): ObservationDraft {
  return {
    kind: o.kind,
    title: o.title,
    text: o.text,
    areaId: o.areaId ?? '',
    lineId: o.ladderNodes.find((n) => n.rung === 'action_line')?.id ?? '',
    ruleId: o.rules[0]?.id ?? '',
    visibility: o.visibility,
    tags: o.tags.join(', '),
    containsPersonalData: o.containsPersonalData,
  };
}

const PERSONAL_DATA_ERRORS = ['observation.personal_data', 'observation.personal_data_unmarked'];

/** What the last check found, for these very values of title and text (the offsets belong to them). */
interface Checked {
  title: string;
  text: string;
  hits: PersonalDataHit[];
}

/** One option of a `Choices` group. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
  disabled?: boolean;
}

/**
 * Radio buttons as large, labelled tiles (the whole tile is the target, for a thumb on a phone);
 * each tile's hint is its description.
 */
export function Choices<V extends string>({ name, legend, choices, value, onChange, error, large }: { name: string; legend: ReactNode; choices: Choice<V>[]; value: string; onChange(v: V): void; error?: string; large?: boolean }) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'obs-choices', large && 'obs-choices--large', error && 'utrecht-form-fieldset--invalid')}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      <div className="obs-choices__list">
        {choices.map((c) => {
          const id = `${name}-${c.value}`;
          return (
            <div key={c.value} className={cx('obs-choice', value === c.value && 'obs-choice--checked', c.disabled && 'obs-choice--disabled')}>
              <input
                type="radio"
                id={id}
                name={name}
                value={c.value}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={value === c.value}
                disabled={c.disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={[c.hint ? `${id}-hint` : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
                onChange={() => onChange(c.value)}
              />
              <label className="utrecht-form-label utrecht-form-label--radio obs-choice__label" htmlFor={id}>
                {c.label}
              </label>
              {c.hint && (
                <span className="obs-choice__hint" id={`${id}-hint`}>
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

function AreaSelect({ value, onChange, error, current }: { value: string; onChange(v: string): void; error?: string; current?: { id: string; name: string } | null }) {
  const t = useT(m);
  const groups = useAreaGroups();
  const id = 'obs-area';
  const known = (groups.data ?? []).some((g) => g.wijk?.id === value || g.buurten.some((b) => b.id === value));
  return (
    <FieldShell id={id} label={t('field.area')} description={t('field.areaHelp')} error={error} optional>
      <select
        id={id}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-description`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{groups.isPending ? t('field.loading') : t('field.noArea')}</option>
        {value && !known && current && <option value={current.id}>{current.name}</option>}
        {(groups.data ?? []).map((g) => (
          <optgroup key={g.wijk?.id ?? 'loose'} label={g.wijk?.name ?? t('field.otherBuurten')}>
            {g.wijk && <option value={g.wijk.id}>{t('field.wholeWijk', { name: g.wijk.name })}</option>}
            {g.buurten.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

/** The action line: a search box that narrows the list below it (the list alone works too). */
function ActionLinePicker({ value, onChange, error, current }: { value: string; onChange(v: string): void; error?: string; current?: { id: string; code: string | null; title: string } | null }) {
  const t = useT(m);
  const lines = useActionLines();
  const [search, setSearch] = useState('');
  const all = lines.data ?? [];
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((n) => n.id === value || words.every((w) => lineLabel(n).toLowerCase().includes(w)));
  const chosen = all.find((n) => n.id === value) ?? (current && current.id === value ? current : null);
  const id = 'obs-line';
  const countId = useId();
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset obs-line">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {t('field.line')} <span className="dichter-optional">{t('field.optional')}</span>
      </legend>
      <Paragraph small className="obs-line__help">
        {t('field.lineHelp')}
      </Paragraph>
      {all.length > 8 && (
        <TextField
          id="obs-line-search"
          type="search"
          label={t('field.lineSearch')}
          value={search}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={countId}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search box narrows the list; it does not send the form.
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      )}
      {all.length > 8 && (
        <p className="dichter-visually-hidden" id={countId} aria-live="polite">
          {search ? t('field.lineMatches', { count: shown.filter((n) => n.id !== value || words.length === 0).length }) : ''}
        </p>
      )}
      <FieldShell id={id} label={t('field.lineChoose')} error={error}>
        <select
          id={id}
          className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{lines.isPending ? t('field.loading') : t('field.noLine')}</option>
          {chosen && !all.some((n) => n.id === chosen.id) && <option value={chosen.id}>{lineLabel(chosen)}</option>}
          {shown.map((n) => (
            <option key={n.id} value={n.id}>
              {lineLabel(n)}
            </option>
          ))}
        </select>
      </FieldShell>
    </fieldset>
  );
}

type RuleOption = { id: string; code: string; title: string };
const ruleLabel = (r: RuleOption) => `${r.code} ${r.title}`;

/**
 * The rule: a search box that asks the register for matching rules (a register can hold
 * thousands of product codes, so the list is not loaded whole), and the list of matches.
 */
function RulePicker({ value, onChange, error, current }: { value: string; onChange(v: string): void; error?: string; current?: RuleOption | null }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const rules = useQuery({
    queryKey: ['w', workspace.slug, 'observations', 'rule-choices', q],
    staleTime: 60_000,
    queryFn: async () => (await api.get<List<RuleOption>>(wsPath(workspace.slug, `rules?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`))).items,
  });
  const shown = rules.data ?? [];
  const known = shown.find((r) => r.id === value) ?? (current && current.id === value ? current : null);
  // a rule chosen elsewhere (the rule's page links here with ?regel=) that is not among the matches: ask for its name
  const named = useQuery({
    queryKey: ['w', workspace.slug, 'observations', 'rule-choice', value],
    enabled: !!value && !known,
    staleTime: 60_000,
    queryFn: async () => api.get<RuleOption>(wsPath(workspace.slug, `rules/${value}`)),
  });
  const chosen = known ?? (named.data ? { id: named.data.id, code: named.data.code, title: named.data.title } : null);
  const id = 'obs-rule';
  const countId = useId();
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset obs-line">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {t('field.rule')} <span className="dichter-optional">{t('field.optional')}</span>
      </legend>
      <Paragraph small className="obs-line__help">
        {t('field.ruleHelp')}
      </Paragraph>
      <TextField
        id="obs-rule-search"
        type="search"
        label={t('field.ruleSearch')}
        value={search}
        autoComplete="off"
        enterKeyHint="search"
        aria-describedby={countId}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          // Enter in the search box narrows the list; it does not send the form.
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <p className="dichter-visually-hidden" id={countId} aria-live="polite">
        {q && rules.data ? t('field.ruleMatches', { count: shown.length }) : ''}
      </p>
      <FieldShell id={id} label={t('field.ruleChoose')} error={error}>
        <select
          id={id}
          className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{rules.isPending ? t('field.loading') : t('field.noRule')}</option>
          {chosen && !shown.some((r) => r.id === chosen.id) && <option value={chosen.id}>{ruleLabel(chosen)}</option>}
          {shown.map((r) => (
            <option key={r.id} value={r.id}>
              {ruleLabel(r)}
            </option>
          ))}
        </select>
      </FieldShell>
    </fieldset>
  );
}

/** Where the guard found personal data, with the two ways out: remove it, or mark the observation. */
function PrivacyWarning({ checked, visibility, onRemove, onMark, busy, headingRef }: { checked: Checked; visibility: Visibility; onRemove(): void; onMark(): void; busy: boolean; headingRef: React.Ref<HTMLDivElement> }) {
  const t = useT(m);
  const labels = useLabels();
  const titleId = useId();
  return (
    <div ref={headingRef} id="obs-privacy" tabIndex={-1} className="utrecht-alert utrecht-alert--warning obs-privacy" role="group" aria-labelledby={titleId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading level={2} appearance={4} id={titleId}>
            {t('privacy.title')}
          </Heading>
          <Paragraph>{t('privacy.found')}</Paragraph>
          <ul className="utrecht-unordered-list">
            {checked.hits.map((h, i) => (
              <li className="utrecht-unordered-list__item" key={i}>
                {t(h.field === 'title' ? 'privacy.inTitle' : 'privacy.inText', { what: labels.personal(h.kind) })}: <q className="obs-privacy__found">{(h.field === 'title' ? checked.title : checked.text).slice(h.start, h.end)}</q>
              </li>
            ))}
          </ul>
          <Paragraph>{visibility === 'public' ? t('privacy.publicRule') : t('privacy.rule')}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary" busy={busy} onClick={() => !busy && onRemove()}>
              {t('privacy.remove')}
            </Button>
            <Button appearance="secondary" onClick={onMark}>
              {visibility === 'public' ? t('privacy.markNotPublic') : t('privacy.mark')}
            </Button>
          </ButtonGroup>
        </div>
      </div>
    </div>
  );
}

/**
 * Recording or changing an observation. Before saving (when the title or text loses focus, and
 * on submit) the server checks the text for personal data; what it finds is shown with the choice
 * to remove it or to mark the observation as holding personal data (then it cannot be public).
 */
export function ObservationForm({
  initial,
  creating,
  current,
  keepNodeIds = [],
  send,
  onSaved,
  submitLabel,
}: {
  initial: ObservationDraft;
  creating: boolean;
  /** The observation being changed, for the names of an area or action line not in the pickers. */
  current?: ObservationView;
  /** Linked ladder nodes the form does not show (other than its one action line); kept as they are. */
  keepNodeIds?: string[];
  send(body: Record<string, unknown>): Promise<ObservationView>;
  onSaved(saved: ObservationView): unknown;
  submitLabel: string;
}) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const [d, setD] = useState(initial);
  const latest = useRef(d);
  latest.current = d;
  const set = <K extends keyof ObservationDraft>(key: K, value: ObservationDraft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const [checked, setChecked] = useState<Checked | null>(null);
  const [note, setNote] = useState('');
  const [removing, setRemoving] = useState(false);
  const warningRef = useRef<HTMLDivElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const sequence = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const fields = useMemo(() => {
    const out: Record<string, FieldRef> = {
      kind: { id: `obs-kind-${KIND_LIST[0]}`, label: t('col.kind') },
      title: { id: 'obs-title', label: t('field.title') },
      text: { id: 'obs-text', label: t('field.text') },
      areaId: { id: 'obs-area', label: t('field.area') },
      ladderNodeIds: { id: 'obs-line', label: t('field.line') },
      ruleIds: { id: 'obs-rule', label: t('field.rule') },
      visibility: { id: `obs-visibility-${d.visibility}`, label: t('field.visibility') },
      tags: { id: 'obs-tags', label: t('field.tags') },
      containsPersonalData: { id: 'obs-personal', label: t('field.personal') },
    };
    for (let i = 0; i < 21; i++) {
      out[`tags.${i}`] = out.tags;
      out[`ladderNodeIds.${i}`] = out.ladderNodeIds;
      out[`ruleIds.${i}`] = out.ruleIds;
    }
    return out;
  }, [t, d.visibility]);
  const form = useFormErrors(fields);
  const err = (path: string) => form.fieldError(path) ?? [...Array(21).keys()].map((i) => form.fieldError(`${path}.${i}`)).find(Boolean);

  /** Asks the server what looks like personal data in the current title and text. */
  const checkNow = useCallback(async (): Promise<Checked> => {
    const { title, text } = latest.current;
    const mine = ++sequence.current;
    const result: Checked = !title.trim() && !text.trim() ? { title, text, hits: [] } : { title, text, hits: (await api.post<CheckTextView>(wsPath(workspace.slug, 'observations/check-text'), { title, text })).hits };
    // An older answer that arrives late does not overwrite a newer one.
    if (mine === sequence.current) setChecked(result);
    return result;
  }, [workspace.slug]);
  const checkSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      checkNow().catch(() => {
        // The check helps; the server's guard on saving decides. A failed check is not an error to show.
      });
    }, 400);
  };

  const hits = checked?.hits ?? [];
  const unresolved = hits.length > 0 && (!d.containsPersonalData || d.visibility === 'public');
  // Focus goes to the warning once it is on screen (after the render that shows it).
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick) warningRef.current?.focus();
  }, [focusTick]);
  const showWarning = () => setFocusTick((n) => n + 1);

  const body = (v: ObservationDraft) => {
    const out: Record<string, unknown> = {
      title: v.title,
      text: v.text,
      areaId: v.areaId || null,
      ladderNodeIds: [...new Set([...keepNodeIds, ...(v.lineId ? [v.lineId] : [])])],
      // the rule in the picker first (its owner answers), then any other linked rules as they were
      ruleIds: [...new Set([...(v.ruleId ? [v.ruleId] : []), ...(current?.rules.slice(1).map((r) => r.id) ?? [])])],
      tags: parseTags(v.tags),
      visibility: v.visibility,
      containsPersonalData: v.containsPersonalData,
    };
    if (creating) out.kind = v.kind || undefined;
    return out;
  };

  const mutation = useMutation({
    mutationFn: async (): Promise<{ blocked: true } | { blocked: false; saved: ObservationView }> => {
      window.clearTimeout(timer.current);
      const v = latest.current;
      let found: PersonalDataHit[] = [];
      try {
        found = (await checkNow()).hits;
      } catch {
        // Could not check (too long a text, no connection): the server's guard still applies when saving.
      }
      if (found.length && (!v.containsPersonalData || v.visibility === 'public')) return { blocked: true };
      return { blocked: false, saved: await send(body(v)) };
    },
    onSuccess: (result) => {
      if (result.blocked) showWarning();
      else return onSaved(result.saved);
    },
    onError: async (error) => {
      if (error instanceof ApiError && PERSONAL_DATA_ERRORS.includes(error.id)) {
        // The same warning as before saving, with the places the server's guard objected to.
        const again = await checkNow().catch(() => null);
        if (again && again.hits.length) {
          showWarning();
          return;
        }
      }
      form.setError(error);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    form.clear();
    setNote('');
    mutation.mutate();
  };

  const removeFound = async () => {
    setRemoving(true);
    try {
      const v = latest.current;
      const fresh = checked && checked.title === v.title && checked.text === v.text ? checked : await checkNow();
      const placeholder = (h: PersonalDataHit) => t(`removed.${h.kind}`);
      const title = replaceSpans(fresh.title, fresh.hits.filter((h) => h.field === 'title'), placeholder);
      const text = replaceSpans(fresh.text, fresh.hits.filter((h) => h.field === 'text'), placeholder);
      const what = [...new Set(fresh.hits.map((h) => labels.personal(h.kind)))].join(', ');
      latest.current = { ...latest.current, title, text };
      setD((prev) => ({ ...prev, title, text }));
      setChecked({ title, text, hits: [] });
      setNote(t('privacy.removed', { what }));
      focusSoon(fresh.hits.some((h) => h.field === 'title') ? 'obs-title' : 'obs-text');
      // Make sure nothing is left (a second look with the new offsets).
      await checkNow().catch(() => null);
    } catch (error) {
      form.setError(error);
    } finally {
      setRemoving(false);
    }
  };

  const mark = () => {
    const wasPublic = latest.current.visibility === 'public';
    setD((prev) => ({ ...prev, containsPersonalData: true, visibility: prev.visibility === 'public' ? 'workspace' : prev.visibility }));
    setNote(wasPublic ? t('privacy.markedPublic') : t('privacy.marked'));
    focusSoon('obs-personal');
  };

  const setPersonal = (value: boolean) => {
    const wasPublic = latest.current.visibility === 'public';
    setD((prev) => ({ ...prev, containsPersonalData: value, visibility: value && prev.visibility === 'public' ? 'workspace' : prev.visibility }));
    setNote(value && wasPublic ? t('privacy.markedPublic') : '');
  };

  const kinds = useKinds();
  const kindChoices: Choice<string>[] = [
    ...KIND_LIST.map((k) => ({ value: k, label: labels.kind(k), hint: labels.kindHint(k) })),
    ...(kinds.data ?? []).filter((k) => k.practice).map((k) => ({ value: k.id, label: k.label })),
  ];
  const visibilityChoices: Choice<Visibility>[] = VISIBILITY_LIST.map((v) => ({
    value: v,
    label: labels.visibility(v),
    hint: v === 'public' && d.containsPersonalData ? t('visibilityHint.publicBlocked') : t(`visibilityHint.${v}`),
    disabled: v === 'public' && d.containsPersonalData,
  }));

  return (
    <Form form={{ summary: form.summary, onSubmit }}>
      {creating ? (
        <Choices name="obs-kind" legend={t('field.kind')} choices={kindChoices} value={d.kind} onChange={(k) => set('kind', k)} error={err('kind')} large />
      ) : (
        <Paragraph>
          {t('col.kind')}: <strong>{d.kind ? labels.kind(d.kind) : ''}</strong>
        </Paragraph>
      )}
      <TextField
        id="obs-title"
        label={t('field.title')}
        description={t('field.titleHelp')}
        value={d.title}
        maxLength={200}
        autoComplete="off"
        enterKeyHint="next"
        onChange={(e) => set('title', e.target.value)}
        onBlur={checkSoon}
        error={err('title')}
      />
      <TextAreaField
        id="obs-text"
        label={t('field.text')}
        description={t('field.textHelp')}
        optional
        rows={5}
        value={d.text}
        maxLength={10_000}
        onChange={(e) => set('text', e.target.value)}
        onBlur={checkSoon}
        error={err('text')}
      />
      <div className="obs-privacy-area" aria-live="polite">
        {unresolved && checked && <PrivacyWarning checked={checked} visibility={d.visibility} onRemove={removeFound} onMark={mark} busy={removing} headingRef={warningRef} />}
        {!unresolved && hits.length > 0 && (
          <Alert type="info">
            <Paragraph>{t('privacy.resolved', { what: [...new Set(hits.map((h) => labels.personal(h.kind)))].join(', ') })}</Paragraph>
          </Alert>
        )}
        {note && (
          <Alert type="ok">
            <Paragraph>{note}</Paragraph>
          </Alert>
        )}
      </div>
      <AreaSelect value={d.areaId} onChange={(v) => set('areaId', v)} error={err('areaId')} current={current?.areaId ? { id: current.areaId, name: current.areaName ?? '?' } : null} />
      <ActionLinePicker value={d.lineId} onChange={(v) => set('lineId', v)} error={err('ladderNodeIds')} current={current?.ladderNodes.find((n) => n.id === d.lineId) ?? null} />
      <RulePicker value={d.ruleId} onChange={(v) => set('ruleId', v)} error={err('ruleIds')} current={current?.rules.find((r) => r.id === d.ruleId) ?? null} />
      <Choices name="obs-visibility" legend={t('field.visibility')} choices={visibilityChoices} value={d.visibility} onChange={(v) => set('visibility', v)} error={err('visibility')} />
      <TextField id="obs-tags" label={t('field.tags')} description={t('field.tagsHelp')} optional value={d.tags} maxLength={400} autoComplete="off" onChange={(e) => set('tags', e.target.value)} error={err('tags')} />
      <div className={cx('dichter-field', 'obs-checkbox', err('containsPersonalData') && 'utrecht-form-field--invalid')}>
        <input
          id="obs-personal"
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={d.containsPersonalData}
          aria-describedby="obs-personal-description"
          onChange={(e) => setPersonal(e.target.checked)}
        />
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="obs-personal">
          {t('field.personal')}
        </label>
        <div className="utrecht-form-field-description" id="obs-personal-description">
          {t('field.personalHelp')}
        </div>
      </div>
      <div className="obs-submit">
        <SubmitButton busy={mutation.isPending}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
