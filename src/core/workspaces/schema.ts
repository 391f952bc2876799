import { z } from 'zod';
import { THEMES } from '../../platform/config';

export const ROLES = ['beheerder', 'programmamanager', 'professional', 'beleidsadviseur', 'bestuurder', 'partner', 'lezer'] as const;
export type Role = (typeof ROLES)[number];
export const role = z.enum(ROLES);

export const PARTNER_TYPES = [
  'gemeente',
  'corporatie',
  'zorg',
  'welzijn',
  'politie',
  'school',
  'onderwijsinstelling',
  'coöperatie',
  'bewonersgroep',
  'bedrijf',
  'overig',
] as const;

export const slug = z
  .string()
  .min(3)
  .max(50)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'workspace.slug_format' });

const text = (max: number) => z.string().trim().max(max);

export const workspaceFields = {
  name: text(120).min(1),
  description: text(4000),
  /** Working days within which an observation should get a response. */
  responseDays: z.number().int().min(1).max(120),
  defaultLocale: z.enum(['nl', 'en']),
  theme: z.enum(THEMES),
};

export const createWorkspaceBody = z
  .object({
    name: workspaceFields.name,
    slug,
    description: workspaceFields.description.optional(),
    responseDays: workspaceFields.responseDays.optional(),
    defaultLocale: workspaceFields.defaultLocale.optional(),
    theme: workspaceFields.theme.optional(),
  })
  .strict();
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceBody>;

export const updateWorkspaceBody = z
  .object({
    name: workspaceFields.name.optional(),
    description: workspaceFields.description.optional(),
    responseDays: workspaceFields.responseDays.optional(),
    defaultLocale: workspaceFields.defaultLocale.optional(),
    theme: workspaceFields.theme.optional(),
  })
  .strict();
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceBody>;

export const workspaceView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  responseDays: z.number().int(),
  defaultLocale: z.enum(['nl', 'en']),
  theme: z.enum(THEMES),
  createdAt: z.string(),
  role: role.describe('Your role in this workspace'),
  can: z.object({ update: z.boolean(), manageMembers: z.boolean(), managePartners: z.boolean(), manageCharter: z.boolean(), readAudit: z.boolean() }),
});
export type WorkspaceView = z.infer<typeof workspaceView>;

export const memberParams = z.object({ userId: z.uuid() });
export const addMemberBody = z.object({ email: z.email().max(254), name: text(200).min(1), role }).strict();
export const updateMemberBody = z.object({ role }).strict();
export const memberView = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** Only shown to the workspace's beheerders: e-mail addresses are personal data. */
  email: z.string().nullable(),
  role,
  since: z.string(),
});

export const partnerType = z.enum(PARTNER_TYPES);
export const partnerParams = z.object({ partnerId: z.uuid() });
export const partnerBody = z
  .object({
    name: text(200).min(1),
    type: partnerType,
    description: text(4000).optional(),
    website: z.union([z.url({ protocol: /^https?$/ }).max(500), z.literal('')]).optional(),
  })
  .strict();
export const partnerPatch = partnerBody.partial().strict();
export const partnerView = z.object({
  id: z.uuid(),
  name: z.string(),
  type: partnerType,
  description: z.string(),
  website: z.string(),
  createdAt: z.string(),
  signedCharter: z.boolean(),
});

export const valueParams = z.object({ valueId: z.uuid() });
export const charterValueBody = z.object({ title: text(200).min(1), description: text(4000).optional(), position: z.number().int().min(0).max(1000).optional() }).strict();
export const charterValuePatch = charterValueBody.partial().strict();
export const charterValueView = z.object({ id: z.uuid(), title: z.string(), description: z.string(), position: z.number().int() });

export const signatoryParams = z.object({ signatoryId: z.uuid() });
export const signatoryBody = z
  .object({
    partnerId: z.uuid().nullable().optional(),
    personName: text(200).min(1),
    personRole: text(200).optional(),
    signedOn: z.iso.date(),
  })
  .strict();
export const signatoryView = z.object({
  id: z.uuid(),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  personName: z.string(),
  personRole: z.string(),
  signedOn: z.string(),
});
export const charterView = z.object({
  values: z.array(charterValueView),
  signatories: z.array(signatoryView),
  can: z.object({ manage: z.boolean() }),
});

export const auditQuery = z
  .object({
    entity: z.string().max(100).optional(),
    entityId: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export const auditEntryView = z.object({
  id: z.uuid(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  entityLabel: z.string().nullable().describe('Name of the changed thing at the time, e.g. the partner'),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  createdAt: z.string(),
});
