import { useMemo, useState, type ChangeEvent } from 'react';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { FieldShell, Form, SelectField, SubmitButton, TextAreaField, TextField, cx, useFormSubmit } from '../../../web/ui';
import { m } from './messages';
import { KIND_LIST, PHASE_LIST, RUNG_LIST, STATUS_LIST, nodeLabel, rungAbove, useLabels, useLookups, useTree, type NodeView, type Rung } from './shared';

export interface NodeDraft {
  rung: Rung;
  title: string;
  code: string;
  description: string;
  parentIds: string[];
  public: boolean;
  ownerPartnerId: string;
  ownerUserId: string;
  partnerIds: string[];
  areaIds: string[];
  phase: string;
  status: string;
  kind: string;
  startDate: string;
  endDate: string;
  budget: string;
}

export function draftOf(node: NodeView | null, rung: Rung, parentId?: string): NodeDraft {
  return {
    rung: node?.rung ?? rung,
    title: node?.title ?? '',
    code: node?.code ?? '',
    description: node?.description ?? '',
    parentIds: node?.parentIds ?? (parentId ? [parentId] : []),
    public: node?.public ?? false,
    ownerPartnerId: node?.ownerPartnerId ?? '',
    ownerUserId: node?.ownerUserId ?? '',
    partnerIds: node?.partnerIds ?? [],
    areaIds: node?.areaIds ?? [],
    phase: node?.phase ?? '',
    status: node?.status ?? '',
    kind: node?.kind ?? '',
    startDate: node?.startDate ?? '',
    endDate: node?.endDate ?? '',
    budget: node?.budgetCents != null ? (node.budgetCents / 100).toFixed(2).replace('.', ',') : '',
  };
}

const worksOn = (r: Rung) => r === 'action_line' || r === 'intervention';

/** The request body for POST (with rung) or PATCH: only the fields of the node's rung. */
export function bodyOf(d: NodeDraft, creating: boolean) {
  const body: Record<string, unknown> = { title: d.title, code: d.code.trim() || null, description: d.description, public: d.public };
  if (creating) body.rung = d.rung;
  if (d.rung !== 'value') body.parentIds = d.parentIds;
  if (worksOn(d.rung)) {
    Object.assign(body, {
      ownerPartnerId: d.ownerPartnerId || null,
      ownerUserId: d.ownerUserId || null,
      partnerIds: d.partnerIds,
      areaIds: d.areaIds,
      status: d.status || null,
      startDate: d.startDate || null,
      endDate: d.endDate || null,
    });
  }
  if (d.rung === 'action_line') body.phase = d.phase || null;
  if (d.rung === 'intervention') {
    body.kind = d.kind || null;
    // Dutch notation (12.500,50) or a plain decimal point (12500.50); anything else goes as typed, so the API names the field.
    const raw = d.budget.trim().replace(/^€\s*/, '').replace(/\s/g, '');
    const euros = /^\d+\.\d{1,2}$/.test(raw) ? raw : raw.replace(/\./g, '').replace(',', '.');
    body.budgetCents = euros ? (Number.isFinite(Number(euros)) ? Math.round(Number(euros) * 100) : d.budget) : null;
  }
  return body;
}

const selected = (e: ChangeEvent<HTMLSelectElement>) => [...e.target.selectedOptions].map((o) => o.value);

