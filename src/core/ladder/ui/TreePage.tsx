import { useMemo, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { Button, ButtonGroup, ButtonLink, EmptyState, ExternalLink, Link, ListItem, Loaded, Loading, PageHeading, Paragraph, SelectField, UnorderedList, useDraft } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { LadderTree } from './LadderTree';
import { m } from './messages';
import { PHASE_LIST, treeQuery, useLabels, useLookups, useTree, type TreeView } from './shared';
import { hasFilter, indexLadder, keysToOpen, type TreeFilter } from './tree';

import './ladder.css';

const PARAMS = { gebied: 'areaId', trekker: 'ownerPartnerId', partner: 'partnerId', fase: 'phase' } as const;
type ParamName = keyof typeof PARAMS;

function Filters({ values, onApply }: { values: Record<ParamName, string>; onApply(next: Record<ParamName, string>): void }) {
  const t = useT(m);
  const labels = useLabels();
  const lookups = useLookups();
  const [draft, setDraft] = useDraft(values);
  const partners = (lookups.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }));
  const areas = (lookups.data?.areas ?? []).map((a) => ({ value: a.id, label: a.code ? `${a.name} (${a.code})` : a.name }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const set = (name: ParamName) => (e: React.ChangeEvent<HTMLSelectElement>) => setDraft({ ...draft, [name]: e.target.value });
  return (
    <form className="dichter-filters" onSubmit={submit} aria-label={t('filter.title')}>
      <SelectField id="filter-area" label={t('filter.area')} value={draft.gebied} onChange={set('gebied')} options={[{ value: '', label: t('filter.allAreas') }, ...areas]} />
      <SelectField id="filter-owner" label={t('filter.owner')} value={draft.trekker} onChange={set('trekker')} options={[{ value: '', label: t('filter.anyOwner') }, ...partners]} />
      <SelectField id="filter-partner" label={t('filter.partner')} value={draft.partner} onChange={set('partner')} options={[{ value: '', label: t('filter.anyPartner') }, ...partners]} />
      <SelectField
        id="filter-phase"
        label={t('filter.phase')}
        value={draft.fase}
        onChange={set('fase')}
        options={[{ value: '', label: t('filter.anyPhase') }, ...PHASE_LIST.map((p) => ({ value: p, label: labels.phase(p) }))]}
      />
      <div className="dichter-filters__actions">
        <Button type="submit" appearance="secondary">
          {t('filter.submit')}
        </Button>
        <Button appearance="subtle" onClick={() => onApply({ gebied: '', trekker: '', partner: '', fase: '' })}>
          {t('filter.reset')}
        </Button>
      </div>
    </form>
  );
}

function Tree({ data, filter }: { data: TreeView; filter: TreeFilter }) {
  const t = useT(m);
  const f = useFormat();
  const page = usePagePath();
  const navigate = useNavigate();
  const { workspace } = useWorkspace();
  const index = useMemo(() => indexLadder(data.nodes), [data.nodes]);
  const filtered = hasFilter(filter);
  // A filtered ladder opens where the matches are; the whole ladder starts folded.
  const initialExpanded = useMemo(() => (filtered ? keysToOpen(index, 400, 20) : new Set<string>()), [index, filtered]);
  const hrefOf = (n: { id: string }) => page(`ladder/knoop/${n.id}`);
  return (
    <>
      <p className="nl-paragraph" role="status">
        {filtered ? t('tree.matches', { count: f.number(data.matched ?? 0) }) : t('tree.count', { count: f.number(data.total) })}
      </p>
      {filtered && data.matched === 0 ? (
        <EmptyState title={t('tree.noMatchTitle')}>
          <Paragraph>{t('tree.noMatch')}</Paragraph>
        </EmptyState>
      ) : (
        <>
          <Paragraph small id="tree-help">
            {t('tree.help')}
          </Paragraph>
          <LadderTree
            index={index}
            initialExpanded={initialExpanded}
            label={t('tree.label')}
            childrenQuery={(parentId) => treeQuery(workspace.slug, { ...filter, parentId })}
            hrefOf={hrefOf}
            onOpen={(n) => navigate(hrefOf(n))}
          />
        </>
      )}
    </>
  );
}

export default function TreePage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const [params, setParams] = useSearchParams();
  const values = { gebied: params.get('gebied') ?? '', trekker: params.get('trekker') ?? '', partner: params.get('partner') ?? '', fase: params.get('fase') ?? '' };
  const key = JSON.stringify(values);
  const filter = useMemo<TreeFilter>(() => {
    const out: TreeFilter = {};
    for (const [name, field] of Object.entries(PARAMS)) if (values[name as ParamName]) out[field] = values[name as ParamName];
    return out;
    // `key` stands for the values.
  }, [key]);
  const tree = useTree(filter);
  const apply = (next: Record<ParamName, string>) => {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) p.set(name, value);
    setParams(p);
  };
  const exportHref = (format: string) => wsPath(workspace.slug, `ladder/export?format=${format}`);
  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      <Loaded query={tree}>
        {(data) => (
          <>
            <ButtonGroup>
              {data.can.manage && (
                <ButtonLink appearance="primary" to={page('ladder/nieuw')}>
                  {t('action.add')}
                </ButtonLink>
              )}
              {data.can.import && <ButtonLink to={page('ladder/importeren')}>{t('action.import')}</ButtonLink>}
              <ButtonLink to={page('ladder/controle')}>{t('action.check')}</ButtonLink>
            </ButtonGroup>
            <Paragraph small>
              {t('action.export')}{' '}
              <ExternalLink href={exportHref('csv')} download>
                CSV
              </ExternalLink>
              {' · '}
              <ExternalLink href={exportHref('xlsx')} download>
                Excel (XLSX)
              </ExternalLink>
              {' · '}
              <ExternalLink href={exportHref('json')} download>
                JSON
              </ExternalLink>
              {' · '}
              <Link to={`/openbaar/${workspace.slug}`}>{t('action.public')}</Link>
            </Paragraph>
            {data.total === 0 ? (
              <EmptyState title={t('empty.title')}>
                <Paragraph>{t('empty.body')}</Paragraph>
                <UnorderedList>
                  {data.can.manage && (
                    <ListItem>
                      <Link to={page('ladder/nieuw?trede=value')}>{t('empty.addValue')}</Link>
                    </ListItem>
                  )}
                  {data.can.import && (
                    <ListItem>
                      <Link to={page('ladder/importeren')}>{t('empty.import')}</Link>
                    </ListItem>
                  )}
                </UnorderedList>
              </EmptyState>
            ) : (
              <>
                <Filters values={values} onApply={apply} />
                {/* While another filter's answer loads, the previous one stays in `data`: show that it loads instead. */}
                {tree.isPlaceholderData ? <Loading /> : <Tree data={data} filter={filter} />}
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
