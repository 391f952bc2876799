import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, postWithProgress, wsPath, type List } from '../../../web/api';
import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { refreshAfterWrite } from '../../../web/queries';
import { Button, DataTable, ExternalLink, FileField, Heading, Loaded, Paragraph, SubmitButton, UploadProgress, VisuallyHidden, useConfirmedAction, useFormErrors } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { AttachmentView } from '../attachments';

// Kept in step with attachments.ts (not imported: the browser bundle stays free of server code).
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_COUNT = 5;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

type AttachmentList = List<AttachmentView> & { can: { upload: boolean } };
type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'processing' };

const m = defineMessages(
  {
    title: 'Bijlagen',
    empty: 'Er zijn nog geen bijlagen.',
    caption: 'Bijlagen bij deze waarneming',
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
    deleteTitle: 'Bijlage verwijderen?',
    deleteBody: '“{name}” wordt van deze waarneming verwijderd. Dat kan niet ongedaan worden gemaakt.',
    deleteConfirm: 'Ja, verwijderen',
    deleted: 'Bijlage “{name}” is verwijderd.',
    file: 'Bestand toevoegen',
    fileHelp: 'Een foto (JPEG, PNG of WebP) of een pdf van hooguit 10 MB; maximaal 5 bijlagen per waarneming. Van foto’s halen we de locatie en andere gegevens van de camera weg voordat ze worden bewaard.',
    fileMissing: 'Kies eerst een bestand.',
    fileTooLarge: 'Dit bestand is groter dan 10 MB. Maak de foto kleiner of splits de pdf, en probeer het opnieuw.',
    submit: 'Bijlage toevoegen',
    uploading: 'Bezig met versturen: {percent}%',
    processing: 'Het bestand wordt gecontroleerd…',
    progress: 'Voortgang van het versturen',
    uploaded: 'Bijlage “{name}” is toegevoegd.',
    full: 'Deze waarneming heeft al 5 bijlagen. Verwijder er een als u een ander bestand wilt toevoegen.',
  },
  {
    title: 'Attachments',
    empty: 'There are no attachments yet.',
    caption: 'Attachments of this observation',
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
    deleteTitle: 'Remove attachment?',
    deleteBody: '“{name}” will be removed from this observation. This cannot be undone.',
    deleteConfirm: 'Yes, remove',
    deleted: 'Attachment “{name}” has been removed.',
    file: 'Add a file',
    fileHelp: 'A photo (JPEG, PNG or WebP) or a PDF of at most 10 MB; at most 5 attachments per observation. We remove the location and other camera data from photos before they are stored.',
    fileMissing: 'Choose a file first.',
    fileTooLarge: 'This file is larger than 10 MB. Make the photo smaller or split the PDF, and try again.',
    submit: 'Add attachment',
    uploading: 'Sending: {percent}%',
    processing: 'Checking the file…',
    progress: 'Progress of the upload',
    uploaded: 'Attachment “{name}” has been added.',
    full: 'This observation already has 5 attachments. Remove one if you want to add another file.',
  },
);

/**
 * The attachments of one observation: a table with thumbnails of photos, an upload control
 * and removal after confirmation. `canUpload` is the observation page's say (the member may
 * add files to it); the list's own `can.upload` adds the limit of 5.
 */
export default function Attachments({ observationId, canUpload }: { observationId: string; canUpload: boolean }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const base = wsPath(workspace.slug, `observations/${encodeURIComponent(observationId)}/attachments`);
  const fileUrl = (a: AttachmentView) => `${base}/${encodeURIComponent(a.id)}`;
  // Below the observation's own key, so refreshing the observation refreshes its attachments too.
  const queryKey = ['w', workspace.slug, 'observations', 'one', observationId, 'attachments'];
  const query = useQuery({ queryKey, queryFn: () => api.get<AttachmentList>(base) });

  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const fieldId = `attachment-file-${observationId}`;
  const headingId = `attachments-${observationId}`;
  const form = useFormErrors(
    { file: { id: fieldId, label: t('file') } },
    { 'request.too_large': 'file', 'request.malformed': 'file', 'observation.attachment_upload_not_allowed': 'file' },
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
      const added = await postWithProgress<AttachmentView>(
        base,
        data,
        (fraction) => setPhase({ step: 'uploading', fraction }),
        () => setPhase({ step: 'processing' }),
      );
      await refreshAfterWrite(client, { queryKey, exact: true });
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setAnnouncement(t('uploaded', { name: added.fileName }));
    } catch (err) {
      form.setError(err);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const remove = useConfirmedAction({
    action: (a: AttachmentView) => api.delete(fileUrl(a)),
    onDone: async (a) => {
      await refreshAfterWrite(client, { queryKey, exact: true });
      setAnnouncement(t('deleted', { name: a.fileName }));
      // The button that opened the dialog is gone with its row: put focus somewhere sensible.
      headingRef.current?.focus();
    },
  });

  const status = phase.step === 'uploading' ? t('uploading', { percent: Math.round(phase.fraction * 100) }) : phase.step === 'processing' ? t('processing') : '';

  return (
    <section className="dichter-section dichter-attachments" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('title')}
      </Heading>
      <p className="dichter-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <Loaded query={query}>
        {(list) => (
          <>
            {list.items.length === 0 ? (
              <Paragraph>{t('empty')}</Paragraph>
            ) : (
              <DataTable
                caption={t('caption')}
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
            {canUpload && !list.can.upload && list.items.length >= MAX_COUNT && <Paragraph>{t('full')}</Paragraph>}
            {canUpload && list.can.upload && (
              <>
                {form.summary}
                <form onSubmit={submit} noValidate className="dichter-form">
                  <FileField
                    ref={fileInput}
                    id={fieldId}
                    label={t('file')}
                    description={t('fileHelp')}
                    error={form.fieldError('file')}
                    accept={ACCEPT}
                    disabled={busy}
                    onFile={setFile}
                  />
                  <SubmitButton busy={busy} busyLabel={ts('common.loading')}>
                    {t('submit')}
                  </SubmitButton>
                </form>
                <UploadProgress busy={busy} status={status} label={t('progress')} fraction={phase.step === 'uploading' ? phase.fraction : undefined} />
              </>
            )}
          </>
        )}
      </Loaded>
      {remove.dialog((a) => ({ title: t('deleteTitle'), body: t('deleteBody', { name: a.fileName }), confirmLabel: t('deleteConfirm') }))}
    </section>
  );
}
