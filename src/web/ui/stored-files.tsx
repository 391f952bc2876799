import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, postWithProgress, type List } from '../api';
import { defineMessages, useFormat, useT, type Translate } from '../i18n';
import { shellMessages } from '../messages';
import { refreshAfterWrite } from '../queries';
import type { StoredFileView } from '../../platform/files/schema';
import { Button, ExternalLink, Heading, Paragraph, VisuallyHidden } from './basics';
import { useConfirmedAction } from './dialog';
import { FileField, SubmitButton, UploadProgress, useFormErrors } from './form';
import { Loaded } from './loaded';
import { DataTable } from './table';

// Kept in step with platform/files (not imported: the browser bundle stays free of server code).
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

type StoredFileList = List<StoredFileView> & { can: { upload: boolean } };
type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'processing' };

const m = defineMessages(
  {
    name: 'Bestand',
    type: 'Soort',
    size: 'Grootte',
    added: 'Toegevoegd',
    addedBy: '{date} door {name}',
    actions: 'Acties',
    'type.image/jpeg': 'Foto (JPEG)',
    'type.image/png': 'Afbeelding (PNG)',
    'type.image/webp': 'Afbeelding (WebP)',
    'type.application/pdf': 'Pdf',
    kb: '{n} kB',
    mb: '{n} MB',
    openImage: '{name} (foto openen)',
    downloadPdf: '{name} (pdf downloaden)',
    delete: 'Verwijderen',
    deleteConfirm: 'Ja, verwijderen',
    fileMissing: 'Kies eerst een bestand.',
    fileTooLarge: 'Dit bestand is groter dan 10 MB. Maak de foto kleiner of splits de pdf, en probeer het opnieuw.',
    uploading: 'Bezig met versturen: {percent}%',
    processing: 'Het bestand wordt gecontroleerd…',
    progress: 'Voortgang van het versturen',
  },
  {
    name: 'File',
    type: 'Kind',
    size: 'Size',
    added: 'Added',
    addedBy: '{date} by {name}',
    actions: 'Actions',
    'type.image/jpeg': 'Photo (JPEG)',
    'type.image/png': 'Image (PNG)',
    'type.image/webp': 'Image (WebP)',
    'type.application/pdf': 'PDF',
    kb: '{n} kB',
    mb: '{n} MB',
    openImage: '{name} (open photo)',
    downloadPdf: '{name} (download PDF)',
    delete: 'Remove',
    deleteConfirm: 'Yes, remove',
    fileMissing: 'Choose a file first.',
    fileTooLarge: 'This file is larger than 10 MB. Make the photo smaller or split the PDF, and try again.',
    uploading: 'Sending: {percent}%',
    processing: 'Checking the file…',
    progress: 'Progress of the upload',
  },
);

/** What a module says about its own files, already in the reader's language. */
export interface StoredFilesTexts {
  title: string;
  empty: string;
  /** The table's caption, read by screen readers. */
  caption: string;
  /** The upload field's label and the button. */
  file: string;
  submit: string;
  /** Types, size and count limits, and what happens to photos. */
  fileHelp: string;
  /** Shown when the limit is reached. */
  full: string;
  deleteTitle: string;
  deleteBody(name: string): string;
  uploaded(name: string): string;
  deleted(name: string): string;
}

type TextKey = 'title' | 'empty' | 'caption' | 'file' | 'submit' | 'fileHelp' | 'full' | 'deleteTitle' | 'deleteBody' | 'uploaded' | 'deleted';

/** The texts from a module's messages under the same keys (`deleteBody`, `uploaded` and `deleted` take `{name}`). */
export const storedFilesTexts = (t: Translate<TextKey>): StoredFilesTexts => ({
  title: t('title'),
  empty: t('empty'),
  caption: t('caption'),
  file: t('file'),
  submit: t('submit'),
  fileHelp: t('fileHelp'),
  full: t('full'),
  deleteTitle: t('deleteTitle'),
  deleteBody: (name) => t('deleteBody', { name }),
  uploaded: (name) => t('uploaded', { name }),
  deleted: (name) => t('deleted', { name }),
});

/**
 * The files stored with a record (attachments of an observation, documents on a debt): a table
 * with thumbnails of photos, an upload control with progress, and removal after confirmation.
 * `base` is the list's URL (a file is `base/<id>`); `canUpload` is the page's say (the member may
 * add files here), the list's own `can.upload` adds the limit. `queryKey` lets a page refresh the
 * list with its record.
 */
