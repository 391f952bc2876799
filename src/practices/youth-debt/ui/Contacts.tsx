import { useState } from 'react';
import { api, ApiError, wsPath } from '../../../web/api';
import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { Button, ButtonGroup, DataTable, EmptyState, Form, Heading, Loaded, Paragraph, Section, SelectField, SubmitButton, TextAreaField, TextField, useConfirmedAction, useFormSubmit, type FieldRef } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { CONTACT_KINDS, type ContactKind } from '../plan';
import { pm, usePlan, useRefreshPlan, type Contact } from './PlanSection';

const cm = defineMessages(
  {
    'title': 'Contacten',
    'notesShown': 'U ziet de notities omdat u de jongerenbegeleider of schuldhulpverlener van deze deelnemer bent. Dit inzien wordt vastgelegd.',
    'notesHidden': 'De notities bij contacten ziet alleen de eigen jongerenbegeleider of schuldhulpverlener. U ziet wanneer er contact was en hoe.',
    'empty': 'Nog geen contacten',
    'emptyHelp': 'Leg na elk gesprek, huisbezoek of telefoontje kort vast wat er besproken is.',
    'emptyHelpRead': 'De jongerenbegeleider legt hier de gesprekken en bezoeken vast.',
    'caption': 'Contacten met de deelnemer, nieuwste eerst',
    'col.date': 'Datum',
    'col.kind': 'Soort',
    'col.duration': 'Duur',
    'col.note': 'Notitie',
    'col.actions': 'Acties',
    'minutes': '{n} min.',
    'noNote': '—',
    'noteHidden': 'alleen voor begeleider en schuldhulpverlener',
    'delete': 'Verwijderen',
    'deleteLabel': 'Contact van {date} verwijderen',
    'deleteTitle': 'Contact van {date} verwijderen?',
    'deleteBody': 'Het contact en de notitie verdwijnen. Dit kunt u niet ongedaan maken.',
    'deleteConfirm': 'Contact verwijderen',
    'deleted': 'Contact van {date} verwijderd.',
    'form.title': 'Contact vastleggen',
    'form.date': 'Datum',
    'form.kind': 'Soort contact',
    'form.duration': 'Duur in minuten',
    'form.note': 'Korte notitie',
    'form.note.help': 'Hoogstens 1000 tekens. Zonder BSN, IBAN, e-mailadres of telefoonnummer: die worden geweigerd.',
    'form.submit': 'Contact vastleggen',
    'form.saved': 'Contact van {date} vastgelegd.',
    'form.durationInvalid': 'Vul een heel aantal minuten in, of laat het veld leeg.',
  },
  {
    'title': 'Contacts',
    'notesShown': 'You see the notes because you are this participant’s coach or debt counsellor. This viewing is recorded.',
    'notesHidden': 'Only the participant’s own coach or debt counsellor sees the notes of contacts. You see when there was contact and how.',
    'empty': 'No contacts yet',
    'emptyHelp': 'After every conversation, home visit or phone call, briefly record what was discussed.',
    'emptyHelpRead': 'The coach records conversations and visits here.',
    'caption': 'Contacts with the participant, newest first',
    'col.date': 'Date',
    'col.kind': 'Kind',
    'col.duration': 'Duration',
    'col.note': 'Note',
    'col.actions': 'Actions',
    'minutes': '{n} min.',
    'noNote': '—',
    'noteHidden': 'only for the coach and debt counsellor',
    'delete': 'Delete',
    'deleteLabel': 'Delete the contact of {date}',
    'deleteTitle': 'Delete the contact of {date}?',
    'deleteBody': 'The contact and its note disappear. This cannot be undone.',
    'deleteConfirm': 'Delete contact',
    'deleted': 'Contact of {date} deleted.',
    'form.title': 'Record a contact',
    'form.date': 'Date',
    'form.kind': 'Kind of contact',
    'form.duration': 'Duration in minutes',
    'form.note': 'Short note',
    'form.note.help': 'At most 1000 characters. Without citizen service number, IBAN, e-mail address or phone number: those are refused.',
    'form.submit': 'Record contact',
    'form.saved': 'Contact of {date} recorded.',
    'form.durationInvalid': 'Enter a whole number of minutes, or leave the field empty.',
  },
);

