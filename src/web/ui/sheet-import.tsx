import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, postWithProgress } from '../api';
import { useFormat, useT, type Translate } from '../i18n';
import { shellMessages } from '../messages';
import { refreshAfterWrite } from '../queries';
import { Alert, Button, DataList, ExternalLink, Heading, Paragraph } from './basics';
import { FileField, SubmitButton, UploadProgress, useFormErrors } from './form';
import { PageHeading } from './page';
import { DataTable } from './table';

/** The texts of a sheet import that each module words for its own records (the rest are the shell's `sheetImport.*`). */
export type SheetImportKey =
  | 'import.title'
  | 'import.intro'
  | 'import.processing'
  | 'import.imported'
  | 'import.nothingStored'
  | 'import.templateIntro'
  | 'import.templateDownload';

export interface SheetImportProps<R extends { imported: number }> {
  /** Prefix of the element ids (`ladder` → `ladder-file`, `ladder-import-report`). */
  id: string;
  /**
   * The records' API path (`/api/w/<slug>/rules`): the file goes to `<api>/import` (multipart
   * field `file`), which answers `{imported, …}` or a 422 with `rows`; `<api>/export?format=csv|xlsx`
   * is the template in the same columns.
   */
  api: string;
  /** The module's error prefix: `<prefix>.import_failed` (422 with rows) and `<prefix>.import_unreadable`. */
  errorPrefix: string;
  /** What to refresh after an import. */
  queryKey: QueryKey;
  columns: readonly string[];
  columnMeaning: (column: string) => string;
  t: Translate<SheetImportKey>;
  back: ReactNode;
  /** Links shown with the report after a successful import. */
  after: ReactNode;
  /** What the report lists besides the number imported (label, value), e.g. how many were created and updated. */
  report: (result: R) => [string, ReactNode][];
}

type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'processing' };
type RowError = { row: number; message: string };

/** The report of an import that matches rows by code: how many records it created and how many it updated. */
export const createdAndUpdated =
  (t: Translate<'import.created' | 'import.updated'>, f: ReturnType<typeof useFormat>) =>
  (r: { imported: number; created: number; updated: number }): [string, ReactNode][] => [
    [t('import.created'), f.number(r.created)],
    [t('import.updated'), f.number(r.updated)],
  ];

/** The refused rows shown at once; the rest are counted. */
const ROWS_SHOWN = 200;

/**
 * A spreadsheet import (CSV or XLSX), all or nothing: upload with progress, the report of what
 * was created and updated, or the refused rows with their reasons, and the columns explained with
 * the current data as a template.
 */
