import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import {
  BackLink,
  Button,
  ButtonGroup,
  DataTable,
  EmptyState,
  focusSoon,
  Heading,
  Link,
  ListItem,
  Loaded,
  PageHeading,
  Paragraph,
  Section,
  SelectField,
  UnorderedList,
  useDraft,
} from '../../../web/ui';
import { usePagePath } from '../../../web/workspace';
import { m } from './messages';
import { useGet, type Comparison, type Cycle, type CycleSummary, type Question } from './shared';
import './learning.css';

type AgendaQuestion = Comparison['added'][number];
const isUuid = (v: string | null) => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The two versions to compare, as selects; applied to the URL so a comparison can be shared. */
function CompareForm({ versions, from, to, onApply }: { versions: { value: string; label: string }[]; from: string; to: string; onApply(from: string, to: string): void }) {
  const t = useT(m);
  const [draft, setDraft] = useDraft({ from, to });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft.from, draft.to);
  };
  return (
    <form onSubmit={submit} noValidate className="dichter-filters" aria-label={t('agendaPage.compare')}>
      <SelectField id="agenda-from" label={t('agendaPage.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} options={versions} />
      <SelectField id="agenda-to" label={t('agendaPage.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} options={versions} />
      <ButtonGroup className="dichter-filters__actions">
        <Button type="submit" appearance="primary">
          {t('agendaPage.compare')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function QuestionLine({ q }: { q: AgendaQuestion }) {
  const t = useT(m);
  return (
    <ListItem>
      {q.text}
      <span className="dichter-small">{` — ${t(`question.${q.status}`)}${q.provisionalAnswer ? `; ${t('agenda.answer', { answer: q.provisionalAnswer })}` : ''}`}</span>
    </ListItem>
  );
}

function ComparisonView({ from, to, labelOf }: { from: string; to: string; labelOf(id: string): string }) {
  const t = useT(m);
  const comparison = useGet<Comparison>(`learning/agenda/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  const fieldName = (field: string) => (['text', 'status', 'provisionalAnswer', 'ladderNodeId'].includes(field) ? t(`agendaPage.field.${field as 'text'}`) : field);
  return (
    <Loaded query={comparison}>
      {(c) => (
        <div className="learning-comparison">
          <Paragraph>
            {t('agendaPage.summary', { from: labelOf(from), to: labelOf(to), added: c.added.length, removed: c.removed.length, changed: c.changed.length, unchanged: c.unchanged })}
          </Paragraph>
          <Heading level={3} appearance={4}>{t('agendaPage.added')}</Heading>
          {c.added.length === 0 ? <Paragraph small>{t('agendaPage.noneAdded')}</Paragraph> : <UnorderedList>{c.added.map((q) => <QuestionLine key={q.id} q={q} />)}</UnorderedList>}
          <Heading level={3} appearance={4}>{t('agendaPage.removed')}</Heading>
          {c.removed.length === 0 ? <Paragraph small>{t('agendaPage.noneRemoved')}</Paragraph> : <UnorderedList>{c.removed.map((q) => <QuestionLine key={q.id} q={q} />)}</UnorderedList>}
          <Heading level={3} appearance={4}>{t('agendaPage.changed')}</Heading>
          {c.changed.length === 0 ? (
            <Paragraph small>{t('agendaPage.noneChanged')}</Paragraph>
          ) : (
            <UnorderedList>
              {c.changed.map((x) => (
                <ListItem key={x.id}>
                  {x.after.text}
                  <span className="dichter-small">{` — ${t('agendaPage.changedFields', { fields: x.fields.map(fieldName).join(', ') })}`}</span>
                  <dl className="learning-change">
                    {x.fields.includes('status') && (
                      <div>
                        <dt>{t('agendaPage.field.status')}</dt>
                        <dd>{t('agendaPage.fromTo', { before: t(`question.${x.before.status}`), after: t(`question.${x.after.status}`) })}</dd>
                      </div>
                    )}
                    {x.fields.includes('provisionalAnswer') && (
                      <div>
                        <dt>{t('agendaPage.field.provisionalAnswer')}</dt>
                        <dd>{t('agendaPage.fromTo', { before: x.before.provisionalAnswer ?? t('agendaPage.noAnswer'), after: x.after.provisionalAnswer ?? t('agendaPage.noAnswer') })}</dd>
                      </div>
                    )}
                    {x.fields.includes('text') && (
                      <div>
                        <dt>{t('agendaPage.field.text')}</dt>
                        <dd>{t('agendaPage.fromTo', { before: x.before.text, after: x.after.text })}</dd>
                      </div>
                    )}
                  </dl>
                </ListItem>
              ))}
            </UnorderedList>
          )}
        </div>
      )}
    </Loaded>
  );
}

function CycleAgenda({ cycleId }: { cycleId: string }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const cycle = useGet<Cycle>(`learning/cycles/${encodeURIComponent(cycleId)}`);
  const questions = useGet<List<Question>>(`learning/questions?cycleId=${encodeURIComponent(cycleId)}&limit=200`);
  return (
    <>
      <Section id="agenda-now" title={t('agendaPage.now')} appearance={3}>
        <Loaded
          query={questions}
          isEmpty={(q) => q.items.length === 0}
          empty={
            <EmptyState title={t('agendaPage.empty')}>
              <Paragraph>{t('agendaPage.emptyHelp')}</Paragraph>
            </EmptyState>
          }
        >
          {(q) => (
            <DataTable
              caption={t('agendaPage.nowCaption')}
              captionHidden
              rows={q.items}
              rowKey={(x) => x.id}
              columns={[
                { header: t('agendaPage.question'), rowHeader: true, cell: (x) => x.text },
                {
                  header: t('agendaPage.status'),
                  cell: (x) => (
                    <>
                      {t(`question.${x.status}`)}
                      {x.longOpen && x.status === 'open' && <span className="learning-flag">{t('agendaPage.longOpen', { days: x.daysOpen })}</span>}
                    </>
                  ),
                },
                { header: t('agendaPage.answer'), cell: (x) => x.provisionalAnswer ?? <span className="dichter-small">{t('agendaPage.noAnswerYet')}</span> },
                { header: t('agendaPage.source'), cell: (x) => x.source || '—' },
                { header: t('agendaPage.opened'), cell: (x) => f.date(x.openedOn) },
              ]}
            />
          )}
        </Loaded>
      </Section>
      <Section id="agenda-versions" title={t('agendaPage.versions')} appearance={3}>
        <Loaded query={cycle}>
          {(c) => {
            // Every held session keeps the agenda as it stood: version 1 is the first held session.
            const held = c.sessionList.filter((s) => s.status === 'held').sort((a, b) => a.date.localeCompare(b.date));
            const label = (id: string) => {
              const i = held.findIndex((s) => s.id === id);
              return i < 0 ? '' : t('agendaPage.version', { n: i + 1, date: f.date(held[i].date) });
            };
            if (held.length < 2)
              return (
                <EmptyState title={t('agendaPage.fewVersions')}>
                  <Paragraph>{t('agendaPage.fewVersionsHelp')}</Paragraph>
                </EmptyState>
              );
            const from = held.some((s) => s.id === params.get('van')) ? params.get('van')! : held[0].id;
            const to = held.some((s) => s.id === params.get('tot')) ? params.get('tot')! : held[held.length - 1].id;
            return (
              <>
                <Paragraph>{t('agendaPage.versionsIntro')}</Paragraph>
                <UnorderedList>
                  {held.map((s) => (
                    <ListItem key={s.id}>
                      <Link to={page(`leren/sessies/${s.id}`)}>{label(s.id)}</Link>
                      {` — ${s.title}`}
                    </ListItem>
                  ))}
                </UnorderedList>
                <CompareForm
                  versions={held.map((s) => ({ value: s.id, label: label(s.id) }))}
                  from={from}
                  to={to}
                  onApply={(a, b) => {
                    const next = new URLSearchParams(params);
                    next.set('van', a);
                    next.set('tot', b);
                    setParams(next, { replace: true });
                    focusSoon('agenda-comparison');
                  }}
                />
                <Heading level={3} appearance={4} id="agenda-comparison">
                  {t('agendaPage.comparison', { from: label(from), to: label(to) })}
                </Heading>
                {from === to ? <Paragraph>{t('agendaPage.same')}</Paragraph> : <ComparisonView from={from} to={to} labelOf={label} />}
              </>
            );
          }}
        </Loaded>
      </Section>
    </>
  );
}

/** The dynamic learning agenda of a cycle: the questions as they stand, and two kept versions compared. */
export default function AgendaPage() {
  const t = useT(m);
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const cycles = useGet<List<CycleSummary>>('learning/cycles?limit=100');
  return (
    <div className="dichter-wide">
      <BackLink to={page('leren')}>{t('back')}</BackLink>
      <PageHeading title={t('agendaPage.title')} />
      <Paragraph lead>{t('agendaPage.intro')}</Paragraph>
      <Loaded
        query={cycles}
        isEmpty={(c) => c.items.length === 0}
        empty={
          <EmptyState title={t('cycles.empty')}>
            <Paragraph>{t('cycles.emptyHelp')}</Paragraph>
          </EmptyState>
        }
      >
        {(c) => {
          // The cycle with the most sessions first: that is where the agenda has a history.
          const sorted = [...c.items].sort((a, b) => b.sessions - a.sessions);
          const wanted = params.get('cyclus');
          const cycleId = isUuid(wanted) && sorted.some((x) => x.id === wanted) ? wanted! : sorted[0].id;
          return (
            <>
              {sorted.length > 1 && (
                <SelectField
                  id="agenda-cycle"
                  label={t('agendaPage.cycle')}
                  value={cycleId}
                  onChange={(e) => setParams(new URLSearchParams({ cyclus: e.target.value }), { replace: true })}
                  options={sorted.map((x) => ({ value: x.id, label: x.title }))}
                />
              )}
              <CycleAgenda key={cycleId} cycleId={cycleId} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
