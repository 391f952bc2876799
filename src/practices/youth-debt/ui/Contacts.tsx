import { useState } from 'react';
import { api, ApiError, wsPath } from '../../../web/api';
import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { Button, ButtonGroup, DataTable, EmptyState, Form, Heading, Link, Loaded, Paragraph, Section, SelectField, SubmitButton, TextAreaField, TextField, useConfirmedAction, useFormSubmit, type FieldRef } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
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
    'edit': 'Wijzigen',
    'editLabel': 'Contact van {date} wijzigen',
    'edit.title': 'Contact van {date} wijzigen',
    'edit.submit': 'Wijzigingen opslaan',
    'edit.saved': 'Contact van {date} bijgewerkt.',
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
    'col.story': 'Verhaal',
    'story.view': 'Gedeeld verhaal bekijken',
    'story.share': 'Deel als verhaal',
    'story.shareLabel': 'Een verhaal uit het contact van {date} delen',
    'story.title': 'Verhaal delen uit het contact van {date}',
    'story.help': 'Het verhaal wordt een waarneming van de werkruimte (soort verhaal, label schuldenaanpak), zodat het meetelt in leersessies en rapportages. Schrijf het zonder naam, deelnemernummer of andere herkenbare details; een BSN, IBAN, e-mailadres of telefoonnummer wordt geweigerd. Het verhaal wordt nooit openbaar.',
    'story.field.title': 'Titel',
    'story.field.text': 'Het verhaal',
    'story.field.text.help': 'Wat gebeurde er, en wat betekende het? 20 tot 5000 tekens.',
    'story.field.visibility': 'Wie mag het lezen?',
    'story.visibility.workspace': 'Alle leden van de werkruimte',
    'story.visibility.intern': 'Alleen de eigen organisatie',
    'story.submit': 'Verhaal delen',
    'story.cancel': 'Annuleren',
    'story.shared': 'Verhaal gedeeld als waarneming {number}.',
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
    'edit': 'Edit',
    'editLabel': 'Edit the contact of {date}',
    'edit.title': 'Edit the contact of {date}',
    'edit.submit': 'Save changes',
    'edit.saved': 'Contact of {date} updated.',
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
    'col.story': 'Story',
    'story.view': 'View the shared story',
    'story.share': 'Share as a story',
    'story.shareLabel': 'Share a story from the contact of {date}',
    'story.title': 'Share a story from the contact of {date}',
    'story.help': 'The story becomes an observation of the workspace (kind story, tag schuldenaanpak), so it counts in learning sessions and reports. Write it without name, participant number or other identifying details; a citizen service number, IBAN, e-mail address or phone number is refused. The story is never public.',
    'story.field.title': 'Title',
    'story.field.text': 'The story',
    'story.field.text.help': 'What happened, and what did it mean? 20 to 5000 characters.',
    'story.field.visibility': 'Who may read it?',
    'story.visibility.workspace': 'All members of the workspace',
    'story.visibility.intern': 'Only the own organisation',
    'story.submit': 'Share story',
    'story.cancel': 'Cancel',
    'story.shared': 'Story shared as observation {number}.',
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
  const page = usePagePath();
  const [status, setStatus] = useState('');
  const [storyOf, setStoryOf] = useState<Contact | null>(null);
  const [editing, setEditing] = useState<Contact | null>(null);
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
                  {
                    header: t('col.story'),
                    cell: (c) =>
                      c.observationId ? (
                        <Link to={page(`waarnemingen/${c.observationId}`)}>{t('story.view')}</Link>
                      ) : p.can.manageContacts ? (
                        <Button appearance="subtle" aria-label={t('story.shareLabel', { date: f.date(c.date) })} onClick={() => setStoryOf(c)}>
                          {t('story.share')}
                        </Button>
                      ) : (
                        t('noNote')
                      ),
                  },
                  p.can.manageContacts && {
                    header: t('col.actions'),
                    cell: (c) => (
                      <ButtonGroup>
                        <Button appearance="subtle" aria-label={t('editLabel', { date: f.date(c.date) })} onClick={() => setEditing(c)}>
                          {t('edit')}
                        </Button>
                        <Button appearance="subtle" aria-label={t('deleteLabel', { date: f.date(c.date) })} onClick={() => remove.ask(c)}>
                          {t('delete')}
                        </Button>
                      </ButtonGroup>
                    ),
                  },
                ]}
              />
            )}
            {editing && (
              <ContactForm
                key={editing.id}
                participantId={participantId}
                contact={editing}
                onSaved={(message) => {
                  setEditing(null);
                  setStatus(message);
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            {storyOf && (
              <StoryForm
                key={storyOf.id}
                contact={storyOf}
                onDone={(message) => {
                  setStoryOf(null);
                  if (message) setStatus(message);
                }}
              />
            )}
            {remove.dialog((c) => ({ title: t('deleteTitle', { date: f.date(c.date) }), body: t('deleteBody'), confirmLabel: t('deleteConfirm') }))}
          </>
        )}
      </Loaded>
    </Section>
  );
}

/**
 * The quick form: date (today), kind, duration and a short note; a note with personal data is
 * refused at the field. With `contact` it changes that contact.
 */