export function StoredFiles({
  base,
  queryKey,
  idPrefix,
  canUpload,
  texts,
  headingLevel = 2,
  errorFields = {},
  onChanged,
}: {
  base: string;
  queryKey: QueryKey;
  /** Unique on the page: ids of the heading and the file field. */
  idPrefix: string;
  canUpload: boolean;
  texts: StoredFilesTexts;
  headingLevel?: 2 | 3;
  /** Error ids of the module to show at the file field. */
  errorFields?: Record<string, 'file'>;
  /** After a file was added or removed, for a page that shows a count elsewhere. */
  onChanged?(): unknown;
}) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const client = useQueryClient();
  const fileUrl = (a: StoredFileView) => `${base}/${encodeURIComponent(a.id)}`;
  const query = useQuery({ queryKey, queryFn: () => api.get<StoredFileList>(base) });

  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const fieldId = `${idPrefix}-file`;
  const headingId = `${idPrefix}-heading`;
  const form = useFormErrors(
    { file: { id: fieldId, label: texts.file } },
    { 'request.too_large': 'file', 'request.malformed': 'file', ...errorFields },
  );
  const busy = phase.step !== 'idle';

  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? t('kb', { n: f.number(Math.max(1, Math.round(bytes / 1024))) }) : t('mb', { n: f.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
  const fieldError = (message: string) => new ApiError(400, 'request.invalid', message, [{ path: 'file', message }]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    form.clear();
    setAnnouncement('');
    if (!file) return form.setError(fieldError(t('fileMissing')));
    if (file.size > MAX_BYTES) return form.setError(fieldError(t('fileTooLarge')));
    const data = new FormData();
    data.append('file', file, file.name);
    try {
      setPhase({ step: 'uploading', fraction: 0 });
      const added = await postWithProgress<StoredFileView>(
        base,
        data,
        (fraction) => setPhase({ step: 'uploading', fraction }),
        () => setPhase({ step: 'processing' }),
      );
      await refreshAfterWrite(client, { queryKey, exact: true });
      await onChanged?.();
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setAnnouncement(texts.uploaded(added.fileName));
    } catch (err) {
      form.setError(err);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const remove = useConfirmedAction({
    action: (a: StoredFileView) => api.delete(fileUrl(a)),
    onDone: async (a) => {
      await refreshAfterWrite(client, { queryKey, exact: true });
      await onChanged?.();
      setAnnouncement(texts.deleted(a.fileName));
      // The button that opened the dialog is gone with its row: put focus somewhere sensible.
      headingRef.current?.focus();
    },
  });

  const status = phase.step === 'uploading' ? t('uploading', { percent: Math.round(phase.fraction * 100) }) : phase.step === 'processing' ? t('processing') : '';

  return (
    <section className="dichter-section dichter-attachments" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId} ref={headingRef} tabIndex={-1}>
        {texts.title}
      </Heading>
      <p className="dichter-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <Loaded query={query}>
        {(list) => (
          <>
            {list.items.length === 0 ? (
              <Paragraph>{texts.empty}</Paragraph>
            ) : (
              <DataTable
                caption={texts.caption}
                captionHidden
                rows={list.items}
                rowKey={(a) => a.id}
                columns={[
                  {
                    header: t('name'),
                    rowHeader: true,
                    cell: (a) =>
                      a.contentType === 'application/pdf' ? (
                        <ExternalLink href={fileUrl(a)} download={a.fileName} aria-label={t('downloadPdf', { name: a.fileName })}>
                          {a.fileName}
                        </ExternalLink>
                      ) : (
                        <ExternalLink href={fileUrl(a)} aria-label={t('openImage', { name: a.fileName })} className="dichter-attachment-link">
                          <img src={fileUrl(a)} alt={a.fileName} height={64} loading="lazy" decoding="async" className="dichter-attachment-thumb" />
                          <span className="dichter-attachment-name">{a.fileName}</span>
                        </ExternalLink>
                      ),
                  },
                  { header: t('type'), cell: (a) => t(`type.${a.contentType}`) },
                  { header: t('size'), numeric: true, cell: (a) => size(a.sizeBytes) },
                  { header: t('added'), cell: (a) => t('addedBy', { date: f.dateTime(a.uploadedAt), name: a.uploadedByName }) },
                  list.items.some((a) => a.canDelete) && {
                    header: t('actions'),
                    cell: (a) =>
                      a.canDelete ? (
                        <Button appearance="subtle" onClick={() => remove.ask(a)}>
                          {t('delete')} <VisuallyHidden>{a.fileName}</VisuallyHidden>
                        </Button>
                      ) : null,
                  },
                ]}
              />
            )}
            {canUpload && !list.can.upload && list.items.length > 0 && <Paragraph>{texts.full}</Paragraph>}
            {canUpload && list.can.upload && (
              <>
                {form.summary}
                <form onSubmit={submit} noValidate className="dichter-form">
                  <FileField
                    ref={fileInput}
                    id={fieldId}
                    label={texts.file}
                    description={texts.fileHelp}
                    error={form.fieldError('file')}
                    accept={ACCEPT}
                    disabled={busy}
                    onFile={setFile}
                  />
                  <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
                    {texts.submit}
                  </SubmitButton>
                </form>
                <UploadProgress busy={busy} status={status} label={t('progress')} fraction={phase.step === 'uploading' ? phase.fraction : undefined} />
              </>
            )}
          </>
        )}
      </Loaded>
      {remove.dialog((a) => ({ title: texts.deleteTitle, body: texts.deleteBody(a.fileName), confirmLabel: t('deleteConfirm') }))}
    </section>
  );
}
