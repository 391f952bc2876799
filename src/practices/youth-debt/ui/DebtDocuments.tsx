import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { wsPath } from '../../../web/api';
import { defineMessages, useLocale, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { StoredFiles, storedFilesTexts } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { formatEuros } from './money';

const m = defineMessages(
  {
    title: 'Documenten bij de schuld aan {creditor} ({amount})',
    empty: 'Er zijn nog geen documenten bij deze schuld. Voeg bijvoorbeeld de laatste brief of het overzicht van de schuldeiser toe.',
    caption: 'Documenten bij deze schuld',
    file: 'Brief of overzicht (foto of pdf)',
    submit: 'Document toevoegen',
    fileHelp: 'Een foto (JPEG, PNG of WebP) of een pdf van hooguit 10 MB; maximaal 10 documenten per schuld. Alleen u en de andere begeleider van deze deelnemer zien ze. Van foto’s halen we de locatie en andere gegevens van de camera weg.',
    full: 'Deze schuld heeft al 10 documenten. Verwijder er een als u een ander bestand wilt toevoegen.',
    deleteTitle: 'Document verwijderen?',
    deleteBody: '“{name}” wordt bij deze schuld verwijderd. Dat kan niet ongedaan worden gemaakt.',
    uploaded: 'Document “{name}” is toegevoegd.',
    deleted: 'Document “{name}” is verwijderd.',
  },
  {
    title: 'Documents on the debt to {creditor} ({amount})',
    empty: 'There are no documents on this debt yet. Add, for example, the creditor’s latest letter or statement.',
    caption: 'Documents on this debt',
    file: 'Letter or statement (photo or PDF)',
    submit: 'Add document',
    fileHelp: 'A photo (JPEG, PNG or WebP) or a PDF of at most 10 MB; at most 10 documents per debt. Only you and this participant’s other case worker see them. We remove the location and other camera data from photos.',
    full: 'This debt already has 10 documents. Remove one if you want to add another file.',
    deleteTitle: 'Remove document?',
    deleteBody: '“{name}” will be removed from this debt. This cannot be undone.',
    uploaded: 'Document “{name}” has been added.',
    deleted: 'Document “{name}” has been removed.',
  },
);

/**
 * The documents on one debt (creditors' letters, statements), for the participant's own coach
 * and counsellor. Opened from the debts table; focus moves to its heading so keyboard and
 * screen-reader users land on what they asked for.
 */
export function DebtDocuments({ debt, participantId }: { debt: { id: string; creditorName: string; amountCents: number }; participantId: string }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const participantKey = ['w', workspace.slug, 'youth-debt', `participants/${participantId}`];
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.querySelector<HTMLElement>('h3')?.focus(), [debt.id]);
  return (
    <div ref={root}>
      <StoredFiles
        base={wsPath(workspace.slug, `youth-debt/debts/${encodeURIComponent(debt.id)}/documents`)}
        // Below the participant's key (useGet in YouthDebtPage), so refreshing the participant refreshes the list too.
        queryKey={[...participantKey, 'documents', debt.id]}
        // The debts table counts the documents.
        onChanged={() => refreshAfterWrite(client, { queryKey: participantKey, exact: true })}
        idPrefix={`yd-documents-${debt.id}`}
        canUpload
        headingLevel={3}
        texts={{ ...storedFilesTexts(t), title: t('title', { creditor: debt.creditorName, amount: formatEuros(debt.amountCents, locale) }) }}
      />
    </div>
  );
}
