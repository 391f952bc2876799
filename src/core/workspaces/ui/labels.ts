import type { z } from 'zod';
import { shellMessages } from '../../../web/messages';
import { useT } from '../../../web/i18n';
import type { partnerType, Role } from '../schema';
import { m } from './messages';

export type PartnerType = z.infer<typeof partnerType>;

/** Every role, in the order of the server's enum; a Record keeps this list complete at compile time. */
const roleKeys: Record<Role, true> = { beheerder: true, programmamanager: true, professional: true, beleidsadviseur: true, bestuurder: true, partner: true, lezer: true };
export const ROLE_LIST = Object.keys(roleKeys) as Role[];

const partnerTypeKeys: Record<PartnerType, true> = {
  gemeente: true,
  corporatie: true,
  zorg: true,
  welzijn: true,
  politie: true,
  school: true,
  onderwijsinstelling: true,
  coöperatie: true,
  bewonersgroep: true,
  bedrijf: true,
  overig: true,
};
export const PARTNER_TYPE_LIST = Object.keys(partnerTypeKeys) as PartnerType[];

export function useRoleLabel() {
  const t = useT(shellMessages);
  return (role: Role) => t(`role.${role}`);
}

export function usePartnerTypeLabel() {
  const t = useT(m);
  return (type: PartnerType) => t(`ptype.${type}`);
}

/** A slug suggestion from a name: "Samen Nieuw-West 2026" → "samen-nieuw-west-2026". */
export function suggestSlug(name: string) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
}
