import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api, wsPath } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, Form, Loaded, PageHeading, Paragraph, SelectField, SubmitButton, TextAreaField, TextField, useFormSubmit, useNotify, type FieldRef } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import {
  CheckList,
  Choices,
  DOMAINS,
  isNotFound,
  KINDS,
  LEVELS,
  MANDATES,
  nodeLabel,
  ruleKeys,
  useAreas,
  useLabels,
  useLadderNodes,
  useMembers,
  usePartners,
  useRule,
  type Area,
  type Domain,
  type Kind,
  type Level,
  type Mandate,
  type RuleView,
} from './shared';
import './rules.css';

interface Draft {
  code: string;
  title: string;
  kind: Kind | '';
  level: Level | '';
  domain: Domain | '';
  intent: string;
  ownerUserId: string;
  ownerPartnerId: string;
  sourceUrl: string;
  validFrom: string;
  validTo: string;
  mandate: Mandate;
  approverUserIds: string[];
  areaIds: string[];
  ladderNodeIds: string[];
}

const EMPTY: Draft = {
  code: '',
  title: '',
  kind: '',
  level: '',
  domain: '',
  intent: '',
  ownerUserId: '',
  ownerPartnerId: '',
  sourceUrl: '',
  validFrom: '',
  validTo: '',
  mandate: 'explain_afterwards',
  approverUserIds: [],
  areaIds: [],
  ladderNodeIds: [],
};

const draftOf = (r: RuleView): Draft => ({
  code: r.code,
  title: r.title,
  kind: r.kind,
  level: r.level,
  domain: r.domain,
  intent: r.intent,
  ownerUserId: r.ownerUserId ?? '',
  ownerPartnerId: r.ownerPartnerId ?? '',
  sourceUrl: r.sourceUrl ?? '',
  validFrom: r.validFrom ?? '',
  validTo: r.validTo ?? '',
  mandate: r.mandate,
  approverUserIds: r.approvers.map((a) => a.userId),
  areaIds: r.areas.map((a) => a.id),
  ladderNodeIds: r.ladderNodes.map((n) => n.id),
});

const AREA_ORDER = ['gemeente', 'wijk', 'buurt', 'gebied', 'complex', 'straat'];

