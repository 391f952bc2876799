import { wsPath } from '../../../web/api';
import { defineMessages, useT } from '../../../web/i18n';
import { StoredFiles, storedFilesTexts } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';

const m = defineMessages(
  {
    title: 'Bijlagen',
    empty: 'Er zijn nog geen bijlagen.',
    caption: 'Bijlagen bij deze waarneming',
    file: 'Bestand toevoegen',
    submit: 'Bijlage toevoegen',
    fileHelp: 'Een foto (JPEG, PNG of WebP) of een pdf van hooguit 10 MB; maximaal 5 bijlagen per waarneming. Van foto’s halen we de locatie en andere gegevens van de camera weg voordat ze worden bewaard.',
    full: 'Deze waarneming heeft al 5 bijlagen. Verwijder er een als u een ander bestand wilt toevoegen.',
    deleteTitle: 'Bijlage verwijderen?',
    deleteBody: '“{name}” wordt van deze waarneming verwijderd. Dat kan niet ongedaan worden gemaakt.',
    uploaded: 'Bijlage “{name}” is toegevoegd.',
    deleted: 'Bijlage “{name}” is verwijderd.',
  },
  {
    title: 'Attachments',
    empty: 'There are no attachments yet.',
    caption: 'Attachments of this observation',
    file: 'Add a file',
    submit: 'Add attachment',
    fileHelp: 'A photo (JPEG, PNG or WebP) or a PDF of at most 10 MB; at most 5 attachments per observation. We remove the location and other camera data from photos before they are stored.',
    full: 'This observation already has 5 attachments. Remove one if you want to add another file.',
    deleteTitle: 'Remove attachment?',
    deleteBody: '“{name}” will be removed from this observation. This cannot be undone.',
    uploaded: 'Attachment “{name}” has been added.',
    deleted: 'Attachment “{name}” has been removed.',
  },
);

/** The attachments of one observation; `canUpload` is the observation page's say (the member may add files to it). */
export default function Attachments({ observationId, canUpload }: { observationId: string; canUpload: boolean }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  return (
    <StoredFiles
      base={wsPath(workspace.slug, `observations/${encodeURIComponent(observationId)}/attachments`)}
      // Below the observation's own key, so refreshing the observation refreshes its attachments too.
      queryKey={['w', workspace.slug, 'observations', 'one', observationId, 'attachments']}
      idPrefix={`attachments-${observationId}`}
      canUpload={canUpload}
      errorFields={{ 'observation.attachment_upload_not_allowed': 'file' }}
      texts={storedFilesTexts(t)}
    />
  );
}
