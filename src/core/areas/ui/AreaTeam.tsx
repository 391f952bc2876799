import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, wsPath, type List } from '../../../web/api';
import { defineMessages, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { Fieldset, Form, Link, Loaded, Paragraph, Section, SelectField, SubmitButton, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import type { AreaTeamView, AreaView } from '../schema';
import { areaKeys } from './shared';

const m = defineMessages(
  {
    'team.title': 'Gebiedsteam',
    'team.intro': 'Wie in dit gebied werkt. Signalen en knelpunten uit het gebied zonder eigenaar van een regel of actielijn gaan naar het aanspreekpunt van het team, of anders naar wie het langst in het team zit.',
    'team.contact': 'aanspreekpunt',
    'team.none': 'Dit gebied heeft nog geen eigen team.',
    'team.inherited': 'Signalen uit dit gebied gaan naar het team van {name}.',
    'team.noneAbove': 'Signalen uit dit gebied zonder eigenaar van een actielijn gaan naar de coördinatoren van de werkruimte.',
    'team.members': 'Teamleden',
    'team.contactField': 'Aanspreekpunt',
    'team.noContact': 'Geen (het langst zittende teamlid)',
    'team.save': 'Team opslaan',
    'team.saved': 'Het gebiedsteam van {name} is opgeslagen.',
    'team.noMembers': 'De werkruimte heeft nog geen leden om in een team te zetten.',
  },
  {
    'team.title': 'Area team',
    'team.intro': 'Who works in this area. Signals and bottlenecks from the area without a rule or action line owner go to the team’s contact, or else to the longest-standing team member.',
    'team.contact': 'contact',
    'team.none': 'This area has no team of its own yet.',
    'team.inherited': 'Signals from this area go to the team of {name}.',
    'team.noneAbove': 'Signals from this area without an action line owner go to the workspace’s coordinators.',
    'team.members': 'Team members',
    'team.contactField': 'Contact',
    'team.noContact': 'None (the longest-standing member)',
    'team.save': 'Save team',
    'team.saved': 'The area team of {name} has been saved.',
    'team.noMembers': 'The workspace has no members yet to put in a team.',
  },
);

interface Member {
  userId: string;
  name: string;
}

function TeamForm({ area, team, members }: { area: AreaView; team: AreaTeamView; members: Member[] }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [chosen, setChosen] = useState(() => new Set(team.members.map((x) => x.userId)));
  const [contact, setContact] = useState(team.members.find((x) => x.contact)?.userId ?? '');
  const toggle = (userId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(userId);
    else next.delete(userId);
    setChosen(next);
    if (!on && contact === userId) setContact('');
  };
  const form = useFormSubmit({
    fields: { members: { id: 'area-team-members', label: t('team.members') }, contact: { id: 'area-team-contact', label: t('team.contactField') } },
    send: () =>
      api.put<AreaTeamView>(wsPath(workspace.slug, `areas/${area.id}/team`), {
        members: members.filter((x) => chosen.has(x.userId)).map((x) => ({ userId: x.userId, contact: x.userId === contact })),
      }),
    onSaved: async () => {
      await refreshAfterWrite(client, { queryKey: areaKeys.all(workspace.slug) });
      notify(t('team.saved', { name: area.name }));
    },
  });
  if (members.length === 0) return <Paragraph>{t('team.noMembers')}</Paragraph>;
  return (
    <Form form={form}>
      <Fieldset legend={t('team.members')}>
        <div id="area-team-members">
          {members.map((x) => (
            <div key={x.userId} className="dichter-field">
              <input
                id={`area-team-${x.userId}`}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={chosen.has(x.userId)}
                onChange={(e) => toggle(x.userId, e.target.checked)}
              />{' '}
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`area-team-${x.userId}`}>
                {x.name}
              </label>
            </div>
          ))}
        </div>
      </Fieldset>
      <SelectField
        id="area-team-contact"
        label={t('team.contactField')}
        value={contact}
        onChange={(e) => setContact(e.target.value)}
        error={form.fieldError('contact')}
        options={[{ value: '', label: t('team.noContact') }, ...members.filter((x) => chosen.has(x.userId)).map((x) => ({ value: x.userId, label: x.name }))]}
      />
      <SubmitButton busy={form.busy}>{t('team.save')}</SubmitButton>
    </Form>
  );
}

/** The area's team on its page: who works there and who answers for it; the beheerder composes it. */
export function AreaTeam({ area }: { area: AreaView }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const team = useQuery({
    queryKey: [...areaKeys.all(workspace.slug), area.id, 'team'],
    queryFn: () => api.get<AreaTeamView>(wsPath(workspace.slug, `areas/${area.id}/team`)),
  });
  const members = useQuery({
    queryKey: [...areaKeys.all(workspace.slug), 'members'],
    enabled: !!team.data?.can.update,
    queryFn: async () => (await api.get<List<Member>>(wsPath(workspace.slug, 'members'))).items.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  });
  return (
    <Section id="area-team" title={t('team.title')}>
      <Paragraph>{t('team.intro')}</Paragraph>
      <Loaded query={team}>
        {(data) => (
          <>
            {data.members.length > 0 ? (
              <ul className="utrecht-unordered-list">
                {data.members.map((x) => (
                  <li key={x.userId} className="utrecht-unordered-list__item">
                    {x.name}
                    {x.contact && ` (${t('team.contact')})`}
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>
                {t('team.none')}{' '}
                {data.inheritedFrom ? (
                  <Link to={page(`gebieden/${data.inheritedFrom.id}`)}>{t('team.inherited', { name: data.inheritedFrom.name })}</Link>
                ) : (
                  t('team.noneAbove')
                )}
              </Paragraph>
            )}
            {data.can.update && members.data && <TeamForm key={data.members.map((x) => x.userId + x.contact).join()} area={area} team={data} members={members.data} />}
          </>
        )}
      </Loaded>
    </Section>
  );
}