/** The areas to choose from: those of the newest division, and any chosen before from an older one. */
function areaOptions(all: Area[], chosen: string[]) {
  const year = all.length ? Math.max(...all.map((a) => a.year)) : 0;
  return all
    .filter((a) => a.year === year || chosen.includes(a.id))
    .sort((a, b) => AREA_ORDER.indexOf(a.kind) - AREA_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'nl', { numeric: true }))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.kind}${a.year !== year ? ` ${a.year}` : ''})` }));
}

function RuleForm({ rule, onSaved }: { rule?: RuleView; onSaved(saved: RuleView): void }) {
  const t = useT(m);
  const labels = useLabels();
  const { workspace } = useWorkspace();
  const members = useMembers();
  const partners = usePartners();
  const areas = useAreas();
  const nodes = useLadderNodes();
  const [d, setD] = useState<Draft>(rule ? draftOf(rule) : EMPTY);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));

  const fields = useMemo(() => {
    const out: Record<string, FieldRef> = {
      code: { id: 'rule-code', label: t('field.code') },
      title: { id: 'rule-title', label: t('field.title') },
      kind: { id: 'rule-kind', label: t('field.kind') },
      level: { id: 'rule-level', label: t('field.level') },
      domain: { id: 'rule-domain', label: t('field.domain') },
      intent: { id: 'rule-intent', label: t('field.intent') },
      ownerUserId: { id: 'rule-owner', label: t('field.owner') },
      ownerPartnerId: { id: 'rule-partner', label: t('field.ownerPartner') },
      sourceUrl: { id: 'rule-source', label: t('field.sourceUrl') },
      validFrom: { id: 'rule-valid-from', label: t('field.validFrom') },
      validTo: { id: 'rule-valid-to', label: t('field.validTo') },
      mandate: { id: `rule-mandate-${MANDATES[0]}`, label: t('field.mandate') },
      approverUserIds: { id: 'rule-approvers', label: t('field.approvers') },
      areaIds: { id: 'rule-areas', label: t('field.areas') },
      ladderNodeIds: { id: 'rule-nodes', label: t('field.nodes') },
    };
    for (const list of ['approverUserIds', 'areaIds', 'ladderNodeIds'] as const) for (let i = 0; i < d[list].length; i++) out[`${list}.${i}`] = out[list];
    return out;
  }, [t, d.approverUserIds.length, d.areaIds.length, d.ladderNodeIds.length]);

  const form = useFormSubmit({
    fields,
    send: () => {
      const body = {
        code: d.code,
        title: d.title,
        kind: d.kind || undefined,
        level: d.level || undefined,
        domain: d.domain || undefined,
        intent: d.intent,
        ownerUserId: d.ownerUserId || null,
        ownerPartnerId: d.ownerPartnerId || null,
        sourceUrl: d.sourceUrl.trim() || null,
        validFrom: d.validFrom || null,
        validTo: d.validTo || null,
        mandate: d.mandate,
        approverUserIds: d.mandate === 'ask_first' ? d.approverUserIds : [],
        areaIds: d.areaIds,
        ladderNodeIds: d.ladderNodeIds,
      };
      return rule ? api.patch<RuleView>(wsPath(workspace.slug, `rules/${rule.id}`), body) : api.post<RuleView>(wsPath(workspace.slug, 'rules'), body);
    },
    onSaved,
  });
  const listError = (path: string) => form.fieldError(path) ?? d[path as 'areaIds'].map((_, i) => form.fieldError(`${path}.${i}`)).find(Boolean);
  const memberOptions = (members.data ?? []).map((x) => ({ value: x.userId, label: x.name }));

  return (
    <Form form={form}>
      <TextField id="rule-code" label={t('field.code')} description={t('field.codeHelp')} value={d.code} maxLength={60} autoComplete="off" onChange={(e) => set('code', e.target.value)} error={form.fieldError('code')} className="dichter-input-short rules-code" />
      <TextField id="rule-title" label={t('field.title')} description={t('field.titleHelp')} value={d.title} maxLength={300} autoComplete="off" onChange={(e) => set('title', e.target.value)} error={form.fieldError('title')} />
      <SelectField
        id="rule-kind"
        label={t('field.kind')}
        value={d.kind}
        onChange={(e) => set('kind', e.target.value as Kind)}
        error={form.fieldError('kind')}
        options={[{ value: '', label: t('field.choose') }, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
      />
      <SelectField
        id="rule-level"
        label={t('field.level')}
        description={t('field.levelHelp')}
        value={d.level}
        onChange={(e) => set('level', e.target.value as Level)}
        error={form.fieldError('level')}
        options={[{ value: '', label: t('field.choose') }, ...LEVELS.map((l) => ({ value: l, label: labels.level(l) }))]}
      />
      <SelectField
        id="rule-domain"
        label={t('field.domain')}
        value={d.domain}
        onChange={(e) => set('domain', e.target.value as Domain)}
        error={form.fieldError('domain')}
        options={[{ value: '', label: t('field.choose') }, ...DOMAINS.map((x) => ({ value: x, label: labels.domain(x) }))]}
      />
      <TextAreaField id="rule-intent" label={t('field.intent')} description={t('field.intentHelp')} rows={5} maxLength={4000} value={d.intent} onChange={(e) => set('intent', e.target.value)} error={form.fieldError('intent')} />
      <SelectField
        id="rule-owner"
        label={t('field.owner')}
        description={t('field.ownerHelp')}
        optional
        value={d.ownerUserId}
        onChange={(e) => set('ownerUserId', e.target.value)}
        error={form.fieldError('ownerUserId')}
        options={[{ value: '', label: members.isPending ? t('field.loading') : t('field.noOwner') }, ...memberOptions]}
      />
      <SelectField
        id="rule-partner"
        label={t('field.ownerPartner')}
        description={t('field.ownerPartnerHelp')}
        optional
        value={d.ownerPartnerId}
        onChange={(e) => set('ownerPartnerId', e.target.value)}
        error={form.fieldError('ownerPartnerId')}
        options={[{ value: '', label: partners.isPending ? t('field.loading') : t('field.noPartner') }, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextField
        id="rule-source"
        type="url"
        inputMode="url"
        label={t('field.sourceUrl')}
        description={t('field.sourceUrlHelp')}
        optional
        value={d.sourceUrl}
        maxLength={1000}
        autoComplete="off"
        onChange={(e) => set('sourceUrl', e.target.value)}
        error={form.fieldError('sourceUrl')}
      />
      <TextField id="rule-valid-from" type="date" className="dichter-input-date" label={t('field.validFrom')} description={t('field.validHelp')} optional value={d.validFrom} onChange={(e) => set('validFrom', e.target.value)} error={form.fieldError('validFrom')} />
      <TextField id="rule-valid-to" type="date" className="dichter-input-date" label={t('field.validTo')} optional value={d.validTo} onChange={(e) => set('validTo', e.target.value)} error={form.fieldError('validTo')} />
      <Choices
        name="rule-mandate"
        legend={t('field.mandate')}
        value={d.mandate}
        onChange={(v) => set('mandate', v)}
        error={form.fieldError('mandate')}
        choices={MANDATES.map((x) => ({ value: x, label: labels.mandate(x), hint: t(`mandateHint.${x}`) }))}
      />
      {d.mandate === 'ask_first' && (
        <CheckList
          id="rule-approvers"
          legend={t('field.approvers')}
          description={t('field.approversHelp')}
          options={memberOptions}
          value={d.approverUserIds}
          onChange={(v) => set('approverUserIds', v)}
          error={listError('approverUserIds')}
          loading={members.isPending}
        />
      )}
      <CheckList
        id="rule-areas"
        legend={t('field.areas')}
        description={t('field.areasHelp')}
        options={areaOptions(areas.data ?? [], d.areaIds)}
        value={d.areaIds}
        onChange={(v) => set('areaIds', v)}
        error={listError('areaIds')}
        loading={areas.isPending}
      />
      <CheckList
        id="rule-nodes"
        legend={t('field.nodes')}
        description={t('field.nodesHelp')}
        options={(nodes.data ?? []).map((n) => ({ value: n.id, label: `${labels.rung(n.rung)}: ${nodeLabel(n)}` }))}
        value={d.ladderNodeIds}
        onChange={(v) => set('ladderNodeIds', v)}
        error={listError('ladderNodeIds')}
        loading={nodes.isPending}
      />
      <div className="rules-submit">
        <SubmitButton busy={form.busy}>{rule ? t('edit.submit') : t('new.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

/** Adding a rule (`regels/nieuw`) or changing one (`regels/:ruleId/wijzigen`). */
export default function RuleFormPage() {
  const t = useT(m);
  const { ruleId } = useParams();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const rule = useRule(ruleId ?? '');
  const saved = (notice: (r: RuleView) => string) => (r: RuleView) => {
    client.setQueryData(ruleKeys.one(workspace.slug, r.id), r);
    notify(notice(r), page(`regels/${r.id}`));
    void refreshAfterWrite(client, { queryKey: ruleKeys.all(workspace.slug) });
  };
  if (!ruleId) {
    return (
      <div className="dichter-narrow">
        <BackLink to={page('regels')}>{t('back.register')}</BackLink>
        <PageHeading title={t('new.title')} />
        <Paragraph>{t('new.intro')}</Paragraph>
        <RuleForm onSaved={saved((r) => t('new.done', { code: r.code }))} />
      </div>
    );
  }
  if (rule.isError && isNotFound(rule.error)) return <NotFoundPage />;
  if (rule.data && !rule.data.can.update) return <NotFoundPage />;
  return (
    <div className="dichter-narrow">
      <BackLink to={page(`regels/${ruleId}`)}>{t('back.rule')}</BackLink>
      <Loaded query={rule}>
        {(r) => (
          <>
            <PageHeading title={t('edit.title', { code: r.code })} />
            <Paragraph>{t('edit.intro')}</Paragraph>
            <RuleForm rule={r} onSaved={saved((x) => t('edit.done', { code: x.code }))} />
          </>
        )}
      </Loaded>
    </div>
  );
}
