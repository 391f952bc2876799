import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { Loaded, Paragraph, Section } from '../../../web/ui';
import { pm, usePlan, type TimelineEntry } from './PlanSection';

const tm = defineMessages(
  {
    'title': 'Tijdlijn',
    'intro': 'Twee jaar begeleiding vanaf de startdatum: de geplande mijlpalen, de contacten, de bereikte doelen en de uitkomsten, op datum. Mijlpalen die nog komen staan er als gepland bij.',
    'caption': 'Tijdlijn van de deelnemer',
    'milestone.intake': 'Intake',
    'milestone.settlement_offer': 'Schikkingsvoorstel aan de schuldeisers',
    'milestone.credit_granted': 'Saneringskrediet verstrekt',
    'milestone.evaluation_6': 'Evaluatie na 6 maanden',
    'milestone.evaluation_12': 'Evaluatie na 12 maanden',
    'milestone.evaluation_18': 'Evaluatie na 18 maanden',
    'milestone.evaluation_24': 'Evaluatie na 24 maanden',
    'milestone.end_of_coaching': 'Einde van de begeleiding',
    'contact': 'Contact: {kind}',
    'goal': 'Doel bereikt: {title} ({domain})',
    'outcome': 'Uitkomsten vastgelegd',
    'planned': '(gepland)',
  },
  {
    'title': 'Timeline',
    'intro': 'Two years of coaching from the start date: the planned milestones, the contacts, the goals reached and the outcomes, by date. Milestones still ahead are marked as planned.',
    'caption': 'Timeline of the participant',
    'milestone.intake': 'Intake',
    'milestone.settlement_offer': 'Settlement offer to the creditors',
    'milestone.credit_granted': 'Settlement credit granted',
    'milestone.evaluation_6': 'Evaluation after 6 months',
    'milestone.evaluation_12': 'Evaluation after 12 months',
    'milestone.evaluation_18': 'Evaluation after 18 months',
    'milestone.evaluation_24': 'Evaluation after 24 months',
    'milestone.end_of_coaching': 'End of coaching',
    'contact': 'Contact: {kind}',
    'goal': 'Goal reached: {title} ({domain})',
    'outcome': 'Outcomes recorded',
    'planned': '(planned)',
  },
);

/** The section "Tijdlijn" on a participant's page: an ordered list, oldest first. */
export function Timeline({ participantId }: { participantId: string }) {
  const t = useT(tm);
  const pt = useT(pm);
  const f = useFormat();
  const plan = usePlan(participantId);
  const label = (e: TimelineEntry) => {
    if (e.kind === 'milestone' && e.milestone) return t(`milestone.${e.milestone}`);
    if (e.kind === 'contact' && e.contactKind) return t('contact', { kind: pt(`kind.${e.contactKind}`) });
    if (e.kind === 'goal_reached' && e.domain) return t('goal', { title: e.title ?? '', domain: pt(`domain.${e.domain}`) });
    return t('outcome');
  };
  return (
    <Section id="yd-timeline" title={t('title')}>
      <Loaded query={plan}>
        {(p) => (
          <>
            <Paragraph>{t('intro')}</Paragraph>
            <ol className="utrecht-ordered-list yd-timeline" aria-label={t('caption')}>
              {p.timeline.map((e, i) => (
                <li className="utrecht-ordered-list__item" key={i}>
                  <strong>{f.date(e.date)}</strong>: {label(e)}
                  {!e.past && ` ${t('planned')}`}
                </li>
              ))}
            </ol>
          </>
        )}
      </Loaded>
    </Section>
  );
}
