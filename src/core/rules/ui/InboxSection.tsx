import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { Button, focusSoon, Heading, Link, Paragraph, Section } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { ruleKeys, StatusBadge, type InboxItem } from './shared';
import './rules.css';

const REASONS = ['approve', 'owner', 'outcome'] as const;
const SHOWN = 5;

/** One group of the section, its first few items and the rest behind a button. */
function Group({ reason, items }: { reason: (typeof REASONS)[number]; items: InboxItem[] }) {
  const t = useT(m);
  const [all, setAll] = useState(false);
  const id = `rules-inbox-${reason}`;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section className="dichter-subsection" aria-labelledby={id}>
      <Heading level={3} appearance={4} id={id}>
        {t(`inbox.${reason}`)} ({items.length})
      </Heading>
      <ul className="rules-cards" aria-labelledby={id}>
        {shown.map((i) => (
          <Item key={`${reason}:${i.deviation.id}`} item={i} />
        ))}
      </ul>
      {items.length > shown.length && (
        <Button
          onClick={() => {
            setAll(true);
            const next = items[SHOWN].deviation;
            focusSoon(() => document.querySelector<HTMLElement>(`#${id} ~ ul a[href$="/afwijkingen/${next.id}"]`));
          }}
        >
          {t('inbox.showAll', { count: items.length })}
        </Button>
      )}
    </section>
  );
}

function Item({ item }: { item: InboxItem }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const d = item.deviation;
  return (
    <li className={d.status === 'wacht_op_akkoord' ? 'rules-card rules-card--pending' : 'rules-card'}>
      <Heading level={4} appearance={5} className="rules-card__title">
        <Link to={page(`regels/${d.ruleId}/afwijkingen/${d.id}`)}>
          <span className="rules-code">{d.ruleCode}</span> {d.ruleTitle}
        </Link>
      </Heading>
      <p className="nl-paragraph rules-badges">
        <span>{t('deviations.on', { date: f.date(d.occurredOn) })}</span> <StatusBadge status={d.status} />
      </p>
      <p className="nl-paragraph dichter-small">
        {[d.areaName, t('deviations.by', { name: d.reporterName }), item.reason === 'outcome' ? t('inbox.outcomeDue', { date: f.date(d.followUpOn) }) : null].filter(Boolean).join(' · ')}
      </p>
      <p className="nl-paragraph dichter-small">{d.explanation.length > 200 ? `${d.explanation.slice(0, 200)}…` : d.explanation}</p>
    </li>
  );
}

/**
 * The rule register's part of the member's inbox: deviations to decide on, new deviations of
 * rules they own, and outcomes they still owe. Renders nothing when nothing waits.
 */
export default function InboxSection() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const inbox = useQuery({
    queryKey: ruleKeys.inbox(workspace.slug),
    queryFn: () => api.get<{ items: InboxItem[]; total: number }>(wsPath(workspace.slug, 'rules/inbox')),
  });
  if (!inbox.data || inbox.data.total === 0) return null;
  const items = inbox.data.items;
  return (
    <Section id="rules-inbox" title={t('inbox.title')}>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      {REASONS.map((reason) => {
        // Decisions and outcomes: what waits longest first; new deviations on my rules: newest first.
        const group = items
          .filter((i) => i.reason === reason)
          .sort((a, b) =>
            reason === 'owner'
              ? b.deviation.createdAt.localeCompare(a.deviation.createdAt)
              : reason === 'outcome'
                ? a.deviation.followUpOn.localeCompare(b.deviation.followUpOn)
                : a.deviation.createdAt.localeCompare(b.deviation.createdAt),
          );
        if (!group.length) return null;
        return <Group key={reason} reason={reason} items={group} />;
      })}
    </Section>
  );
}