function ContactForm({ participantId, contact, onSaved, onCancel }: { participantId: string; contact?: Contact; onSaved(message: string): void; onCancel?(): void }) {
  const t = useT(cm);
  const pt = useT(pm);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const [date, setDate] = useState(() => contact?.date ?? new Date().toISOString().slice(0, 10));
  const [kind, setKind] = useState<ContactKind>(contact?.kind ?? 'gesprek');
  const [duration, setDuration] = useState(contact?.durationMinutes == null ? '' : String(contact.durationMinutes));
  const [note, setNote] = useState(contact?.note ?? '');
  const id = (field: string) => (contact ? `yd-ce-${field}` : `yd-c-${field}`);
  const fields: Record<string, FieldRef> = {
    date: { id: id('date'), label: t('form.date') },
    kind: { id: id('kind'), label: t('form.kind') },
    durationMinutes: { id: id('duration'), label: t('form.duration') },
    note: { id: id('note'), label: t('form.note') },
  };
  const form = useFormSubmit({
    fields,
    send: () => {
      const minutes = duration.trim() === '' ? null : /^\d{1,4}$/.test(duration.trim()) ? Number(duration.trim()) : NaN;
      if (Number.isNaN(minutes)) throw new ApiError(400, 'request.invalid', t('form.durationInvalid'), [{ path: 'durationMinutes', message: t('form.durationInvalid') }]);
      if (contact) return api.patch<Contact>(wsPath(workspace.slug, `youth-debt/contacts/${contact.id}`), { date, kind, durationMinutes: minutes, note });
      return api.post<Contact>(wsPath(workspace.slug, 'youth-debt/contacts'), { participantId, date, kind, durationMinutes: minutes, ...(note.trim() ? { note } : {}) });
    },
    onSaved: async (saved) => {
      if (!contact) {
        setNote('');
        setDuration('');
      }
      // The table first, then the message, so what it announces is on the screen.
      await refresh();
      onSaved(t(contact ? 'edit.saved' : 'form.saved', { date: f.date(saved.date) }));
    },
  });
  return (
    <>
      <Heading level={3}>{contact ? t('edit.title', { date: f.date(contact.date) }) : t('form.title')}</Heading>
      <Form form={form}>
        <TextField id={id('date')} type="date" label={t('form.date')} className="dichter-input-date" value={date} onChange={(e) => setDate(e.target.value)} error={form.fieldError('date')} />
        <SelectField
          id={id('kind')}
          label={t('form.kind')}
          options={CONTACT_KINDS.map((k) => ({ value: k, label: pt(`kind.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.target.value as ContactKind)}
          error={form.fieldError('kind')}
        />
        <TextField
          id={id('duration')}
          label={t('form.duration')}
          optional
          inputMode="numeric"
          autoComplete="off"
          className="dichter-input-short"
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          error={form.fieldError('durationMinutes')}
        />
        <TextAreaField id={id('note')} label={t('form.note')} description={t('form.note.help')} optional rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t(contact ? 'edit.submit' : 'form.submit')}</SubmitButton>
          {onCancel && <Button onClick={onCancel}>{t('story.cancel')}</Button>}
        </ButtonGroup>
      </Form>
    </>
  );
}

/** A story from one contact, shared as an observation of the workspace; the note is the first draft. */
function StoryForm({ contact, onDone }: { contact: Contact; onDone(message?: string): void }) {
  const t = useT(cm);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const refresh = useRefreshPlan();
  const [title, setTitle] = useState('');
  const [text, setText] = useState(contact.note ?? '');
  const [visibility, setVisibility] = useState<'workspace' | 'intern'>('workspace');
  const fields: Record<string, FieldRef> = {
    title: { id: 'yd-s-title', label: t('story.field.title') },
    text: { id: 'yd-s-text', label: t('story.field.text') },
    visibility: { id: 'yd-s-visibility', label: t('story.field.visibility') },
  };
  const form = useFormSubmit({
    fields,
    send: () => api.post<{ observationId: string; number: number }>(wsPath(workspace.slug, `youth-debt/contacts/${contact.id}/story`), { title, text, visibility }),
    onSaved: async (shared) => {
      onDone(t('story.shared', { number: shared.number }));
      await refresh();
    },
  });
  return (
    <>
      <Heading level={3}>{t('story.title', { date: f.date(contact.date) })}</Heading>
      <Paragraph>{t('story.help')}</Paragraph>
      <Form form={form}>
        <TextField id="yd-s-title" label={t('story.field.title')} autoComplete="off" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} />
        <TextAreaField id="yd-s-text" label={t('story.field.text')} description={t('story.field.text.help')} rows={5} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} />
        <SelectField
          id="yd-s-visibility"
          label={t('story.field.visibility')}
          options={(['workspace', 'intern'] as const).map((v) => ({ value: v, label: t(`story.visibility.${v}`) }))}
          value={visibility}
          onChange={(e) => setVisibility(e.target.value as 'workspace' | 'intern')}
          error={form.fieldError('visibility')}
        />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('story.submit')}</SubmitButton>
          <Button onClick={() => onDone()}>{t('story.cancel')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