/** The section "Contacten" on a participant's page: the coach's log, the note only for the own coach and counsellor. */
export function Contacts({ participantId }: { participantId: string }) {
  const t = useT(cm);
  const pt = useT(pm);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const plan = usePlan(participantId);
  const [status, setStatus] = useState('');
  const remove = useConfirmedAction({
    action: (c: Contact) => api.delete(wsPath(workspace.slug, `youth-debt/contacts/${c.id}`)),
    onDone: async (c) => {
      setStatus(t('deleted', { date: f.date(c.date) }));
      await refresh();
    },
  });
  return (
    <Section id="yd-contacts" title={t('title')}>
      <Loaded query={plan}>
        {(p) => (
          <>
            <Paragraph>{p.notesVisible ? t('notesShown') : t('notesHidden')}</Paragraph>
            <p className="nl-paragraph" role="status">
              {status}
            </p>
            {p.can.manageContacts && <ContactForm participantId={participantId} onSaved={setStatus} />}
            {p.contacts.length === 0 ? (
              <EmptyState title={t('empty')}>
                <Paragraph>{p.can.manageContacts ? t('emptyHelp') : t('emptyHelpRead')}</Paragraph>
              </EmptyState>
            ) : (
              <DataTable
                caption={t('caption')}
                rows={p.contacts}
                rowKey={(c) => c.id}
                columns={[
                  { header: t('col.date'), cell: (c) => f.date(c.date), rowHeader: true },
                  { header: t('col.kind'), cell: (c) => pt(`kind.${c.kind}`) },
                  { header: t('col.duration'), cell: (c) => (c.durationMinutes === null ? t('noNote') : t('minutes', { n: c.durationMinutes })), numeric: true },
                  { header: t('col.note'), cell: (c) => (p.notesVisible ? c.note || t('noNote') : <span className="dichter-small">{t('noteHidden')}</span>) },
                  p.can.manageContacts && {
                    header: t('col.actions'),
                    cell: (c) => (
                      <Button appearance="subtle" aria-label={t('deleteLabel', { date: f.date(c.date) })} onClick={() => remove.ask(c)}>
                        {t('delete')}
                      </Button>
                    ),
                  },
                ]}
              />
            )}
            {remove.dialog((c) => ({ title: t('deleteTitle', { date: f.date(c.date) }), body: t('deleteBody'), confirmLabel: t('deleteConfirm') }))}
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** The quick form: date (today), kind, duration and a short note; a note with personal data is refused at the field. */
function ContactForm({ participantId, onSaved }: { participantId: string; onSaved(message: string): void }) {
  const t = useT(cm);
  const pt = useT(pm);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [kind, setKind] = useState<ContactKind>('gesprek');
  const [duration, setDuration] = useState('');
  const [note, setNote] = useState('');
  const fields: Record<string, FieldRef> = {
    date: { id: 'yd-c-date', label: t('form.date') },
    kind: { id: 'yd-c-kind', label: t('form.kind') },
    durationMinutes: { id: 'yd-c-duration', label: t('form.duration') },
    note: { id: 'yd-c-note', label: t('form.note') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const minutes = duration.trim() === '' ? null : /^\d{1,4}$/.test(duration.trim()) ? Number(duration.trim()) : NaN;
      if (Number.isNaN(minutes)) throw new ApiError(400, 'request.invalid', t('form.durationInvalid'), [{ path: 'durationMinutes', message: t('form.durationInvalid') }]);
      return api.post<Contact>(wsPath(workspace.slug, 'youth-debt/contacts'), { participantId, date, kind, durationMinutes: minutes, ...(note.trim() ? { note } : {}) });
    },
    onSaved: async (contact) => {
      setNote('');
      setDuration('');
      onSaved(t('form.saved', { date: f.date(contact.date) }));
      await refresh();
    },
  });
  return (
    <>
      <Heading level={3}>{t('form.title')}</Heading>
      <Form form={form}>
        <TextField id="yd-c-date" type="date" label={t('form.date')} className="dichter-input-date" value={date} onChange={(e) => setDate(e.target.value)} error={form.fieldError('date')} />
        <SelectField
          id="yd-c-kind"
          label={t('form.kind')}
          options={CONTACT_KINDS.map((k) => ({ value: k, label: pt(`kind.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.target.value as ContactKind)}
          error={form.fieldError('kind')}
        />
        <TextField
          id="yd-c-duration"
          label={t('form.duration')}
          optional
          inputMode="numeric"
          autoComplete="off"
          className="dichter-input-short"
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          error={form.fieldError('durationMinutes')}
        />
        <TextAreaField id="yd-c-note" label={t('form.note')} description={t('form.note.help')} optional rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('form.submit')}</SubmitButton>
        </ButtonGroup>
      </Form>
    </>
  );
}
