import { refreshAfterWrite } from '../../../web/queries';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { BackLink, Button, ButtonGroup, ButtonLink, Fieldset, Form, Loading, PageHeading, Paragraph, SelectField, SubmitButton, TextField, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { AreaSummaryView, AreaView } from '../schema';
import { m } from './messages';
import { areaKeys, MANUAL_KINDS, useKindLabel, type AreaKind } from './shared';

/** Search-then-choose for the parent area: a text search and radio buttons with the matches. */
function ParentPicker({ year, value, onChange, error }: { year: string; value: string; onChange(id: string): void; error?: string }) {
  const t = useT(m);
  const kindLabel = useKindLabel();
  const { workspace } = useWorkspace();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const query = new URLSearchParams({ q, limit: '10' });
  if (/^\d{4}$/.test(year)) query.set('year', year);
  const results = useQuery({
    queryKey: [...areaKeys.lists(workspace.slug), 'parent', query.toString()],
    queryFn: () => api.get<List<AreaSummaryView>>(wsPath(workspace.slug, `areas?${query}`)),
    enabled: q.length > 0,
  });
  const options = results.data?.items ?? [];
  return (
    <Fieldset legend={t('new.parent')} className={error ? 'utrecht-form-fieldset--invalid' : undefined}>
      <p className="utrecht-form-field-description" id="area-parent-description">
        {t('new.parentDescription')}
      </p>
      {error && (
        <p className="utrecht-form-field-error-message" id="area-parent-error">
          {error}
        </p>
      )}
      <div className="dichter-search-row">
        <TextField
          id="area-parent-search"
          label={t('new.parentSearch')}
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches instead of submitting the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              setQ(draft.trim());
            }
          }}
        />
        <Button onClick={() => setQ(draft.trim())}>{t('new.parentSearchButton')}</Button>
      </div>
      <div className="dichter-radios">
        <p className="nl-paragraph">{t('new.parentResults')}</p>
        <label className="dichter-radio">
          <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" name="area-parent" value="" checked={value === ''} onChange={() => onChange('')} />
          {t('new.parentNone')}
        </label>
        {options.map((area) => (
          <label className="dichter-radio" key={area.id}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name="area-parent"
              value={area.id}
              checked={value === area.id}
              onChange={() => onChange(area.id)}
            />
            {area.name} ({kindLabel.one(area.kind).toLowerCase()}
            {area.code ? `, ${area.code}` : ''}, {area.year})
          </label>
        ))}
        {results.isFetching && <Loading />}
        {q && results.isSuccess && options.length === 0 && <Paragraph role="status">{t('new.parentNoResults')}</Paragraph>}
      </div>
    </Fieldset>
  );
}

export default function NewAreaPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const kindLabel = useKindLabel();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const notify = useNotify();
  const client = useQueryClient();
  const [values, setValues] = useState<{ name: string; kind: AreaKind; code: string; year: string; parentId: string }>({
    name: '',
    kind: 'straat',
    code: '',
    year: String(new Date().getFullYear()),
    parentId: '',
  });
  const form = useFormSubmit({
    fields: {
      name: { id: 'area-name', label: t('new.name') },
      kind: { id: 'area-kind', label: t('new.kind') },
      code: { id: 'area-code', label: t('new.code') },
      year: { id: 'area-year', label: t('new.year') },
      parentId: { id: 'area-parent-search', label: t('new.parent') },
    },
    errorFields: { 'area.code_taken': 'code', 'area.parent_not_found': 'parentId' },
    send: () =>
      api.post<AreaView>(wsPath(workspace.slug, 'areas'), {
        name: values.name,
        kind: values.kind,
        code: values.code.trim() || null,
        parentId: values.parentId || null,
        year: /^\d+$/.test(values.year.trim()) ? Number(values.year.trim()) : values.year,
      }),
    onSaved: async (area) => {
      await refreshAfterWrite(client, { queryKey: areaKeys.all(workspace.slug) });
      notify(t('new.created', { name: area.name }), page(`gebieden/${area.id}`));
    },
  });
  return (
    <div className="dichter-narrow">
      <BackLink to={page('gebieden')}>{t('detail.backToList')}</BackLink>
      <PageHeading title={t('new.title')} />
      <Paragraph>{t('new.intro')}</Paragraph>
      <Form form={form}>
        <TextField id="area-name" label={t('new.name')} value={values.name} maxLength={200} onChange={(e) => setValues({ ...values, name: e.target.value })} error={form.fieldError('name')} />
        <SelectField
          id="area-kind"
          label={t('new.kind')}
          value={values.kind}
          onChange={(e) => setValues({ ...values, kind: e.target.value as AreaKind })}
          error={form.fieldError('kind')}
          options={MANUAL_KINDS.map((k) => ({ value: k, label: kindLabel.one(k) }))}
        />
        <TextField
          id="area-code"
          label={t('new.code')}
          description={t('new.codeDescription')}
          optional
          value={values.code}
          maxLength={40}
          onChange={(e) => setValues({ ...values, code: e.target.value })}
          error={form.fieldError('code')}
        />
        <TextField
          id="area-year"
          label={t('new.year')}
          description={t('new.yearDescription')}
          inputMode="numeric"
          className="dichter-input-short"
          value={values.year}
          onChange={(e) => setValues({ ...values, year: e.target.value })}
          error={form.fieldError('year')}
        />
        <ParentPicker year={values.year} value={values.parentId} onChange={(parentId) => setValues({ ...values, parentId })} error={form.fieldError('parentId')} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('new.submit')}</SubmitButton>
          <ButtonLink to={page('gebieden')} appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </div>
  );
}
