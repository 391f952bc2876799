import { refreshAfterWrite } from '../../../web/queries';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, postWithProgress, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { Alert, BackLink, Button, DataList, DataTable, FileField, Heading, Link, PageHeading, Paragraph, SubmitButton, TextField, UploadProgress, useFormErrors } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { importReportView } from '../schema';
import { m } from './messages';
import { CliImport } from './parts';
import { areaKeys } from './shared';

type ImportReport = z.infer<typeof importReportView>;
type Phase = { step: 'idle' } | { step: 'reading' } | { step: 'uploading'; fraction: number } | { step: 'processing' };

function Report({ report, onAnother }: { report: ImportReport; onAnother(): void }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="dichter-section" aria-labelledby="import-report">
      <Alert type="ok">
        <Heading level={2} id="import-report" ref={heading} tabIndex={-1}>
          {t('import.reportTitle')}
        </Heading>
        <DataList
          items={[
            [t('import.format'), report.format],
            [t('detail.year'), String(report.year)],
            [t('import.created'), f.number(report.created)],
            [t('import.updated'), f.number(report.updated)],
            [t('import.unchanged'), f.number(report.unchanged)],
            [t('import.skippedCount'), f.number(report.skipped.length)],
          ]}
        />
      </Alert>
      <Heading level={3}>{t('import.skipped')}</Heading>
      {report.skipped.length === 0 ? (
        <Paragraph>{t('import.noneSkipped')}</Paragraph>
      ) : (
        <DataTable
          caption={t('import.skippedCaption')}
          captionHidden
          rows={report.skipped}
          rowKey={(s, i) => `${s.row}-${i}`}
          columns={[
            { header: t('import.row'), numeric: true, rowHeader: true, cell: (s) => s.row },
            { header: t('col.code'), cell: (s) => s.code ?? '—' },
            { header: t('import.reason'), cell: (s) => s.reason },
          ]}
        />
      )}
      <Paragraph>
        <Link to={page(`gebieden?jaar=${report.year}`)}>{t('import.viewAreas', { year: report.year })}</Link>
      </Paragraph>
      <Button onClick={onAnother}>{t('import.another')}</Button>
    </section>
  );
}

export default function ImportAreasPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [report, setReport] = useState<ImportReport | null>(null);
  const form = useFormErrors(
    { file: { id: 'import-file', label: t('import.file') }, content: { id: 'import-file', label: t('import.file') }, fileName: { id: 'import-file', label: t('import.file') }, year: { id: 'import-year', label: t('import.year') } },
    { 'area.import_year_unknown': 'year', 'area.import_unreadable': 'file', 'request.too_large': 'file' },
  );
  const busy = phase.step !== 'idle';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    form.clear();
    if (!file) {
      form.setError(new ApiError(400, 'request.invalid', '', [{ path: 'file', message: t('import.fileMissing') }]));
      return;
    }
    try {
      setPhase({ step: 'reading' });
      const content = await file.text();
      setPhase({ step: 'uploading', fraction: 0 });
      const trimmed = year.trim();
      const result = await postWithProgress<ImportReport>(
        wsPath(workspace.slug, 'areas/import'),
        { fileName: file.name, content, ...(trimmed ? { year: /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed } : {}) },
        (fraction) => setPhase({ step: 'uploading', fraction }),
        () => setPhase({ step: 'processing' }),
      );
      await refreshAfterWrite(client, { queryKey: areaKeys.all(workspace.slug) });
      setReport(result);
    } catch (err) {
      form.setError(err);
    } finally {
      setPhase({ step: 'idle' });
    }
  };
  const status =
    phase.step === 'reading'
      ? t('import.reading')
      : phase.step === 'uploading'
        ? t('import.uploading', { percent: Math.round(phase.fraction * 100) })
        : phase.step === 'processing'
          ? t('import.processing')
          : '';
  const fileError = form.fieldError('file') ?? form.fieldError('content') ?? form.fieldError('fileName');
  return (
    <div className="dichter-narrow">
      <BackLink to={page('gebieden')}>{t('detail.backToList')}</BackLink>
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>
      {report ? (
        <Report
          report={report}
          onAnother={() => {
            setReport(null);
            setFile(null);
            requestAnimationFrame(() => fileInput.current?.focus());
          }}
        />
      ) : (
        <>
          {form.summary}
          <form onSubmit={submit} noValidate className="dichter-form">
            <FileField
              ref={fileInput}
              id="import-file"
              label={t('import.file')}
              description={t('import.fileDescription')}
              error={fileError}
              accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
              disabled={busy}
              onFile={setFile}
            />
            <TextField
              id="import-year"
              label={t('import.year')}
              description={t('import.yearDescription')}
              optional
              inputMode="numeric"
              className="dichter-input-short"
              value={year}
              disabled={busy}
              onChange={(e) => setYear(e.target.value)}
              error={form.fieldError('year')}
            />
            <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
              {t('import.submit')}
            </SubmitButton>
          </form>
          <UploadProgress
            busy={busy}
            status={status}
            label={t('import.progress')}
            fraction={phase.step === 'uploading' ? phase.fraction : phase.step === 'processing' ? undefined : 0}
          />
          <Paragraph className="dichter-section">{t('import.cli')}</Paragraph>
          <CliImport />
        </>
      )}
    </div>
  );
}
