import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, postWithProgress, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { refreshAfterWrite } from '../../../web/queries';
import { Alert, BackLink, Button, ButtonGroup, DataList, DataTable, FileField, Heading, Link, PageHeading, Paragraph, Section, SubmitButton, TextField, UploadProgress, useFormErrors } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { indicatorKeys, useIndicators, usePeriodLabel, type ImportPreview, type ImportReport } from './shared';
import './indicators.css';

type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'processing' };
type Column = ImportPreview['columns'][number];
/** A column's choice: an indicator code, or '' to leave it out. */
type Choices = Record<string, string>;

const PERIOD = /^(19|20)\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const FORMATS = ['cbs-csv', 'cbs-odata', 'cbs-json', 'table'] as const;
const BASES = ['saved', 'existing', 'cbs', 'column', 'given', 'none'] as const;

/**
 * Whether the figures are per year, quarter or month: from the period given or found, else from
 * the periods written in a text file (a table of area × period × value); a year when unknown.
 */
async function periodTypeOf(given: string, file: File): Promise<'year' | 'quarter' | 'month'> {
  let sample = given;
  if (!sample && !/\.xlsx$/i.test(file.name)) sample = await file.slice(0, 200_000).text();
  if (/\b(19|20)\d{2}-Q[1-4]\b/.test(sample)) return 'quarter';
  if (/\b(19|20)\d{2}-(0[1-9]|1[0-2])\b/.test(sample)) return 'month';
  return 'year';
}

/**
 * Import of CBS files and own figures in three steps: choose the file (upload with progress),
 * check the suggested column → indicator mapping, and read the import report with what was
 * skipped per row and column and why.
 */
