import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { Alert, Button, ButtonGroup, Fieldset, PageHeading, Paragraph, Section, SelectField, TextField } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { m } from './messages';

type Scope = 'workspace' | 'area' | 'actionLine';
interface AreaItem { id: string; name: string; kind: string }
interface NodeItem { id: string; code: string | null; title: string }

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const KIND_ORDER = ['gemeente', 'wijk', 'buurt'];

/** Choose period, scope and version; the report itself opens as a printable page or downloads as PDF. */
export default function ReportPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const [scope, setScope] = useState<Scope>('workspace');
  const [areaId, setAreaId] = useState('');
  const [actionLineId, setActionLineId] = useState('');
  const [publicOnly, setPublicOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const areas = useQuery({ queryKey: ['reports', workspace.slug, 'areas'], queryFn: () => api.get<List<AreaItem>>(wsPath(workspace.slug, 'areas?limit=500')), enabled: scope === 'area' });
  const lines = useQuery({
    queryKey: ['reports', workspace.slug, 'lines'],
    queryFn: () => api.get<List<NodeItem>>(wsPath(workspace.slug, 'ladder/nodes?rung=action_line&limit=500')),
    enabled: scope === 'actionLine',
  });

  const query = () => {
    const q = new URLSearchParams({ from, to });
    if (publicOnly) q.set('public', 'true');
    if (scope === 'area' && areaId) q.set('areaId', areaId);
    if (scope === 'actionLine' && actionLineId) q.set('actionLineId', actionLineId);
    return q;
  };
  const check = () => {
    if (!ISO.test(from) || !ISO.test(to)) return t('error.date');
    if (from > to) return t('error.period');
    if ((scope === 'area' && !areaId) || (scope === 'actionLine' && !actionLineId)) return t('error.choose');
    return null;
  };
  const go = (format: 'html' | 'pdf') => (event?: FormEvent) => {
    event?.preventDefault();
    const problem = check();
    setError(problem);
    if (problem) return;
    const q = query();
    q.set('format', format);
    const url = `${wsPath(workspace.slug, 'reports/progress')}?${q}`;
    if (format === 'html') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  };

  const areaOptions = [...(areas.data?.items ?? [])]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'nl'))
    .map((a) => ({ value: a.id, label: `${KIND_ORDER.includes(a.kind) ? t(`kind.${a.kind as 'wijk'}`) : a.kind} ${a.name}` }));
  const lineOptions = (lines.data?.items ?? []).map((n) => ({ value: n.id, label: n.code ? `${n.code} ${n.title}` : n.title }));

  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <Section id="report-form" title={t('form.title')}>
        <form onSubmit={go('html')} noValidate aria-describedby={error ? 'report-error' : undefined}>
          {error && (
            <Alert type="error" id="report-error" role="alert">
              {error}
            </Alert>
          )}
          <TextField id="report-from" label={t('form.from')} description={t('form.dateHint')} value={from} onChange={(e) => setFrom(e.target.value)} inputMode="numeric" autoComplete="off" />
          <TextField id="report-to" label={t('form.to')} description={t('form.dateHint')} value={to} onChange={(e) => setTo(e.target.value)} inputMode="numeric" autoComplete="off" />
          <Fieldset legend={t('form.scope')}>
            {(['workspace', 'area', 'actionLine'] as const).map((s) => (
              <div className="dichter-field dichter-checkbox" key={s}>
                <input id={`report-scope-${s}`} type="radio" name="report-scope" className="utrecht-radio-button utrecht-radio-button--html-input" checked={scope === s} onChange={() => setScope(s)} />{' '}
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`report-scope-${s}`}>
                  {t(`form.scope.${s}`)}
                </label>
              </div>
            ))}
          </Fieldset>
          {scope === 'area' && (
            <SelectField id="report-area" label={t('form.area')} description={t('form.areaHint')} value={areaId} onChange={(e) => setAreaId(e.target.value)} options={[{ value: '', label: t('form.choose') }, ...areaOptions]} />
          )}
          {scope === 'actionLine' && (
            <SelectField id="report-line" label={t('form.actionLine')} value={actionLineId} onChange={(e) => setActionLineId(e.target.value)} options={[{ value: '', label: t('form.choose') }, ...lineOptions]} />
          )}
          <div className="dichter-field dichter-checkbox">
            <input id="report-public" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={publicOnly} onChange={(e) => setPublicOnly(e.target.checked)} />{' '}
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="report-public">
              {t('form.public')}
            </label>
          </div>
          <Paragraph small>{t('form.openHint')}</Paragraph>
          <ButtonGroup>
            <Button type="submit" appearance="primary">
              {t('form.open')}
            </Button>
            <Button onClick={() => go('pdf')()}>{t('form.pdf')}</Button>
          </ButtonGroup>
        </form>
      </Section>
      <Section id="report-iceberg" title={t('iceberg.title')}>
        <Paragraph>{t('iceberg.text')}</Paragraph>
      </Section>
    </>
  );
}
