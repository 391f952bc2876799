import { refreshAfterWrite } from '../../../web/queries';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import {
  Alert,
  Button,
  ButtonGroup,
  DataTable,
  EmptyState,
  Form,
  Heading,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useConfirmedAction,
  useFormSubmit,
  useNotify,
} from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { charterValueView, charterView, partnerView, signatoryView } from '../schema';
import { m } from './messages';

type Charter = z.infer<typeof charterView>;
type CharterValue = z.infer<typeof charterValueView>;
type Signatory = z.infer<typeof signatoryView>;
type Partner = z.infer<typeof partnerView>;

const charterKey = (slug: string) => ['w', slug, 'charter'];

function ValueForm({ value, onDone }: { value?: CharterValue; onDone(saved?: CharterValue): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const prefix = value ? `value-${value.id}` : 'value-new';
  const [title, setTitle] = useState(value?.title ?? '');
  const [description, setDescription] = useState(value?.description ?? '');
  const form = useFormSubmit({
    fields: { title: { id: `${prefix}-title`, label: t('charter.valueTitle') }, description: { id: `${prefix}-description`, label: t('charter.valueDescription') } },
    errorFields: { 'charter.value_exists': 'title' },
    send: () =>
      value
        ? api.patch<CharterValue>(wsPath(workspace.slug, `charter/values/${value.id}`), { title, description })
        : api.post<CharterValue>(wsPath(workspace.slug, 'charter/values'), { title, description }),
    onSaved: async (saved) => {
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      if (!value) {
        setTitle('');
        setDescription('');
      }
      onDone(saved);
    },
  });
  return (
    <Form form={form}>
      <TextField
        id={`${prefix}-title`}
        label={t('charter.valueTitle')}
        description={value ? undefined : t('charter.valueTitleDescription')}
        value={title}
        maxLength={200}
        autoFocus={!!value}
        onChange={(e) => setTitle(e.target.value)}
        error={form.fieldError('title')}
      />
      <TextAreaField
        id={`${prefix}-description`}
        label={t('charter.valueDescription')}
        description={t('charter.valueDescriptionDescription')}
        optional
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={form.fieldError('description')}
      />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{value ? ts('common.save') : t('charter.addValue')}</SubmitButton>
        {value && (
          <Button appearance="subtle" onClick={() => onDone()}>
            {ts('common.cancel')}
          </Button>
        )}
      </ButtonGroup>
    </Form>
  );
}

function Values({ charter }: { charter: Charter }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useConfirmedAction({
    action: (value: CharterValue) => api.delete(wsPath(workspace.slug, `charter/values/${value.id}`)),
    onDone: async (value) => {
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      notify(t('charter.valueDeleted', { title: value.title }));
    },
  });
  const manage = charter.can.manage;
  return (
    <Section id="charter-values" title={t('charter.values')}>
      {charter.values.length === 0 ? (
        <EmptyState title={t('charter.valuesEmptyTitle')}>
          <Paragraph>{t('charter.valuesEmpty')}</Paragraph>
        </EmptyState>
      ) : (
        <ol className="dichter-values">
          {charter.values.map((value) => (
            <li key={value.id} className="dichter-card">
              {editing === value.id ? (
                <>
                  <Heading level={3}>{t('charter.editValueTitle')}</Heading>
                  <ValueForm
                    value={value}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) notify(t('charter.valueSaved', { title: saved.title }));
                    }}
                  />
                </>
              ) : (
                <>
                  <Heading level={3}>{value.title}</Heading>
                  {value.description && <Paragraph className="dichter-prewrap">{value.description}</Paragraph>}
                  {manage && (
                    <ButtonGroup>
                      <Button aria-label={t('charter.editValueNamed', { title: value.title })} onClick={() => setEditing(value.id)}>
                        {t('charter.editValue')}
                      </Button>
                      <Button appearance="danger" aria-label={t('charter.deleteValueNamed', { title: value.title })} onClick={() => remove.ask(value)}>
                        {t('charter.deleteValue')}
                      </Button>
                    </ButtonGroup>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {manage && (
        <div className="dichter-narrow dichter-subsection">
          <Heading level={3} id="charter-add-value">
            {t('charter.addValue')}
          </Heading>
          <ValueForm onDone={(saved) => saved && notify(t('charter.valueAdded', { title: saved.title }))} />
        </div>
      )}
      {remove.dialog((value) => ({ title: t('charter.deleteValueTitle', { title: value.title }), body: t('charter.deleteValueBody'), confirmLabel: t('charter.deleteValue') }))}
    </Section>
  );
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function SignatoryForm() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const partners = useQuery({ queryKey: ['w', workspace.slug, 'partners'], queryFn: () => api.get<List<Partner>>(wsPath(workspace.slug, 'partners')) });
  const empty = { partnerId: '', personName: '', personRole: '', signedOn: today() };
  const [values, setValues] = useState(empty);
  const form = useFormSubmit({
    fields: {
      partnerId: { id: 'signatory-partner', label: t('charter.partner') },
      personName: { id: 'signatory-name', label: t('charter.personName') },
      personRole: { id: 'signatory-role', label: t('charter.personRole') },
      signedOn: { id: 'signatory-date', label: t('charter.signedOn') },
    },
    errorFields: { 'charter.signed_in_future': 'signedOn' },
    send: () =>
      api.post<Signatory>(wsPath(workspace.slug, 'charter/signatories'), {
        partnerId: values.partnerId || null,
        personName: values.personName,
        personRole: values.personRole,
        signedOn: values.signedOn,
      }),
    onSaved: async (signatory) => {
      setValues(empty);
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'partners'] });
      notify(t('charter.signatoryAdded', { name: signatory.personName }));
    },
  });
  return (
    <div className="dichter-narrow dichter-subsection">
      <Heading level={3}>{t('charter.addSignatory')}</Heading>
      <Form form={form}>
        <SelectField
          id="signatory-partner"
          label={t('charter.partner')}
          value={values.partnerId}
          onChange={(e) => setValues({ ...values, partnerId: e.target.value })}
          error={form.fieldError('partnerId')}
          options={[{ value: '', label: t('charter.noPartner') }, ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        <TextField
          id="signatory-name"
          label={t('charter.personName')}
          value={values.personName}
          maxLength={200}
          onChange={(e) => setValues({ ...values, personName: e.target.value })}
          error={form.fieldError('personName')}
        />
        <TextField
          id="signatory-role"
          label={t('charter.personRole')}
          description={t('charter.personRoleDescription')}
          optional
          value={values.personRole}
          maxLength={200}
          onChange={(e) => setValues({ ...values, personRole: e.target.value })}
          error={form.fieldError('personRole')}
        />
        <TextField
          id="signatory-date"
          label={t('charter.signedOn')}
          description={t('charter.signedOnDescription')}
          type="date"
          className="dichter-input-date"
          max={today()}
          value={values.signedOn}
          onChange={(e) => setValues({ ...values, signedOn: e.target.value })}
          error={form.fieldError('signedOn')}
        />
        <SubmitButton busy={form.busy}>{t('charter.addSignatory')}</SubmitButton>
      </Form>
    </div>
  );
}

function Signatories({ charter }: { charter: Charter }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const remove = useConfirmedAction({
    action: (s: Signatory) => api.delete(wsPath(workspace.slug, `charter/signatories/${s.id}`)),
    onDone: async (s) => {
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'partners'] });
      notify(t('charter.signatoryRemoved', { name: s.personName }));
    },
  });
  const manage = charter.can.manage;
  return (
    <Section id="charter-signatories" title={t('charter.signatories')}>
      {charter.signatories.length === 0 ? (
        <EmptyState title={t('charter.signatoriesEmptyTitle')}>
          <Paragraph>{t('charter.signatoriesEmpty')}</Paragraph>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('charter.signatoriesCaption')}
          captionHidden
          rows={charter.signatories}
          rowKey={(s) => s.id}
          columns={[
            { header: t('charter.personName'), rowHeader: true, cell: (s) => s.personName },
            { header: t('charter.personRole'), cell: (s) => s.personRole || ts('common.none') },
            { header: t('charter.partner'), cell: (s) => s.partnerName ?? t('charter.noPartner') },
            { header: t('charter.signedOn'), cell: (s) => f.date(s.signedOn) },
            manage && {
              header: ts('common.actions'),
              cell: (s) => (
                <Button appearance="danger" aria-label={t('charter.removeSignatoryNamed', { name: s.personName })} onClick={() => remove.ask(s)}>
                  {t('charter.removeSignatory')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {manage && <SignatoryForm />}
      {remove.dialog((s) => ({ title: t('charter.removeSignatoryTitle', { name: s.personName }), body: t('charter.removeSignatoryBody'), confirmLabel: t('charter.removeSignatory') }))}
    </Section>
  );
}

export default function CharterPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const charter = useQuery({ queryKey: charterKey(workspace.slug), queryFn: () => api.get<Charter>(wsPath(workspace.slug, 'charter')) });
  return (
    <>
      <PageHeading title={t('charter.title')} />
      <Paragraph>{t('charter.intro')}</Paragraph>
      <Loaded query={charter}>
        {(data) => (
          <>
            {!data.can.manage && <Alert type="info">{t('charter.readOnly')}</Alert>}
            <Values charter={data} />
            <Signatories charter={data} />
          </>
        )}
      </Loaded>
    </>
  );
}