export default function ImportPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const periodLabel = usePeriodLabel();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const indicators = useIndicators();
  const [file, setFile] = useState<File | null>(null);
  const [metadata, setMetadata] = useState<File | null>(null);
  const [period, setPeriod] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors(
    {
      file: { id: 'indicators-file', label: t('import.file') },
      period: { id: 'indicators-import-period', label: t('import.period') },
      mapping: { id: 'indicators-mapping', label: t('import.mappingTitle') },
    },
    { 'indicator.import_unreadable': 'file', 'request.too_large': 'file', 'request.unsupported_media_type': 'file' },
  );
  const busy = phase.step !== 'idle';
  useEffect(() => {
    if (preview || report) stepHeading.current?.focus();
  }, [preview, report]);

  const suggested = (c: Column) => (c.numeric && c.indicator ? c.indicator.code : '');
  const send = async <T,>(path: string, mapping?: 'auto' | Record<string, string | null>) => {
    const data = new FormData();
    data.append('file', file!, file!.name);
    if (metadata) data.append('metadata', metadata, metadata.name);
    if (period.trim()) data.append('period', period.trim());
    if (mapping) data.append('mapping', typeof mapping === 'string' ? mapping : JSON.stringify(mapping));
    setPhase({ step: 'uploading', fraction: 0 });
    try {
      return await postWithProgress<T>(
        wsPath(workspace.slug, path),
        data,
        (fraction) => setPhase({ step: 'uploading', fraction }),
        () => setPhase({ step: 'processing' }),
      );
    } finally {
      setPhase({ step: 'idle' });
    }
  };
  const invalid = (path: string, message: string) => form.setError(new ApiError(400, 'request.invalid', '', [{ path, message }]));

  const look = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    form.clear();
    if (!file) return invalid('file', t('import.fileMissing'));
    if (period.trim() && !PERIOD.test(period.trim())) return invalid('period', t('import.periodHelp'));
    try {
      const result = await send<ImportPreview>('indicators/import/preview');
      setPreview(result);
      setChoices(Object.fromEntries(result.columns.filter((c) => c.numeric).map((c) => [c.column, suggested(c)])));
      if (result.period && !period.trim()) setPeriod(result.period);
    } catch (err) {
      form.setError(err);
    }
  };

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !preview) return;
    form.clear();
    if (preview.format !== 'table' && !preview.period && !period.trim()) return invalid('period', t('import.noPeriod'));
    if (period.trim() && !PERIOD.test(period.trim())) return invalid('period', t('import.periodHelp'));
    const numeric = preview.columns.filter((c) => c.numeric);
    const untouched = numeric.every((c) => (choices[c.column] ?? '') === suggested(c));
    try {
      let mapping: 'auto' | Record<string, string | null> = 'auto';
      const created: string[] = [];
      if (!untouched) {
        // A chosen mapping names existing indicators only: create the suggested new ones first,
        // measured per year, quarter or month as the period of the file says.
        const periodType = await periodTypeOf(period.trim() || preview.period || '', file!);
        for (const c of numeric) {
          const code = choices[c.column];
          if (code && c.indicator && !c.indicator.exists && code === c.indicator.code) {
            try {
              await api.post(wsPath(workspace.slug, 'indicators'), { code, name: c.indicator.name, unit: c.indicator.unit, source: 'import', periodType });
              created.push(code);
            } catch (err) {
              // Created by an earlier attempt: fine.
              if (!(err instanceof ApiError && err.status === 409)) throw err;
            }
          }
        }
        mapping = Object.fromEntries(numeric.map((c) => [c.column, choices[c.column] || null]));
      }
      const result = await send<ImportReport>('indicators/import', mapping);
      await refreshAfterWrite(client, { queryKey: indicatorKeys.all(workspace.slug) });
      setReport({ ...result, indicatorsCreated: [...created, ...result.indicatorsCreated] });
      setPreview(null);
    } catch (err) {
      form.setError(err);
    }
  };

  const restart = () => {
    setPreview(null);
    setReport(null);
    setFile(null);
    setMetadata(null);
    setPeriod('');
    form.clear();
    requestAnimationFrame(() => fileInput.current?.focus());
  };

  const status = phase.step === 'uploading' ? t('import.uploading', { percent: Math.round(phase.fraction * 100) }) : phase.step === 'processing' ? t('import.processing') : '';
  const progress = <UploadProgress busy={busy} status={status} label={t('import.progress')} fraction={phase.step === 'uploading' ? phase.fraction : undefined} />;
  const formatLabel = (format: string) => ((FORMATS as readonly string[]).includes(format) ? t(`format.${format as (typeof FORMATS)[number]}`) : format);
  const basisLabel = (basis: string) => ((BASES as readonly string[]).includes(basis) ? t(`import.basis.${basis as (typeof BASES)[number]}`) : basis);

  if (report) {
    const nothing = report.values.new + report.values.changed === 0 && report.indicatorsCreated.length === 0;
    return (
      <div className="dichter-narrow">
        <BackLink to={page('indicatoren')}>{t('back.list')}</BackLink>
        <PageHeading title={t('import.title')} />
        <section className="dichter-section" aria-labelledby="indicators-import-report">
          <Alert type="ok">
            <Heading level={2} id="indicators-import-report" ref={stepHeading} tabIndex={-1}>
              {t('import.doneTitle')}
            </Heading>
            <DataList
              items={[
                [t('import.rows'), f.number(report.rows)],
                [t('import.periods'), report.periods.map(periodLabel).join(', ') || '–'],
                [t('import.valuesNew'), f.number(report.values.new)],
                [t('import.valuesChanged'), f.number(report.values.changed)],
                [t('import.valuesUnchanged'), f.number(report.values.unchanged)],
                [t('import.valuesSuppressed'), f.number(report.values.suppressed)],
                [t('import.created'), report.indicatorsCreated.length ? report.indicatorsCreated.join(', ') : '–'],
              ]}
            />
            {nothing && <Paragraph>{t('import.nothingChanged')}</Paragraph>}
          </Alert>
        </section>
        <Section id="indicators-import-skipped" title={t('import.skippedTitle')} appearance={3}>
          {report.skippedTotal === 0 ? (
            <Paragraph>{t('import.skippedNone')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {t('import.skippedIntro', { count: f.number(report.skippedTotal) })} {report.skippedTotal > report.skipped.length && t('import.skippedMore', { shown: f.number(report.skipped.length) })}
              </Paragraph>
              <DataTable
                caption={t('import.skippedCaption')}
                rows={report.skipped}
                rowKey={(s, i) => `${s.row}-${s.column ?? ''}-${i}`}
                columns={[
                  { header: t('import.col.row'), numeric: true, rowHeader: true, cell: (s) => s.row },
                  { header: t('import.col.column'), cell: (s) => (s.column ? <code className="dichter-code">{s.column}</code> : '–') },
                  { header: t('import.col.area'), cell: (s) => s.code ?? '–' },
                  { header: t('import.col.reason'), cell: (s) => s.reason },
                ]}
              />
            </>
          )}
        </Section>
        <ButtonGroup>
          <Button onClick={restart}>{t('import.another')}</Button>
        </ButtonGroup>
        <Paragraph>
          <Link to={page('indicatoren')}>{t('import.toList')}</Link>
        </Paragraph>
      </div>
    );
  }

  if (preview) {
    const numeric = preview.columns.filter((c) => c.numeric);
    const text = preview.columns.length - numeric.length;
    const mapped = numeric.filter((c) => choices[c.column]).length;
    const existing = (indicators.data?.items ?? []).filter((i) => i.source !== 'formula');
    const options = (c: Column) => {
      const list: { value: string; label: string }[] = [];
      if (c.indicator) list.push({ value: c.indicator.code, label: c.indicator.exists ? c.indicator.name : t('import.newIndicator', { name: c.indicator.name }) });
      for (const i of existing) if (i.code !== c.indicator?.code) list.push({ value: i.code, label: i.name });
      list.push({ value: '', label: t('import.skipColumn') });
      return list;
    };
    return (
      <div>
        <BackLink to={page('indicatoren')}>{t('back.list')}</BackLink>
        <PageHeading title={t('import.title')} />
        <section className="dichter-section" aria-labelledby="indicators-mapping-title">
          <Heading level={2} id="indicators-mapping-title" ref={stepHeading} tabIndex={-1}>
            {t('import.mappingTitle')}
          </Heading>
          <Paragraph>
            {t('import.found', { file: file?.name ?? '', format: formatLabel(preview.format), rows: f.number(preview.rows) })}{' '}
            {preview.period ? t('import.foundPeriod', { period: periodLabel(preview.period) }) : preview.format !== 'table' ? t('import.noPeriod') : ''}
          </Paragraph>
          <Paragraph>{t('import.mappingIntro')}</Paragraph>
          {form.summary}
          <form onSubmit={run} noValidate className="dichter-form" id="indicators-mapping">
            <TextField
              id="indicators-import-period"
              label={t('import.period')}
              description={t('import.periodHelp')}
              error={form.fieldError('period')}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              className="indicators-period-input"
              optional={preview.format === 'table' || !!preview.period}
            />
            {text > 0 && <Paragraph small>{t('import.textColumns', { count: text })}</Paragraph>}
            <DataTable
              caption={t('import.mappingCaption')}
              rows={numeric}
              rowKey={(c) => c.column}
              columns={[
                { header: t('import.col.column'), rowHeader: true, cell: (c) => <code className="dichter-code">{c.column}</code> },
                { header: t('import.col.title'), cell: (c) => c.title || '–' },
                { header: t('import.col.unit'), cell: (c) => c.unit || '–' },
                {
                  header: t('import.col.indicator'),
                  cell: (c) => (
                    <select
                      className="utrecht-select utrecht-select--html-select indicators-mapping-select"
                      aria-label={t('import.selectLabel', { column: c.column })}
                      value={choices[c.column] ?? ''}
                      onChange={(e) => setChoices({ ...choices, [c.column]: e.target.value })}
                    >
                      {options(c).map((o) => (
                        <option key={o.value || 'skip'} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ),
                },
                { header: t('import.col.basis'), cell: (c) => basisLabel(c.basis) },
              ]}
            />
            <Paragraph>{t('import.mapped', { count: mapped })}</Paragraph>
            <ButtonGroup>
              <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
                {t('import.submit')}
              </SubmitButton>
              <Button appearance="subtle" onClick={restart} disabled={busy}>
                {t('import.otherFile')}
              </Button>
            </ButtonGroup>
          </form>
          {progress}
        </section>
      </div>
    );
  }

  return (
    <div className="dichter-narrow">
      <BackLink to={page('indicatoren')}>{t('back.list')}</BackLink>
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>
      {form.summary}
      <form onSubmit={look} noValidate className="dichter-form">
        <FileField
          ref={fileInput}
          id="indicators-file"
          label={t('import.file')}
          description={t('import.fileHelp')}
          error={form.fieldError('file')}
          accept=".csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onFile={setFile}
        />
        <FileField id="indicators-metadata" label={t('import.metadata')} description={t('import.metadataHelp')} optional accept=".json,application/json" disabled={busy} onFile={setMetadata} />
        <TextField
          id="indicators-import-period"
          label={t('import.period')}
          description={t('import.periodHelp')}
          error={form.fieldError('period')}
          optional
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          className="indicators-period-input"
          disabled={busy}
        />
        <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
          {t('import.preview')}
        </SubmitButton>
      </form>
      {progress}
    </div>
  );
}
