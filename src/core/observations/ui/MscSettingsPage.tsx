import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import {
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  DataTable,
  EmptyState,
  Form,
  Link,
  Loaded,
  noItems,
  PageHeading,
  Paragraph,
  Section,
  SubmitButton,
  TextAreaField,
  TextField,
  useConfirmedAction,
  useFormSubmit,
  useNotify,
} from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { mm } from './msc-messages';
import { refreshMsc, useDomains, usePeriods, type DomainView, type PeriodView } from './MscShared';

function Lists() {
  const t = useT(mm);
  const f = useFormat();
  const page = usePagePath();
  const domains = useDomains();
  const periods = usePeriods();
  const manageDomains = !!domains.data?.can.manage;
  const managePeriods = !!periods.data?.can.manage;
  return (
    <>
      <BackLink to={page('verhalen')}>{t('back.overview')}</BackLink>
      <PageHeading title={t('settings.title')} />
      <Paragraph>{t('settings.intro')}</Paragraph>
      <Section id="msc-domains" title={t('domains.title')}>
        {manageDomains && (
          <Paragraph>
            <ButtonLink to={page('verhalen/instellingen/domeinen/nieuw')}>{t('domains.add')}</ButtonLink>
          </Paragraph>
        )}
        <Loaded query={domains} isEmpty={noItems} empty={<EmptyState title={t('domains.emptyTitle')}>{manageDomains && <Paragraph>{t('domains.empty')}</Paragraph>}</EmptyState>}>
          {(data) => (
            <DataTable
              caption={t('domains.caption')}
              captionHidden
              rows={data.items}
              rowKey={(d) => d.id}
              columns={[
                { header: t('col.name'), rowHeader: true, cell: (d) => (manageDomains ? <Link to={page(`verhalen/instellingen/domeinen/${d.id}`)}>{d.name}</Link> : d.name) },
                { header: t('col.description'), cell: (d) => d.description },
                { header: t('col.active'), cell: (d) => (d.active ? t('yes') : t('no')) },
                { header: t('col.stories'), numeric: true, cell: (d) => f.number(d.stories) },
                { header: t('col.rounds'), numeric: true, cell: (d) => f.number(d.rounds) },
              ]}
            />
          )}
        </Loaded>
      </Section>
      <Section id="msc-periods" title={t('periods.title')}>
        {managePeriods && (
          <Paragraph>
            <ButtonLink to={page('verhalen/instellingen/periodes/nieuw')}>{t('periods.add')}</ButtonLink>
          </Paragraph>
        )}
        <Loaded query={periods} isEmpty={noItems} empty={<EmptyState title={t('periods.emptyTitle')}>{managePeriods && <Paragraph>{t('periods.empty')}</Paragraph>}</EmptyState>}>
          {(data) => (
            <DataTable
              caption={t('periods.caption')}
              captionHidden
              rows={data.items}
              rowKey={(p) => p.id}
              columns={[
                { header: t('col.name'), rowHeader: true, cell: (p) => (managePeriods ? <Link to={page(`verhalen/instellingen/periodes/${p.id}`)}>{p.name}</Link> : p.name) },
                { header: t('col.start'), cell: (p) => <span className="dichter-nowrap">{f.date(p.startDate)}</span> },
                { header: t('col.end'), cell: (p) => <span className="dichter-nowrap">{f.date(p.endDate)}</span> },
                { header: t('col.stories'), numeric: true, cell: (p) => f.number(p.stories) },
                { header: t('col.rounds'), numeric: true, cell: (p) => f.number(p.rounds) },
              ]}
            />
          )}
        </Loaded>
      </Section>
    </>
  );
}

function DomainForm({ domain }: { domain?: DomainView }) {
  const t = useT(mm);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const notify = useNotify();
  const client = useQueryClient();
  const back = page('verhalen/instellingen');
  const [values, setValues] = useState({ name: domain?.name ?? '', description: domain?.description ?? '', active: domain?.active ?? true });
  const form = useFormSubmit({
    fields: {
      name: { id: 'domain-name', label: t('domains.name') },
      description: { id: 'domain-description', label: t('domains.description') },
      active: { id: 'domain-active', label: t('domains.active') },
    },
    errorFields: { 'msc.domain_taken': 'name' },
    send: () => (domain ? api.patch<DomainView>(wsPath(workspace.slug, `msc/domains/${domain.id}`), values) : api.post<DomainView>(wsPath(workspace.slug, 'msc/domains'), values)),
    onSaved: async (saved) => {
      await refreshMsc(client, workspace.slug);
      notify(t(domain ? 'domains.saved' : 'domains.added', { name: saved.name }), back);
    },
  });
  const remove = useConfirmedAction({
    action: (d: DomainView) => api.delete(wsPath(workspace.slug, `msc/domains/${d.id}`)),
    onDone: async (d) => {
      await refreshMsc(client, workspace.slug);
      notify(t('domains.deleted', { name: d.name }), back);
    },
  });
  return (
    <>
      <Form form={form}>
        <TextField id="domain-name" label={t('domains.name')} value={values.name} maxLength={120} required onChange={(e) => setValues({ ...values, name: e.target.value })} error={form.fieldError('name')} />
        <TextAreaField
          id="domain-description"
          label={t('domains.description')}
          description={t('domains.descriptionHelp')}
          optional
          value={values.description}
          maxLength={2000}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
          error={form.fieldError('description')}
        />
        <div className="dichter-field dichter-radio">
          <input id="domain-active" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={values.active} onChange={(e) => setValues({ ...values, active: e.target.checked })} />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="domain-active">
            {t('domains.active')}
          </label>
        </div>
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{domain ? ts('common.save') : t('domains.add')}</SubmitButton>
          <ButtonLink to={back} appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
      {domain && (
        <div className="dichter-section">
          <Button appearance="danger" onClick={() => remove.ask(domain)}>
            {t('domains.delete')}
          </Button>
        </div>
      )}
      {remove.dialog((d) => ({ title: t('domains.deleteTitle', { name: d.name }), body: t('domains.deleteBody'), confirmLabel: t('domains.delete') }))}
    </>
  );
}

