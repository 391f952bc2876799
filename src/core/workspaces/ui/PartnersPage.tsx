import { refreshAfterWrite } from '../../../web/queries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Route, Routes, useParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  ConfirmDialog,
  EmptyState,
  errorMessage,
  ExternalLink,
  Link,
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
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { partnerView } from '../schema';
import { PARTNER_TYPE_LIST, usePartnerTypeLabel, type PartnerType } from './labels';
import { m } from './messages';

type Partner = z.infer<typeof partnerView>;

const partnersKey = (slug: string) => ['w', slug, 'partners'];

function PartnerList() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const typeLabel = usePartnerTypeLabel();
  const partners = useQuery({ queryKey: partnersKey(workspace.slug), queryFn: () => api.get<List<Partner>>(wsPath(workspace.slug, 'partners')) });
  const canManage = workspace.can.managePartners;
  return (
    <>
      <PageHeading title={t('partners.title')} />
      <Paragraph>{t('partners.intro')}</Paragraph>
      {canManage && (
        <Paragraph>
          <ButtonLink to={page('partners/nieuw')} appearance="primary">
            {t('partners.add')}
          </ButtonLink>
        </Paragraph>
      )}
      {partners.isPending ? (
        <Loading />
      ) : partners.isError ? (
        <LoadError error={partners.error} onRetry={() => partners.refetch()} />
      ) : partners.data.items.length === 0 ? (
        <EmptyState title={t('partners.emptyTitle')}>
          <Paragraph>{canManage ? t('partners.empty') : t('partners.emptyReadOnly')}</Paragraph>
        </EmptyState>
      ) : (
        <Table caption={t('partners.caption')} captionHidden>
          <THead>
            <Th>{t('partners.name')}</Th>
            <Th>{t('partners.type')}</Th>
            <Th>{t('partners.signed')}</Th>
          </THead>
          <TBody>
            {partners.data.items.map((p) => (
              <Tr key={p.id}>
                <RowHeader>{canManage ? <Link to={page(`partners/${p.id}`)}>{p.name}</Link> : p.name}</RowHeader>
                <Td>{typeLabel(p.type)}</Td>
                <Td>{p.signedCharter ? t('partners.signedYes') : t('partners.signedNo')}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

interface PartnerValues {
  name: string;
  type: PartnerType | '';
  description: string;
  website: string;
}

function PartnerForm({ initial, partnerId }: { initial: PartnerValues; partnerId?: string }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const typeLabel = usePartnerTypeLabel();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const notify = useNotify();
  const client = useQueryClient();
  const [values, setValues] = useState<PartnerValues>(initial);
  const [deleting, setDeleting] = useState(false);
  const form = useFormErrors(
    {
      name: { id: 'partner-name', label: t('partners.name') },
      type: { id: 'partner-type', label: t('partners.type') },
      description: { id: 'partner-description', label: t('partners.description') },
      website: { id: 'partner-website', label: t('partners.website') },
    },
    { 'partner.name_taken': 'name' },
  );
  const body = () => ({ name: values.name, type: values.type === '' ? undefined : values.type, description: values.description, website: values.website.trim() });
  const save = useMutation({
    mutationFn: () =>
      partnerId ? api.patch<Partner>(wsPath(workspace.slug, `partners/${partnerId}`), body()) : api.post<Partner>(wsPath(workspace.slug, 'partners'), body()),
    onSuccess: async (partner) => {
      await refreshAfterWrite(client, { queryKey: partnersKey(workspace.slug) });
      notify(partnerId ? t('partners.saved', { name: partner.name }) : t('partners.added', { name: partner.name }), page('partners'));
    },
    onError: (err) => form.setError(err),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(wsPath(workspace.slug, `partners/${partnerId}`)),
    onSuccess: async () => {
      setDeleting(false);
      // Only the list: the deleted partner's own page is still on screen until we navigate.
      await refreshAfterWrite(client, { queryKey: partnersKey(workspace.slug), exact: true });
      notify(t('partners.deleted', { name: initial.name }), page('partners'));
    },
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
        <TextField id="partner-name" label={t('partners.name')} value={values.name} maxLength={200} onChange={(e) => setValues({ ...values, name: e.target.value })} error={form.fieldError('name')} />
        <SelectField
          id="partner-type"
          label={t('partners.type')}
          value={values.type}
          onChange={(e) => setValues({ ...values, type: e.target.value as PartnerType })}
          error={form.fieldError('type')}
          options={[...(values.type === '' ? [{ value: '', label: t('partners.chooseType') }] : []), ...PARTNER_TYPE_LIST.map((type) => ({ value: type, label: typeLabel(type) }))]}
        />
        <TextAreaField
          id="partner-description"
          label={t('partners.description')}
          description={t('partners.descriptionDescription')}
          optional
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
          error={form.fieldError('description')}
        />
        <TextField
          id="partner-website"
          label={t('partners.website')}
          description={t('partners.websiteDescription')}
          optional
          type="url"
          inputMode="url"
          spellCheck={false}
          value={values.website}
          onChange={(e) => setValues({ ...values, website: e.target.value })}
          error={form.fieldError('website')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={save.isPending}>
            {save.isPending ? ts('common.saving') : partnerId ? ts('common.save') : t('partners.add')}
          </Button>
          <ButtonLink to={page('partners')} appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </form>
      {partnerId && (
        <div className="dichter-section">
          <Button appearance="danger" onClick={() => setDeleting(true)}>
            {t('partners.delete')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title={t('partners.deleteTitle', { name: initial.name })}
        body={t('partners.deleteBody')}
        confirmLabel={t('partners.delete')}
        busy={remove.isPending}
        error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setDeleting(false);
          remove.reset();
        }}
      />
    </>
  );
}

function NewPartner() {
  const t = useT(m);
  const page = usePagePath();
  const { workspace } = useWorkspace();
  if (!workspace.can.managePartners) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <Paragraph>
        <Link to={page('partners')}>{t('partners.backToList')}</Link>
      </Paragraph>
      <PageHeading title={t('partners.newTitle')} />
      <PartnerForm initial={{ name: '', type: '', description: '', website: '' }} />
    </div>
  );
}

function EditPartner() {
  const t = useT(m);
  const { partnerId = '' } = useParams();
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const partner = useQuery({
    queryKey: [...partnersKey(workspace.slug), partnerId],
    queryFn: () => api.get<Partner>(wsPath(workspace.slug, `partners/${encodeURIComponent(partnerId)}`)),
    enabled: workspace.can.managePartners,
  });
  if (!workspace.can.managePartners) return <NotFoundPage />;
  if (partner.isError && partner.error instanceof ApiError && (partner.error.status === 404 || partner.error.status === 400)) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <Paragraph>
        <Link to={page('partners')}>{t('partners.backToList')}</Link>
      </Paragraph>
      {partner.isPending ? (
        <Loading />
      ) : partner.isError ? (
        <LoadError error={partner.error} onRetry={() => partner.refetch()} />
      ) : (
        <>
          <PageHeading title={t('partners.editTitle', { name: partner.data.name })} />
          {partner.data.website && (
            <Paragraph>
              <ExternalLink href={partner.data.website} rel="noopener noreferrer">
                {partner.data.website}
              </ExternalLink>
            </Paragraph>
          )}
          <PartnerForm
            key={partner.data.id}
            partnerId={partner.data.id}
            initial={{ name: partner.data.name, type: partner.data.type, description: partner.data.description, website: partner.data.website }}
          />
        </>
      )}
    </div>
  );
}

export default function PartnersPage() {
  return (
    <Routes>
      <Route index element={<PartnerList />} />
      <Route path="nieuw" element={<NewPartner />} />
      <Route path=":partnerId" element={<EditPartner />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
