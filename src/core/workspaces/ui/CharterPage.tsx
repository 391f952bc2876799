import { refreshAfterWrite } from '../../../web/queries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import {
  Alert,
  Button,
  ButtonGroup,
  ConfirmDialog,
  EmptyState,
  errorMessage,
  Heading,
  LoadError,
  Loading,
  PageHeading,
  Paragraph,
  RowHeader,
  SelectField,
  Table,
  TBody,
  Td,
  TextAreaField,
  TextField,
  Th,
  THead,
  Tr,
  useFormErrors,
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
  const form = useFormErrors(
    { title: { id: `${prefix}-title`, label: t('charter.valueTitle') }, description: { id: `${prefix}-description`, label: t('charter.valueDescription') } },
    { 'charter.value_exists': 'title' },
  );
  const save = useMutation({
    mutationFn: () =>
      value
        ? api.patch<CharterValue>(wsPath(workspace.slug, `charter/values/${value.id}`), { title, description })
        : api.post<CharterValue>(wsPath(workspace.slug, 'charter/values'), { title, description }),
    onSuccess: async (saved) => {
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      if (!value) {
        setTitle('');
        setDescription('');
      }
      onDone(saved);
    },
    onError: (err) => form.setError(err),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    form.clear();
    save.mutate();
  };
  return (
    <>
      {form.summary}
      <form onSubmit={submit} noValidate className="dichter-form">
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
          <Button type="submit" appearance="primary" busy={save.isPending}>
            {save.isPending ? ts('common.saving') : value ? ts('common.save') : t('charter.addValue')}
          </Button>
          {value && (
            <Button appearance="subtle" onClick={() => onDone()}>
              {ts('common.cancel')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </>
  );
}

function Values({ charter }: { charter: Charter }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CharterValue | null>(null);
  const remove = useMutation({
    mutationFn: (value: CharterValue) => api.delete(wsPath(workspace.slug, `charter/values/${value.id}`)),
    onSuccess: async (_r, value) => {
      setDeleting(null);
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      notify(t('charter.valueDeleted', { title: value.title }));
    },
  });
  const manage = charter.can.manage;
  return (
    <section className="dichter-section" aria-labelledby="charter-values">
      <Heading level={2} id="charter-values">
        {t('charter.values')}
      </Heading>
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
                      <Button appearance="danger" aria-label={t('charter.deleteValueNamed', { title: value.title })} onClick={() => setDeleting(value)}>
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
      <ConfirmDialog
        open={!!deleting}
        title={deleting ? t('charter.deleteValueTitle', { title: deleting.title }) : ''}
        body={t('charter.deleteValueBody')}
        confirmLabel={t('charter.deleteValue')}
        busy={remove.isPending}
        error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </section>
  );
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function SignatoryForm() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const partners = useQuery({ queryKey: ['w', workspace.slug, 'partners'], queryFn: () => api.get<List<Partner>>(wsPath(workspace.slug, 'partners')) });
  const empty = { partnerId: '', personName: '', personRole: '', signedOn: today() };
  const [values, setValues] = useState(empty);
  const form = useFormErrors({
    partnerId: { id: 'signatory-partner', label: t('charter.partner') },
    personName: { id: 'signatory-name', label: t('charter.personName') },
    personRole: { id: 'signatory-role', label: t('charter.personRole') },
    signedOn: { id: 'signatory-date', label: t('charter.signedOn') },
  }, { 'charter.signed_in_future': 'signedOn' });
  const add = useMutation({
    mutationFn: () =>
      api.post<Signatory>(wsPath(workspace.slug, 'charter/signatories'), {
        partnerId: values.partnerId || null,
        personName: values.personName,
        personRole: values.personRole,
        signedOn: values.signedOn,
      }),
    onSuccess: async (signatory) => {
      setValues(empty);
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'partners'] });
      notify(t('charter.signatoryAdded', { name: signatory.personName }));
    },
    onError: (err) => form.setError(err),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    form.clear();
    add.mutate();
  };
  return (
    <div className="dichter-narrow dichter-subsection">
      <Heading level={3}>{t('charter.addSignatory')}</Heading>
      {form.summary}
      <form onSubmit={submit} noValidate className="dichter-form">
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
        <Button type="submit" appearance="primary" busy={add.isPending}>
          {add.isPending ? ts('common.saving') : t('charter.addSignatory')}
        </Button>
      </form>
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
  const [removing, setRemoving] = useState<Signatory | null>(null);
  const remove = useMutation({
    mutationFn: (s: Signatory) => api.delete(wsPath(workspace.slug, `charter/signatories/${s.id}`)),
    onSuccess: async (_r, s) => {
      setRemoving(null);
      await refreshAfterWrite(client, { queryKey: charterKey(workspace.slug) });
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'partners'] });
      notify(t('charter.signatoryRemoved', { name: s.personName }));
    },
  });
  const manage = charter.can.manage;
  return (
    <section className="dichter-section" aria-labelledby="charter-signatories">
      <Heading level={2} id="charter-signatories">
        {t('charter.signatories')}
      </Heading>
      {charter.signatories.length === 0 ? (
        <EmptyState title={t('charter.signatoriesEmptyTitle')}>
          <Paragraph>{t('charter.signatoriesEmpty')}</Paragraph>
        </EmptyState>
      ) : (
        <Table caption={t('charter.signatoriesCaption')} captionHidden>
          <THead>
            <Th>{t('charter.personName')}</Th>
            <Th>{t('charter.personRole')}</Th>
            <Th>{t('charter.partner')}</Th>
            <Th>{t('charter.signedOn')}</Th>
            {manage && <Th>{ts('common.actions')}</Th>}
          </THead>
          <TBody>
            {charter.signatories.map((s) => (
              <Tr key={s.id}>
                <RowHeader>{s.personName}</RowHeader>
                <Td>{s.personRole || ts('common.none')}</Td>
                <Td>{s.partnerName ?? t('charter.noPartner')}</Td>
                <Td>{f.date(s.signedOn)}</Td>
                {manage && (
                  <Td>
                    <Button appearance="danger" aria-label={t('charter.removeSignatoryNamed', { name: s.personName })} onClick={() => setRemoving(s)}>
                      {t('charter.removeSignatory')}
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {manage && <SignatoryForm />}
      <ConfirmDialog
        open={!!removing}
        title={removing ? t('charter.removeSignatoryTitle', { name: removing.personName }) : ''}
        body={t('charter.removeSignatoryBody')}
        confirmLabel={t('charter.removeSignatory')}
        busy={remove.isPending}
        error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </section>
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
      {charter.isPending ? (
        <Loading />
      ) : charter.isError ? (
        <LoadError error={charter.error} onRetry={() => charter.refetch()} />
      ) : (
        <>
          {!charter.data.can.manage && <Alert type="info">{t('charter.readOnly')}</Alert>}
          <Values charter={charter.data} />
          <Signatories charter={charter.data} />
        </>
      )}
    </>
  );
}