export function SheetImport<R extends { imported: number }>({ id, api, errorPrefix, queryKey, columns, columnMeaning, t, back, after, report }: SheetImportProps<R>) {
  const ts = useT(shellMessages);
  const errors = { failed: `${errorPrefix}.import_failed`, unreadable: `${errorPrefix}.import_unreadable` };
  const exportHref = (format: 'csv' | 'xlsx') => `${api}/export?format=${format}`;
  const f = useFormat();
  const client = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [result, setResult] = useState<R | null>(null);
  const [rows, setRows] = useState<RowError[] | null>(null);
  const form = useFormErrors({ file: { id: `${id}-file`, label: ts('sheetImport.file') } }, { [errors.unreadable]: 'file', 'request.too_large': 'file', 'request.unsupported_media_type': 'file' });
  const busy = phase.step !== 'idle';
  useEffect(() => {
    if (result) reportHeading.current?.focus();
  }, [result]);
  const refusedRows = (err: unknown) => (err instanceof ApiError && err.id === errors.failed && Array.isArray(err.details.rows) ? (err.details.rows as RowError[]) : null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    form.clear();
    setRows(null);
    if (!file) {
      form.setError(new ApiError(400, 'request.invalid', '', [{ path: 'file', message: ts('sheetImport.fileMissing') }]));
      return;
    }
    try {
      setPhase({ step: 'uploading', fraction: 0 });
      const data = new FormData();
      data.append('file', file, file.name);
      const done = await postWithProgress<R>(
        `${api}/import`,
        data,
        (fraction) => setPhase({ step: 'uploading', fraction }),
        () => setPhase({ step: 'processing' }),
      );
      await refreshAfterWrite(client, { queryKey });
      setResult(done);
    } catch (err) {
      setRows(refusedRows(err));
      form.setError(err);
    } finally {
      setPhase({ step: 'idle' });
    }
  };
  const status = phase.step === 'uploading' ? ts('sheetImport.uploading', { percent: Math.round(phase.fraction * 100) }) : phase.step === 'processing' ? t('import.processing') : '';
  const refused = form.error instanceof ApiError && form.error.id === errors.failed;
  return (
    <div className="dichter-narrow">
      {back}
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>
      {result ? (
        <section className="dichter-section" aria-labelledby={`${id}-import-report`}>
          <Alert type="ok">
            <Heading level={2} id={`${id}-import-report`} ref={reportHeading} tabIndex={-1}>
              {ts('sheetImport.doneTitle')}
            </Heading>
            <DataList items={[[t('import.imported'), f.number(result.imported)], ...report(result)]} />
          </Alert>
          <Paragraph>{after}</Paragraph>
          <Button
            onClick={() => {
              setResult(null);
              setFile(null);
              requestAnimationFrame(() => fileInput.current?.focus());
            }}
          >
            {ts('sheetImport.another')}
          </Button>
        </section>
      ) : (
        <>
          {form.summary}
          {refused && (
            <section className="dichter-section" aria-labelledby={`${id}-import-rows`}>
              <Heading level={2} appearance={3} id={`${id}-import-rows`}>
                {ts('sheetImport.rowsTitle')}
              </Heading>
              <Paragraph>{t('import.nothingStored')}</Paragraph>
              {rows && rows.length > 0 && (
                <>
                  <DataTable
                    caption={ts('sheetImport.rowsCaption')}
                    rows={rows.slice(0, ROWS_SHOWN)}
                    rowKey={(r, i) => `${r.row}-${i}`}
                    columns={[
                      { header: ts('sheetImport.row'), numeric: true, rowHeader: true, cell: (r) => r.row },
                      { header: ts('sheetImport.reason'), cell: (r) => r.message },
                    ]}
                  />
                  {rows.length > ROWS_SHOWN && <Paragraph>{ts('sheetImport.moreRows', { count: f.number(rows.length - ROWS_SHOWN) })}</Paragraph>}
                </>
              )}
            </section>
          )}
          <form onSubmit={submit} noValidate className="dichter-form">
            <FileField
              ref={fileInput}
              id={`${id}-file`}
              label={ts('sheetImport.file')}
              description={ts('sheetImport.fileHelp')}
              error={form.fieldError('file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onFile={setFile}
            />
            <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
              {ts('sheetImport.submit')}
            </SubmitButton>
          </form>
          <UploadProgress busy={busy} status={status} label={ts('sheetImport.progress')} fraction={phase.step === 'uploading' ? phase.fraction : undefined} />
          <section className="dichter-section" aria-labelledby={`${id}-import-template`}>
            <Heading level={2} appearance={3} id={`${id}-import-template`}>
              {ts('sheetImport.templateTitle')}
            </Heading>
            <Paragraph>{t('import.templateIntro')}</Paragraph>
            <DataTable
              caption={ts('sheetImport.columnsCaption')}
              rows={columns}
              rowKey={(c) => c}
              columns={[
                { header: ts('sheetImport.column'), rowHeader: true, cell: (c) => <code className="dichter-code">{c}</code> },
                { header: ts('sheetImport.meaning'), cell: (c) => columnMeaning(c) },
              ]}
            />
            <Paragraph>
              {t('import.templateDownload')}{' '}
              <ExternalLink href={exportHref('csv')} download>
                {ts('sheetImport.templateCsv')}
              </ExternalLink>
              {' · '}
              <ExternalLink href={exportHref('xlsx')} download>
                {ts('sheetImport.templateXlsx')}
              </ExternalLink>
            </Paragraph>
          </section>
        </>
      )}
    </div>
  );
}