function DomainPage() {
  const t = useT(mm);
  const page = usePagePath();
  const { domainId } = useParams();
  const domains = useDomains();
  if (domains.data && !domains.data.can.manage) return <NotFoundPage />;
  const domain = domainId ? domains.data?.items.find((d) => d.id === domainId) : undefined;
  if (domainId && domains.data && !domain) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <BackLink to={page('verhalen/instellingen')}>{t('back.settings')}</BackLink>
      <Loaded query={domains}>
        {() => (
          <>
            <PageHeading title={domain ? t('domains.editTitle', { name: domain.name }) : t('domains.newTitle')} />
            <DomainForm key={domain?.id ?? 'new'} domain={domain} />
          </>
        )}
      </Loaded>
    </div>
  );
}

function PeriodForm({ period }: { period?: PeriodView }) {
  const t = useT(mm);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const notify = useNotify();
  const client = useQueryClient();
  const back = page('verhalen/instellingen');
  const fixed = !!period && period.rounds > 0;
  const [values, setValues] = useState({ name: period?.name ?? '', startDate: period?.startDate ?? '', endDate: period?.endDate ?? '' });
  const form = useFormSubmit({
    fields: {
      name: { id: 'period-name', label: t('periods.name') },
      startDate: { id: 'period-start', label: t('periods.start') },
      endDate: { id: 'period-end', label: t('periods.end') },
    },
    errorFields: { 'msc.period_taken': 'name', 'msc.period_in_use': 'startDate' },
    send: () => {
      const body = fixed ? { name: values.name } : values;
      return period ? api.patch<PeriodView>(wsPath(workspace.slug, `msc/periods/${period.id}`), body) : api.post<PeriodView>(wsPath(workspace.slug, 'msc/periods'), body);
    },
    onSaved: async (saved) => {
      await refreshMsc(client, workspace.slug);
      notify(t(period ? 'periods.saved' : 'periods.added', { name: saved.name }), back);
    },
  });
  const remove = useConfirmedAction({
    action: (p: PeriodView) => api.delete(wsPath(workspace.slug, `msc/periods/${p.id}`)),
    onDone: async (p) => {
      await refreshMsc(client, workspace.slug);
      notify(t('periods.deleted', { name: p.name }), back);
    },
  });
  return (
    <>
      <Form form={form}>
        <TextField
          id="period-name"
          label={t('periods.name')}
          description={t('periods.nameHelp')}
          value={values.name}
          maxLength={120}
          required
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={form.fieldError('name')}
        />
        {fixed && <Paragraph>{t('periods.datesFixed')}</Paragraph>}
        <TextField
          id="period-start"
          type="date"
          className="dichter-input-date"
          label={t('periods.start')}
          value={values.startDate}
          required
          readOnly={fixed}
          onChange={(e) => setValues({ ...values, startDate: e.target.value })}
          error={form.fieldError('startDate')}
        />
        <TextField
          id="period-end"
          type="date"
          className="dichter-input-date"
          label={t('periods.end')}
          value={values.endDate}
          required
          readOnly={fixed}
          onChange={(e) => setValues({ ...values, endDate: e.target.value })}
          error={form.fieldError('endDate')}
        />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{period ? ts('common.save') : t('periods.add')}</SubmitButton>
          <ButtonLink to={back} appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
      {period && !fixed && (
        <div className="dichter-section">
          <Button appearance="danger" onClick={() => remove.ask(period)}>
            {t('periods.delete')}
          </Button>
        </div>
      )}
      {remove.dialog((p) => ({ title: t('periods.deleteTitle', { name: p.name }), body: t('periods.deleteBody'), confirmLabel: t('periods.delete') }))}
    </>
  );
}

function PeriodPage() {
  const t = useT(mm);
  const page = usePagePath();
  const { periodId } = useParams();
  const periods = usePeriods();
  if (periods.data && !periods.data.can.manage) return <NotFoundPage />;
  const period = periodId ? periods.data?.items.find((p) => p.id === periodId) : undefined;
  if (periodId && periods.data && !period) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <BackLink to={page('verhalen/instellingen')}>{t('back.settings')}</BackLink>
      <Loaded query={periods}>
        {() => (
          <>
            <PageHeading title={period ? t('periods.editTitle', { name: period.name }) : t('periods.newTitle')} />
            <PeriodForm key={period?.id ?? 'new'} period={period} />
          </>
        )}
      </Loaded>
    </div>
  );
}

/** /w/:slug/verhalen/instellingen: the domains of change and the collection periods. */
export default function MscSettingsPage() {
  return (
    <Routes>
      <Route index element={<Lists />} />
      <Route path="domeinen/nieuw" element={<DomainPage />} />
      <Route path="domeinen/:domainId" element={<DomainPage />} />
      <Route path="periodes/nieuw" element={<PeriodPage />} />
      <Route path="periodes/:periodId" element={<PeriodPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