/** A multiple-choice list (native, works with keyboard and screen readers). */
function MultiSelect({ id, label, description, error, value, options, onChange }: { id: string; label: string; description?: string; error?: string; value: string[]; options: { value: string; label: string }[]; onChange(v: string[]): void }) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <select
        id={id}
        multiple
        size={Math.min(8, Math.max(3, options.length))}
        className={cx('utrecht-select', 'utrecht-select--html-select', 'dichter-multiselect', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={[description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        value={value}
        onChange={(e) => onChange(selected(e))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function NodeForm<R>({ initial, creating, send, onSaved, submitLabel }: { initial: NodeDraft; creating: boolean; send(body: Record<string, unknown>): Promise<R>; onSaved(result: R): unknown; submitLabel: string }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const labels = useLabels();
  const tree = useTree();
  const lookups = useLookups();
  const [d, setD] = useState(initial);
  const set = <K extends keyof NodeDraft>(key: K, value: NodeDraft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const above = rungAbove(d.rung);
  const parentOptions = useMemo(
    () =>
      (tree.data?.nodes ?? [])
        .filter((n) => n.rung === above)
        .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '', 'nl', { numeric: true }) || a.title.localeCompare(b.title, 'nl'))
        .map((n) => ({ value: n.id, label: nodeLabel(n) })),
    [tree.data, above],
  );
  const fields = {
    rung: { id: 'node-rung', label: t('field.rung') },
    title: { id: 'node-title', label: t('field.title') },
    code: { id: 'node-code', label: t('field.code') },
    description: { id: 'node-description', label: t('field.description') },
    parentIds: { id: 'node-parents', label: t('field.parents') },
    ownerPartnerId: { id: 'node-owner-partner', label: t('field.ownerPartner') },
    ownerUserId: { id: 'node-owner-user', label: t('field.ownerUser') },
    partnerIds: { id: 'node-partners', label: t('field.partners') },
    areaIds: { id: 'node-areas', label: t('field.areas') },
    phase: { id: 'node-phase', label: t('field.phase') },
    status: { id: 'node-status', label: t('field.status') },
    kind: { id: 'node-kind', label: t('field.kind') },
    startDate: { id: 'node-start', label: t('field.start') },
    endDate: { id: 'node-end', label: t('field.end') },
    budgetCents: { id: 'node-budget', label: t('field.budget') },
    public: { id: 'node-public', label: t('field.public') },
  };
  const form = useFormSubmit({
    fields,
    errorFields: { 'ladder.orphan': 'parentIds', 'ladder.parent_wrong_rung': 'parentIds', 'ladder.parent_not_found': 'parentIds', 'ladder.code_taken': 'code', 'ladder.period_invalid': 'endDate', 'ladder.value_in_charter': 'title' },
    send: () => send(bodyOf(d, creating)),
    onSaved,
  });
  // Field errors may name an item of a list ("partnerIds.2"): show them at the list.
  const err = (path: string) => form.fieldError(path) ?? [...Array(50).keys()].map((i) => form.fieldError(`${path}.${i}`)).find(Boolean);
  const partners = (lookups.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }));
  const areas = (lookups.data?.areas ?? []).map((a) => ({ value: a.id, label: a.code ? `${a.name} (${a.code})` : a.name }));
  const members = (lookups.data?.members ?? []).map((p) => ({ value: p.userId, label: p.name }));
  return (
    <Form form={form}>
      {creating ? (
        <SelectField
          id="node-rung"
          label={t('field.rung')}
          description={t('field.rungHelp')}
          value={d.rung}
          onChange={(e) => setD((prev) => ({ ...prev, rung: e.target.value as Rung, parentIds: [] }))}
          options={RUNG_LIST.map((r) => ({ value: r, label: labels.rung(r) }))}
          error={err('rung')}
        />
      ) : null}
      <TextField id="node-title" label={t('field.title')} value={d.title} maxLength={300} onChange={(e) => set('title', e.target.value)} error={err('title')} />
      {above && (
        <MultiSelect
          id="node-parents"
          label={t('field.parents')}
          description={t('field.parentsHelp', { rung: labels.rung(above).toLowerCase() })}
          value={d.parentIds}
          options={parentOptions}
          onChange={(v) => set('parentIds', v)}
          error={err('parentIds')}
        />
      )}
      <TextField id="node-code" label={t('field.code')} description={t('field.codeHelp')} optional className="dichter-input-short" value={d.code} maxLength={40} onChange={(e) => set('code', e.target.value)} error={err('code')} />
      <TextAreaField id="node-description" label={t('field.description')} optional value={d.description} onChange={(e) => set('description', e.target.value)} error={err('description')} />
      {worksOn(d.rung) && (
        <>
          <SelectField id="node-owner-partner" label={t('field.ownerPartner')} optional value={d.ownerPartnerId} onChange={(e) => set('ownerPartnerId', e.target.value)} options={[{ value: '', label: t('field.nobody') }, ...partners]} error={err('ownerPartnerId')} />
          <SelectField id="node-owner-user" label={t('field.ownerUser')} optional value={d.ownerUserId} onChange={(e) => set('ownerUserId', e.target.value)} options={[{ value: '', label: t('field.nobody') }, ...members]} error={err('ownerUserId')} />
          <MultiSelect id="node-partners" label={t('field.partners')} description={t('field.multiHelp')} value={d.partnerIds} options={partners} onChange={(v) => set('partnerIds', v)} error={err('partnerIds')} />
          <MultiSelect id="node-areas" label={t('field.areas')} description={t('field.multiHelp')} value={d.areaIds} options={areas} onChange={(v) => set('areaIds', v)} error={err('areaIds')} />
          {d.rung === 'action_line' && (
            <SelectField id="node-phase" label={t('field.phase')} optional value={d.phase} onChange={(e) => set('phase', e.target.value)} options={[{ value: '', label: t('field.unknown') }, ...PHASE_LIST.map((p) => ({ value: p, label: labels.phase(p) }))]} error={err('phase')} />
          )}
          {d.rung === 'intervention' && (
            <SelectField id="node-kind" label={t('field.kind')} optional value={d.kind} onChange={(e) => set('kind', e.target.value)} options={[{ value: '', label: t('field.unknown') }, ...KIND_LIST.map((k) => ({ value: k, label: labels.kind(k) }))]} error={err('kind')} />
          )}
          <SelectField id="node-status" label={t('field.status')} optional value={d.status} onChange={(e) => set('status', e.target.value)} options={[{ value: '', label: t('field.unknown') }, ...STATUS_LIST.map((s) => ({ value: s, label: labels.status(s) }))]} error={err('status')} />
          <TextField id="node-start" type="date" label={t('field.start')} optional className="dichter-input-date" value={d.startDate} onChange={(e) => set('startDate', e.target.value)} error={err('startDate')} />
          <TextField id="node-end" type="date" label={t('field.end')} optional className="dichter-input-date" value={d.endDate} onChange={(e) => set('endDate', e.target.value)} error={err('endDate')} />
          {d.rung === 'intervention' && (
            <TextField id="node-budget" label={t('field.budget')} description={t('field.budgetHelp')} optional inputMode="decimal" className="dichter-input-short" value={d.budget} onChange={(e) => set('budget', e.target.value)} error={err('budgetCents')} />
          )}
        </>
      )}
      <div className="dichter-field dichter-checkbox">
        <input id="node-public" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={d.public} aria-describedby="node-public-description" onChange={(e) => set('public', e.target.checked)} />{' '}
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="node-public">
          {t('field.public')}
        </label>
        <div className="utrecht-form-field-description" id="node-public-description">
          {t('field.publicHelp')}
        </div>
      </div>
      <SubmitButton busy={form.busy}>{submitLabel || ts('common.save')}</SubmitButton>
    </Form>
  );
}
