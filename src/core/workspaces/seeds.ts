import { setPassword } from '../../platform/auth/service';
import type { ServiceContext } from '../../platform/context';
import { DEMO } from '../../platform/demo';
import type { DemoContext } from '../../platform/module';
import * as repo from './repository';
import * as service from './service';
import type { Role } from './schema';

/** Fictional, written for dichter: a neighbourhood programme in Amsterdam Nieuw-West. */
const PARTNERS = [
  { name: 'Gemeente Amsterdam, stadsdeel Nieuw-West', type: 'gemeente', description: 'Gebiedsteam Geuzenveld-Slotermeer; trekker van het programma.' },
  { name: 'Woonstichting Tuinstad West', type: 'corporatie', description: 'Verhuurt ruim 9.000 sociale huurwoningen in de tuinsteden. (fictief)' },
  { name: 'Buurtteam Nieuw-West', type: 'welzijn', description: 'Ondersteuning bij geld, wonen, opvoeden en gezondheid; één loket per buurt.' },
  { name: 'Gezondheidscentrum Slotermeer', type: 'zorg', description: 'Huisartsen, praktijkondersteuners en wijkverpleging onder één dak. (fictief)' },
  { name: 'Basisteam politie Nieuw-West', type: 'politie', description: 'Wijkagenten per buurt; partner in de veiligheidsaanpak.' },
  { name: 'Brede school De Tuinstad', type: 'school', description: 'Basisschool met naschoolse activiteiten en ouderkamer. (fictief)' },
  { name: 'ROC West', type: 'onderwijsinstelling', description: 'Mbo-opleidingen; stageplekken en praktijkonderzoek voor de kenniscoalitie. (fictief)' },
  { name: 'Energiecoöperatie Zon op Slotermeer', type: 'coöperatie', description: 'Bewonerscoöperatie voor zonnedaken en isolatie. (fictief)' },
  { name: 'Bewonersplatform Geuzenveld', type: 'bewonersgroep', description: 'Bewoners die meedenken, meebeslissen en zelf initiatieven nemen. (fictief)' },
] as const;

const VALUES = [
  { title: 'Bewoners aan zet', description: 'Wat bewoners zelf zien en willen, is het vertrekpunt. We vragen eerst, en beslissen samen.' },
  { title: 'Vertrouwen boven controle', description: 'Professionals krijgen ruimte om te doen wat nodig is, en leggen uit waarom ze afwijken van de regel.' },
  { title: 'Samen leren', description: 'We kijken elk kwartaal samen naar verhalen én cijfers, en passen onze plannen aan wat we leren.' },
  { title: 'Gelijke kansen', description: 'Elk kind in Nieuw-West krijgt dezelfde kansen op school, werk en een gezond leven als elders in de stad.' },
  { title: 'Lange adem', description: 'We committeren ons voor twintig jaar, ook als de resultaten niet meteen zichtbaar zijn.' },
];

export const DEMO_MEMBERS: { email: string; name: string; role: Role }[] = [
  { email: 'programmamanager@demo.dichter.nl', name: 'Samira El Idrissi', role: 'programmamanager' },
  { email: 'professional@demo.dichter.nl', name: 'Jeroen Bakker', role: 'professional' },
  { email: 'beleid@demo.dichter.nl', name: 'Fatma Yilmaz', role: 'beleidsadviseur' },
  { email: 'bestuur@demo.dichter.nl', name: 'Wethouder Marieke de Vries', role: 'bestuurder' },
  { email: 'partner@demo.dichter.nl', name: 'Kees Hoekstra', role: 'partner' },
  { email: 'lezer@demo.dichter.nl', name: 'Noor Bouzid', role: 'lezer' },
];

/** Creates the demo workspace's settings, members, partners and charter; skips what exists. */
export async function seedDemoWorkspace(base: ServiceContext, demo: DemoContext) {
  if (!base.workspace) {
    await service.createWorkspace(base, { slug: demo.workspaceSlug, name: demo.workspaceName, description: demo.workspaceDescription, responseDays: 10, defaultLocale: 'nl' });
    demo.log(`werkruimte '${demo.workspaceSlug}' aangemaakt`);
  }
  const resolved = base.workspace ?? (await service.resolveMembership(base, demo.workspaceSlug));
  const ctx: ServiceContext = { ...base, workspace: resolved! };
  const scope = ctx.workspace!;
  const members = await repo.listMembers(ctx.db, scope.id);
  if (members.length <= 1) {
    for (const m of DEMO_MEMBERS) {
      await service.addMember(ctx, m).catch((err) => (err.id === 'member.exists' ? null : Promise.reject(err)));
      // Demo accounts share the documented demo password, so every role can be tried out.
      await setPassword(ctx, m.email, DEMO.password);
    }
    demo.log(`${DEMO_MEMBERS.length} leden toegevoegd`);
  }
  const existingPartners = new Set((await repo.listPartners(ctx.db, scope.id)).map((p) => p.name));
  for (const p of PARTNERS) if (!existingPartners.has(p.name)) await service.createPartner(ctx, { ...p });
  const charter = await service.getCharter(ctx);
  if (charter.values.length === 0) {
    for (const v of VALUES) await service.addCharterValue(ctx, v);
    const partners = await repo.listPartners(ctx.db, scope.id);
    const byName = new Map(partners.map((p) => [p.name, p.id]));
    const signers = [
      ['Gemeente Amsterdam, stadsdeel Nieuw-West', 'Ahmed Amrani', 'stadsdeelvoorzitter', '2024-02-12'],
      ['Woonstichting Tuinstad West', 'Ingrid Post', 'directeur-bestuurder', '2024-02-12'],
      ['Buurtteam Nieuw-West', 'Mohamed Ouali', 'teamleider', '2024-02-12'],
      ['Basisteam politie Nieuw-West', 'Erik Jansen', 'teamchef', '2024-03-04'],
      ['Bewonersplatform Geuzenveld', 'Lotte Visser', 'voorzitter', '2024-03-04'],
    ] as const;
    for (const [partner, personName, personRole, signedOn] of signers) {
      await service.addSignatory(ctx, { partnerId: byName.get(partner) ?? null, personName, personRole, signedOn });
    }
    demo.log(`convenant met ${VALUES.length} waarden en ${signers.length} ondertekenaars`);
  }
}
