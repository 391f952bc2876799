import { dutchDate } from '../../platform/document';
import type { ReportSectionDefinition } from '../../platform/report';
import { getCharter, listPartners } from './service';

const TYPE: Record<string, string> = {
  gemeente: 'gemeente',
  corporatie: 'woningcorporatie',
  zorg: 'zorg',
  welzijn: 'welzijn',
  politie: 'politie',
  school: 'school',
  onderwijsinstelling: 'onderwijsinstelling',
  coöperatie: 'coöperatie',
  bewonersgroep: 'bewonersgroep',
  bedrijf: 'bedrijf',
  overig: 'overig',
};

/** Below water: who works together, and the values they signed. Names of persons stay out of the public version. */
export const workspaceReportSections: ReportSectionDefinition[] = [
  {
    id: 'workspaces.partnership',
    order: 20,
    part: 'below',
    title: { nl: 'Samenwerking en gedeelde waarden', en: 'Partnership and shared values' },
    async build(ctx, scope) {
      const [partners, charter] = await Promise.all([listPartners(ctx), getCharter(ctx)]);
      if (!partners.length && !charter.values.length) return [];
      const signedInPeriod = charter.signatories.filter((s) => s.signedOn >= scope.from && s.signedOn <= scope.to);
      return [
        ...(partners.length
          ? [
              { p: `${partners.length} organisaties werken samen in dit programma; ${partners.filter((p) => p.signedCharter).length} van hen ondertekenden het charter.` },
              { table: { head: ['Organisatie', 'Soort', 'Charter getekend'], rows: partners.map((p) => [p.name, TYPE[p.type] ?? p.type, p.signedCharter ? 'ja' : 'nee']) } },
            ]
          : []),
        ...(charter.values.length ? [{ h3: 'Gedeelde waarden' }, { list: charter.values.map((v) => (v.description ? `${v.title}: ${v.description}` : v.title)) }] : []),
        ...(signedInPeriod.length
          ? [
              {
                p: `In deze periode ondertekend door: ${signedInPeriod
                  .map((s) => `${scope.publicOnly ? (s.partnerName ?? 'een deelnemer') : `${s.personName}${s.partnerName ? ` (${s.partnerName})` : ''}`} op ${dutchDate(s.signedOn)}`)
                  .join('; ')}.`,
              },
            ]
          : []),
      ];
    },
  },
];
