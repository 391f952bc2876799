import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, postWithProgress, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { refreshAfterWrite } from '../../../web/queries';
import { Alert, BackLink, Button, DataList, DataTable, ExternalLink, FileField, Heading, Link, PageHeading, Paragraph, SubmitButton, UploadProgress, useFormErrors } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ruleKeys } from './shared';
import './rules.css';

type Result = { imported: number; created: number; updated: number };
type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'processing' };
type RowError = { row: number; message: string };

/** The columns of the rule sheet (schema.ts SHEET_COLUMNS), import and export alike. */
const COLUMNS = ['code', 'title', 'kind', 'level', 'domain', 'intent', 'owner', 'source_url', 'valid_from', 'valid_to', 'mandate'] as const;
const ROWS_SHOWN = 200;

function upload(path: string, file: File, onProgress: (f: number) => void, onUploaded: () => void): Promise<Result> {
  const data = new FormData();
  data.append('file', file, file.name);
  return postWithProgress<Result>(path, data, onProgress, onUploaded);
}

/** The refused rows of a 422 `rule.import_failed`. */
const refusedRows = (err: unknown): RowError[] | null => (err instanceof ApiError && err.id === 'rule.import_failed' && Array.isArray(err.details.rows) ? (err.details.rows as RowError[]) : null);

/** Many rules at once from a spreadsheet (CSV or XLSX), for instance thousands of product codes. All or nothing. */
export default function ImportPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [result, setResult] = useState<Result | null>(null);
  const [rows, setRows] = useState<RowError[] | null>(null);
  const form = useFormErrors({ file: { id: 'rules-file', label: t('import.file') } }, { 'rule.import_unreadable': 'file', 'request.too_large': 'file', 'request.unsupported_media_type': 'file' });
  const busy = phase.step !== 'idle';
  useEffect(() => {
    if (result) reportHeading.current?.focus();
  }, [result]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    form.clear();
    setRows(null);
    if (!file) {
      form.setError(new ApiError(400, 'request.invalid', '', [{ path: 'file', message: t('import.fileMissing') }]));
      return;
    }
    try {
      setPhase({ step: 'uploading', fraction: 0 });
      const done = await upload(
        wsPath(workspace.slug, 'rules/import'),
        file,
        (fraction) => setPhase({ step: 'uploading', fraction }),
        () => setPhase({ step: 'processing' }),
      );
      await refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
      setResult(done);
    } catch (err) {
      setRows(refusedRows(err));
      form.setError(err);
    } finally {
      setPhase({ step: 'idle' });
    }
  };
  const status = phase.step === 'uploading' ? t('import.uploading', { percent: Math.round(phase.fraction * 100) }) : phase.step === 'processing' ? t('import.processing') : '';
  const refused = form.error instanceof ApiError && form.error.id === 'rule.import_failed';
  const exportHref = (format: string) => wsPath(workspace.slug, `rules/export?format=${format}`);
  return (
    <div className="dichter-narrow">
      <BackLink to={page('regels')}>{t('back.register')}</BackLink>
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>
      {result ? (
        <section className="dichter-section" aria-labelledby="rules-import-report">
          <Alert type="ok">
            <Heading level={2} id="rules-import-report" ref={reportHeading} tabIndex={-1}>
              {t('import.doneTitle')}
            </Heading>
            <DataList
              items={[
                [t('import.imported'), f.number(result.imported)],
                [t('import.created'), f.number(result.created)],
                [t('import.updated'), f.number(result.updated)],
              ]}
            />
          </Alert>
          <Paragraph>
            <Link to={page('regels')}>{t('import.viewRegister')}</Link>
          </Paragraph>
          <Button
            onClick={() => {
              setResult(null);
              setFile(null);
              requestAnimationFrame(() => fileInput.current?.focus());
            }}
          >
            {t('import.another')}
          </Button>
        </section>
      ) : (
        <>
          {form.summary}
          {refused && (
            <section className="dichter-section" aria-labelledby="rules-import-rows">
              <Heading level={2} appearance={3} id="rules-import-rows">
                {t('import.rowsTitle')}
              </Heading>
              <Paragraph>{t('import.nothingStored')}</Paragraph>
              {rows && rows.length > 0 && (
                <>
                  <DataTable
                    caption={t('import.rowsCaption')}
                    rows={rows.slice(0, ROWS_SHOWN)}
                    rowKey={(r, i) => `${r.row}-${i}`}
                    columns={[
                      { header: t('import.row'), numeric: true, rowHeader: true, cell: (r) => r.row },
                      { header: t('import.reason'), cell: (r) => r.message },
                    ]}
                  />
                  {rows.length > ROWS_SHOWN && <Paragraph>{t('import.moreRows', { count: f.number(rows.length - ROWS_SHOWN) })}</Paragraph>}
                </>
              )}
            </section>
          )}
          <form onSubmit={submit} noValidate className="dichter-form">
            <FileField
              ref={fileInput}
              id="rules-file"
              label={t('import.file')}
              description={t('import.fileHelp')}
              error={form.fieldError('file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onFile={setFile}
            />
            <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
              {t('import.submit')}
            </SubmitButton>
          </form>
          <UploadProgress busy={busy} status={status} label={t('import.progress')} fraction={phase.step === 'uploading' ? phase.fraction : undefined} />
          <section className="dichter-section" aria-labelledby="rules-import-template">
            <Heading level={2} appearance={3} id="rules-import-template">
              {t('import.templateTitle')}
            </Heading>
            <Paragraph>{t('import.templateIntro')}</Paragraph>
            <DataTable
              caption={t('import.columnsCaption')}
              rows={COLUMNS}
              rowKey={(c) => c}
              columns={[
                { header: t('import.column'), rowHeader: true, cell: (c) => <code className="dichter-code">{c}</code> },
                { header: t('import.meaning'), cell: (c) => t(`column.${c}`) },
              ]}
            />
            <Paragraph>
              {t('import.templateDownload')}{' '}
              <ExternalLink href={exportHref('csv')} download>
                {t('import.templateCsv')}
              </ExternalLink>
              {' · '}
              <ExternalLink href={exportHref('xlsx')} download>
                {t('import.templateXlsx')}
              </ExternalLink>
            </Paragraph>
          </section>
        </>
      )}
    </div>
  );
}
