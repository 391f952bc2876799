import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import {
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  DataList,
  Fieldset,
  type FieldRef,
  Form,
  Link,
  Loaded,
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
import { mm } from './msc-messages';
import { mscKeys, refreshMsc, useDomains, usePeriods, useRounds, type RoundView } from './MscShared';

interface Member {
  userId: string;
  name: string;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The panel as the API takes it: members by id, others by name (one per line). */
const panelBody = (memberIds: string[], others: string) => [
  ...memberIds.map((userId) => ({ userId })),
  ...others
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((name) => ({ name })),
];

function RoundForm({ round }: { round?: RoundView }) {
  const t = useT(mm);
  const ts = useT(shellMessages);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const notify = useNotify();
  const client = useQueryClient();
  const periods = usePeriods();
  const domains = useDomains();
  const members = useQuery({ queryKey: ['w', workspace.slug, 'members'], queryFn: () => api.get<List<Member>>(wsPath(workspace.slug, 'members')) });
  const [values, setValues] = useState({
    name: round?.name ?? '',
    periodId: round?.periodId ?? '',
    domainId: round?.domainId ?? '',
    heldOn: round?.heldOn ?? today(),
    memberIds: round?.panel.flatMap((p) => (p.userId ? [p.userId] : [])) ?? [],
    others: round?.panel.flatMap((p) => (p.userId ? [] : [p.name])).join('\n') ?? '',
  });
  const fields = useMemo(() => {
    const refs: Record<string, FieldRef> = {
      name: { id: 'round-name', label: t('round.name') },
      periodId: { id: 'round-period', label: t('round.period') },
      domainId: { id: 'round-domain', label: t('round.domain') },
      heldOn: { id: 'round-held-on', label: t('round.heldOn') },
      panel: { id: 'round-others', label: t('round.panel') },
    };
    // errors per panel entry point at the members' checkboxes or the names
    const count = values.memberIds.length;
    for (let i = 0; i < 50; i++) {
      refs[`panel.${i}.userId`] = { id: 'round-members', label: t('round.panelMembers') };
      refs[`panel.${i}.name`] = { id: 'round-others', label: i < count ? t('round.panelMembers') : t('round.panelOthers') };
    }
    return refs;
  }, [t, values.memberIds.length]);
  const form = useFormSubmit({
    fields,
    errorFields: { 'msc.period_not_found': 'periodId', 'msc.domain_not_found': 'domainId' },
    send: () => {
      const panel = panelBody(values.memberIds, values.others);
      if (round) return api.patch<RoundView>(wsPath(workspace.slug, `msc/rounds/${round.id}`), { name: values.name, heldOn: values.heldOn, panel });
      return api.post<RoundView>(wsPath(workspace.slug, 'msc/rounds'), { name: values.name, periodId: values.periodId, domainId: values.domainId || null, heldOn: values.heldOn, panel });
    },
    onSaved: async (saved) => {
      await refreshMsc(client, workspace.slug);
      notify(t(round ? 'round.saved' : 'round.created', { name: saved.name }), page(`verhalen/rondes/${saved.id}`));
    },
  });
  const remove = useConfirmedAction({
    action: (r: RoundView) => api.delete(wsPath(workspace.slug, `msc/rounds/${r.id}`)),
    onDone: async (r) => {
      await refreshMsc(client, workspace.slug);
      notify(t('round.deleted', { name: r.name }), page('verhalen'));
    },
  });
  const toggle = (userId: string, on: boolean) => setValues((v) => ({ ...v, memberIds: on ? [...v.memberIds, userId] : v.memberIds.filter((id) => id !== userId) }));
  const memberList = members.data?.items ?? [];
  const noPeriods = !round && periods.data && periods.data.items.length === 0;
  return (
    <>
      {noPeriods && (
        <Paragraph>
          {t('round.noPeriods')} <Link to={page('verhalen/instellingen/periodes/nieuw')}>{t('periods.add')}</Link>
        </Paragraph>
      )}
      <Form form={form}>
        <TextField
          id="round-name"
          label={t('round.name')}
          description={t('round.nameHelp')}
          value={values.name}
          maxLength={200}
          required
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={form.fieldError('name')}
        />
        {round ? (
          <DataList
            items={[
              [t('round.period'), `${round.periodName} (${f.date(round.periodStart)} – ${f.date(round.periodEnd)})`],
              [t('round.domain'), round.domainName ?? t('allDomains')],
            ]}
          />
        ) : (
          <>
            <SelectField
              id="round-period"
              label={t('round.period')}
              description={t('round.periodHelp')}
              value={values.periodId}
              required
              onChange={(e) => setValues({ ...values, periodId: e.target.value })}
              error={form.fieldError('periodId')}
              options={[{ value: '', label: t('round.choosePeriod') }, ...(periods.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${f.date(p.startDate)} – ${f.date(p.endDate)})` }))]}
            />
            <SelectField
              id="round-domain"
              label={t('round.domain')}
              description={t('round.domainHelp')}
              value={values.domainId}
              onChange={(e) => setValues({ ...values, domainId: e.target.value })}
              error={form.fieldError('domainId')}
              options={[{ value: '', label: t('allDomains') }, ...(domains.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]}
            />
          </>
        )}
        <TextField
          id="round-held-on"
          type="date"
          className="dichter-input-date"
          label={t('round.heldOn')}
          value={values.heldOn}
          required
          onChange={(e) => setValues({ ...values, heldOn: e.target.value })}
          error={form.fieldError('heldOn')}
        />
        <Fieldset legend={t('round.panel')}>
          {memberList.length > 0 && (
            <Fieldset legend={t('round.panelMembers')}>
              <div className="dichter-radios">
                {memberList.map((member, i) => (
                  <div className="dichter-radio" key={member.userId}>
                    <input
                      id={i === 0 ? 'round-members' : `round-member-${member.userId}`}
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      checked={values.memberIds.includes(member.userId)}
                      onChange={(e) => toggle(member.userId, e.target.checked)}
                    />
                    <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={i === 0 ? 'round-members' : `round-member-${member.userId}`}>
                      {member.name}
                    </label>
                  </div>
                ))}
              </div>
            </Fieldset>
          )}
          <TextAreaField
            id="round-others"
            label={t('round.panelOthers')}
            description={t('round.panelOthersHelp')}
            optional
            value={values.others}
            onChange={(e) => setValues({ ...values, others: e.target.value })}
            error={form.fieldError('panel')}
          />
        </Fieldset>
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{round ? ts('common.save') : t('round.create')}</SubmitButton>
          <ButtonLink to={round ? page(`verhalen/rondes/${round.id}`) : page('verhalen')} appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
      {round?.can.delete && (
        <div className="dichter-section">
          <Button appearance="danger" onClick={() => remove.ask(round)}>
            {t('round.delete')}
          </Button>
        </div>
      )}
      {remove.dialog((r) => ({ title: t('round.deleteTitle', { name: r.name }), body: t('round.deleteBody'), confirmLabel: t('round.delete') }))}
    </>
  );
}

function NewRound() {
  const t = useT(mm);
  const page = usePagePath();
  const rounds = useRounds();
  if (rounds.data && !rounds.data.can.create) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <BackLink to={page('verhalen')}>{t('back.overview')}</BackLink>
      <PageHeading title={t('round.newTitle')} />
      <Loaded query={rounds}>{() => <RoundForm />}</Loaded>
    </div>
  );
}

function EditRound({ roundId }: { roundId: string }) {
  const t = useT(mm);
  const page = usePagePath();
  const { workspace } = useWorkspace();
  const round = useQuery({ queryKey: mscKeys.round(workspace.slug, roundId), queryFn: () => api.get<RoundView>(wsPath(workspace.slug, `msc/rounds/${encodeURIComponent(roundId)}`)) });
  if (round.isError && round.error instanceof ApiError && (round.error.status === 404 || round.error.status === 400)) return <NotFoundPage />;
  if (round.data && !round.data.can.update) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <BackLink to={page(`verhalen/rondes/${roundId}`)}>{t('back.round')}</BackLink>
      <Loaded query={round}>
        {(data) => (
          <>
            <PageHeading title={t('round.editTitle', { name: data.name })} />
            <RoundForm key={data.id} round={data} />
          </>
        )}
      </Loaded>
    </div>
  );
}

/** /w/:slug/verhalen/rondes/nieuw and …/rondes/:roundId/wijzigen. */
export default function MscRoundFormPage() {
  const { roundId } = useParams();
  return roundId ? <EditRound roundId={roundId} /> : <NewRound />;
}
