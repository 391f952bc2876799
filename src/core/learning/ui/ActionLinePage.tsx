import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, Button, ButtonGroup, DataTable, ListItem, Loaded, PageHeading, Paragraph, Section, SelectField, UnorderedList } from '../../../web/ui';
import { usePagePath } from '../../../web/workspace';
import { m } from './messages';
import { useGet, type Overview } from './shared';
import './learning.css';

/** How one action line learns: its cycles, last decision, open actions, assumptions and learning questions. */
export default function ActionLinePage() {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const navigate = useNavigate();
  const { lineId = '' } = useParams();
  const lines = useGet<List<{ id: string; code: string | null; title: string }>>('ladder/nodes?rung=action_line&limit=500');
  const overview = useGet<Overview>(`learning/overview?actionLineId=${encodeURIComponent(lineId)}`, !!lineId);
  const [chosen, setChosen] = useState(lineId);
  // Choosing does not navigate by itself (WCAG 3.2.2): the button does.
  const show = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) navigate(page(`leren/actielijnen/${chosen}`));
  };
  const options = (lines.data?.items ?? []).map((n) => ({ value: n.id, label: n.code ? `${n.code} ${n.title}` : n.title }));
  return (
    <div className="dichter-wide">
      <BackLink to={page('leren')}>{t('back')}</BackLink>
      <PageHeading title={overview.data?.actionLine?.title ?? t('line.title')} />
      <form onSubmit={show} className="dichter-filters" aria-label={t('line.choose')}>
        <SelectField id="line-choose" label={t('line.choose')} description={t('line.chooseHelp')} value={chosen} onChange={(e) => setChosen(e.target.value)} options={[{ value: '', label: t('line.pick') }, ...options]} />
        <ButtonGroup className="dichter-filters__actions">
          <Button type="submit" appearance="primary">
            {t('line.open')}
          </Button>
        </ButtonGroup>
      </form>
      {lineId && (
        <Loaded query={overview}>
          {(o) => {
            const line = o.actionLine!;
            return (
              <>
                <Section id="line-decision" title={t('line.lastDecision')} appearance={3}>
                  <Paragraph>
                    {line.lastDecision
                      ? t('line.decidedOn', { decision: t(`decision.${line.lastDecision.decision}`), date: f.date(line.lastDecision.createdAt.slice(0, 10)) })
                      : t('line.noDecision')}
                  </Paragraph>
                  {line.lastDecision?.rationale && <Paragraph>{line.lastDecision.rationale}</Paragraph>}
                </Section>
                <Section id="line-cycles" title={t('line.cycles')} appearance={3}>
                  {line.cycles.length === 0 ? (
                    <Paragraph>{t('line.noCycles')}</Paragraph>
                  ) : (
                    <UnorderedList>
                      {line.cycles.map((c) => (
                        <ListItem key={c.id}>{`${c.title} — ${t('cycles.everyWeeks', { weeks: c.cadenceWeeks })}`}</ListItem>
                      ))}
                    </UnorderedList>
                  )}
                </Section>
                <Section id="line-actions" title={t('line.actions')} appearance={3}>
                  {line.openActions.length === 0 ? (
                    <Paragraph>{t('line.noActions')}</Paragraph>
                  ) : (
                    <DataTable
                      caption={t('line.actions')}
                      captionHidden
                      rows={line.openActions}
                      rowKey={(a) => a.id}
                      columns={[
                        { header: t('line.what'), rowHeader: true, cell: (a) => a.what },
                        { header: t('line.who'), cell: (a) => a.whoName },
                        { header: t('line.due'), cell: (a) => <span className={a.overdue ? 'learning-due' : undefined}>{f.date(a.dueOn)}</span> },
                      ]}
                    />
                  )}
                </Section>
                <Section id="line-assumptions" title={t('line.assumptions')} appearance={3}>
                  {line.assumptions.length === 0 ? (
                    <Paragraph>{t('line.noAssumptions')}</Paragraph>
                  ) : (
                    <UnorderedList>
                      {line.assumptions.map((a) => (
                        <ListItem key={a.id}>{`${a.text} — ${t(`assumption.${a.status}`)}`}</ListItem>
                      ))}
                    </UnorderedList>
                  )}
                </Section>
                <Section id="line-questions" title={t('line.questions')} appearance={3}>
                  {line.questions.length === 0 ? (
                    <Paragraph>{t('line.noQuestions')}</Paragraph>
                  ) : (
                    <UnorderedList>
                      {line.questions.map((q) => (
                        <ListItem key={q.id}>
                          {`${q.text} — ${t(`question.${q.status}`)}`}
                          {q.longOpen && <span className="learning-due">{` · ${t('line.longOpen', { days: q.daysOpen })}`}</span>}
                        </ListItem>
                      ))}
                    </UnorderedList>
                  )}
                </Section>
              </>
            );
          }}
        </Loaded>
      )}
    </div>
  );
}
