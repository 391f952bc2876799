import { refreshAfterWrite } from '../../../web/queries';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Routes, useParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import {
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  DataTable,
  EmptyState,
  ExternalLink,
  Form,
  Link,
  Loaded,
  noItems,
  PageHeading,
  Paragraph,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useConfirmedAction,
  useFormSubmit,
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
      <Loaded
        query={partners}
        isEmpty={noItems}
        empty={
          <EmptyState title={t('partners.emptyTitle')}>
            <Paragraph>{canManage ? t('partners.empty') : t('partners.emptyReadOnly')}</Paragraph>
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable
            caption={t('partners.caption')}
            captionHidden
            rows={data.items}
            rowKey={(p) => p.id}
            columns={[
              { header: t('partners.name'), rowHeader: true, cell: (p) => (canManage ? <Link to={page(`partners/${p.id}`)}>{p.name}</Link> : p.name) },
              { header: t('partners.type'), cell: (p) => typeLabel(p.type) },
              { header: t('partners.signed'), cell: (p) => (p.signedCharter ? t('partners.signedYes') : t('partners.signedNo')) },
            ]}
          />
        )}
      </Loaded>
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
  const body = () => ({ name: values.name, type: values.type === '' ? undefined : values.type, description: values.description, website: values.website.trim() });
  const form = useFormSubmit({
    fields: {
      name: { id: 'partner-name', label: t('partners.name') },
      type: { id: 'partner-type', label: t('partners.type') },
      description: { id: 'partner-description', label: t('partners.description') },
      website: { id: 'partner-website', label: t('partners.website') },
    },
    errorFields: { 'partner.name_taken': 'name' },
    send: () => (partnerId ? api.patch<Partner>(wsPath(workspace.slug, `partners/${partnerId}`), body()) : api.post<Partner>(wsPath(workspace.slug, 'partners'), body())),
    onSaved: async (partner) => {
      await refreshAfterWrite(client, { queryKey: partnersKey(workspace.slug) });
      notify(partnerId ? t('partners.saved', { name: partner.name }) : t('partners.added', { name: partner.name }), page('partners'));
    },
  });
  const remove = useConfirmedAction({
    action: (id: string) => api.delete(wsPath(workspace.slug, `partners/${id}`)),
    onDone: async () => {
      // Only the list: the deleted partner's own page is still on screen until we navigate.
      await refreshAfterWrite(client, { queryKey: partnersKey(workspace.slug), exact: true });
      notify(t('partners.deleted', { name: initial.name }), page('partners'));
    },
  });
  return (
    <>
      <Form form={form}>
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
          <SubmitButton busy={form.busy}>{partnerId ? ts('common.save') : t('partners.add')}</SubmitButton>
          <ButtonLink to={page('partners')} appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
      {partnerId && (
        <div className="dichter-section">
          <Button appearance="danger" onClick={() => remove.ask(partnerId)}>
            {t('partners.delete')}
          </Button>
        </div>
      )}
      {remove.dialog(() => ({ title: t('partners.deleteTitle', { name: initial.name }), body: t('partners.deleteBody'), confirmLabel: t('partners.delete') }))}
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
      <BackLink to={page('partners')}>{t('partners.backToList')}</BackLink>
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
      <BackLink to={page('partners')}>{t('partners.backToList')}</BackLink>
      <Loaded query={partner}>
        {(data) => (
          <>
            <PageHeading title={t('partners.editTitle', { name: data.name })} />
            {data.website && (
              <Paragraph>
                <ExternalLink href={data.website} rel="noopener noreferrer">
                  {data.website}
                </ExternalLink>
              </Paragraph>
            )}
            <PartnerForm key={data.id} partnerId={data.id} initial={{ name: data.name, type: data.type, description: data.description, website: data.website }} />
          </>
        )}
      </Loaded>
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
