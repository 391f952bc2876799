import type { Locale } from '../../platform/errors';

export interface ChainElement {
  id: string;
  kind: string;
  title: string;
}
export interface ChainLink {
  id: string;
  fromElementId: string;
  toElementId: string;
}
export interface ChainAssumption {
  linkId: string;
  text: string;
  status: string;
}

const KIND_LABEL: Record<Locale, Record<string, string>> = {
  nl: { activity: 'Activiteit', output: 'Resultaat', outcome: 'Effect', impact: 'Maatschappelijke impact' },
  en: { activity: 'Activity', output: 'Output', outcome: 'Outcome', impact: 'Impact' },
};
const STATUS_LABEL: Record<Locale, Record<string, string>> = {
  nl: { untested: 'nog niet getoetst', holds: 'houdt stand', doubtful: 'twijfelachtig', refuted: 'weerlegd' },
  en: { untested: 'untested', holds: 'holds', doubtful: 'doubtful', refuted: 'refuted' },
};
const WORDS = { nl: { assumption: 'aanname', alone: 'nog niet verbonden' }, en: { assumption: 'assumption', alone: 'not linked yet' } };

/**
 * The theory of change as text, one line per chain from a starting element (nothing leads to
 * it) to an end (it leads nowhere), with the assumptions on each step and their status: the
 * text alternative of the diagram. Cycles are cut where a chain would revisit an element.
 */
export function theoryChains(elements: ChainElement[], links: ChainLink[], assumptions: ChainAssumption[], locale: Locale = 'nl', maxChains = 200): string[] {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const out = new Map<string, ChainLink[]>();
  const hasIncoming = new Set<string>();
  for (const l of links) {
    if (!byId.has(l.fromElementId) || !byId.has(l.toElementId)) continue;
    out.set(l.fromElementId, [...(out.get(l.fromElementId) ?? []), l]);
    hasIncoming.add(l.toElementId);
  }
  const assumptionsOf = new Map<string, ChainAssumption[]>();
  for (const a of assumptions) assumptionsOf.set(a.linkId, [...(assumptionsOf.get(a.linkId) ?? []), a]);
  const label = (e: ChainElement) => `${KIND_LABEL[locale][e.kind] ?? e.kind}: ${e.title}`;
  const step = (l: ChainLink) => {
    const list = assumptionsOf.get(l.id) ?? [];
    return list.length ? ` → [${list.map((a) => `${WORDS[locale].assumption}: ${a.text} (${STATUS_LABEL[locale][a.status] ?? a.status})`).join('; ')}] → ` : ' → ';
  };

  const chains: string[] = [];
  const walk = (id: string, text: string, seen: Set<string>) => {
    if (chains.length >= maxChains) return;
    const next = (out.get(id) ?? []).filter((l) => !seen.has(l.toElementId));
    if (next.length === 0) return void chains.push(text);
    for (const l of next) walk(l.toElementId, text + step(l) + label(byId.get(l.toElementId)!), new Set([...seen, l.toElementId]));
  };
  const starts = elements.filter((e) => !hasIncoming.has(e.id));
  // A theory that is one big cycle has no start: begin at its first element.
  for (const e of starts.length ? starts : elements.slice(0, 1)) {
    if (!out.has(e.id) && !hasIncoming.has(e.id)) chains.push(`${label(e)} (${WORDS[locale].alone})`);
    else walk(e.id, label(e), new Set([e.id]));
  }
  return chains;
}
