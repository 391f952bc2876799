import { z } from 'zod';
import { listOf } from '../../platform/http/schema';
import { visibility } from './schema';

/*
 * Most Significant Change: stories (observations of kind `verhaal`) are collected per domain of
 * change and period; a panel picks the most significant ones in a selection round and records
 * why; the choice and the reasons go back to the storytellers and into reports.
 */

export const ROUND_STATUSES = ['open', 'afgerond'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const roundStatus = z.enum(ROUND_STATUSES);

/** One line of text. */
const line = (min: number, max: number) => z.string().trim().min(min).max(max);
/** Plain text of a few paragraphs: anything that looks like HTML is removed; the UI shows it as text. */
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) =>
      v
        .replace(/<[^>]*>/g, '')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .replace(/\r\n?/g, '\n')
        .trim(),
    );
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

// Domains of change

export const domainParams = z.object({ domainId: z.uuid() });
export const domainBody = z
  .object({
    name: line(2, 120),
    description: plainText(2000).default(''),
    active: z.boolean().default(true),
  })
  .strict();
export const domainPatch = z.object({ name: line(2, 120).optional(), description: plainText(2000).optional(), active: z.boolean().optional() }).strict();
export type DomainInput = z.infer<typeof domainBody>;
export type DomainPatch = z.infer<typeof domainPatch>;

export const domainView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  /** Stories assigned to this domain. */
  stories: z.number().int(),
  /** Rounds that choose within this domain. */
  rounds: z.number().int(),
  updatedAt: z.string(),
});
export type DomainView = z.infer<typeof domainView>;
export const domainListView = listOf(domainView).extend({ can: z.object({ manage: z.boolean() }) });

// Collection periods

export const periodParams = z.object({ periodId: z.uuid() });
const periodFields = { name: line(2, 120), startDate: z.iso.date(), endDate: z.iso.date() };
export const periodBody = z.object(periodFields).strict();
export const periodPatch = z.object({ name: periodFields.name.optional(), startDate: periodFields.startDate.optional(), endDate: periodFields.endDate.optional() }).strict();
export type PeriodInput = z.infer<typeof periodBody>;
export type PeriodPatch = z.infer<typeof periodPatch>;

export const periodView = z.object({
  id: z.uuid(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** Stories that happened in the period. */
  stories: z.number().int(),
  rounds: z.number().int(),
  updatedAt: z.string(),
});
export type PeriodView = z.infer<typeof periodView>;
export const periodListView = listOf(periodView).extend({ can: z.object({ manage: z.boolean() }) });

// Stories and their domain

export const storyParams = z.object({ observationId: z.uuid() });
export const storiesQuery = z
  .object({
    periodId: optionalParam(z.uuid()),
    /** A domain's id, or `none` for stories without a domain. */
    domainId: optionalParam(z.union([z.uuid(), z.literal('none')])),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type StoriesQuery = z.infer<typeof storiesQuery>;
export const storyDomainBody = z.object({ domainId: z.uuid().nullable() }).strict();

export const storyView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  text: z.string(),
  occurredAt: z.string(),
  visibility,
  areaName: z.string().nullable(),
  /** The storyteller: a member's name, or "bewoner". */
  storyteller: z.string(),
  domainId: z.uuid().nullable(),
  domainName: z.string().nullable(),
  can: z.object({ classify: z.boolean() }),
});
export type StoryView = z.infer<typeof storyView>;
export const storyListView = listOf(storyView);

// Selection rounds

const panelMember = z
  .object({
    /** A member of the workspace; their name is taken from their account. */
    userId: z.uuid().optional(),
    /** Someone without an account (a resident, a partner's worker). */
    name: line(1, 200).optional(),
  })
  .strict()
  .refine((p) => !!p.userId || !!p.name, { message: 'userId or name', path: ['name'] });
export const panelBody = z.array(panelMember).max(50);

export const roundParams = z.object({ roundId: z.uuid() });
export const roundBody = z
  .object({
    periodId: z.uuid(),
    /** Absent or null: stories of every domain. */
    domainId: z.uuid().nullable().optional(),
    name: line(2, 200),
    /** When the panel meets. */
    heldOn: z.iso.date(),
    panel: panelBody.default([]),
  })
  .strict();
export type RoundInput = z.infer<typeof roundBody>;
export const roundPatch = z
  .object({
    name: line(2, 200).optional(),
    heldOn: z.iso.date().optional(),
    panel: panelBody.optional(),
    /** `afgerond` closes the round and tells the storytellers of the chosen stories why they were chosen. */
    status: roundStatus.optional(),
  })
  .strict();
export type RoundPatch = z.infer<typeof roundPatch>;

export const panelView = z.object({ userId: z.uuid().nullable(), name: z.string() });
export const roundSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  heldOn: z.string(),
  periodId: z.uuid(),
  periodName: z.string(),
  domainId: z.uuid().nullable(),
  domainName: z.string().nullable(),
  status: roundStatus,
  finishedAt: z.string().nullable(),
  selections: z.number().int(),
});
export type RoundSummaryView = z.infer<typeof roundSummaryView>;
export const roundsQuery = z.object({ periodId: optionalParam(z.uuid()) }).strict();
export const roundListView = listOf(roundSummaryView).extend({ can: z.object({ create: z.boolean() }) });

export const selectionParams = roundParams.extend({ selectionId: z.uuid() });
export const selectionBody = z
  .object({
    observationId: z.uuid(),
    /** 1 is the most significant. Unique within the round. */
    rank: z.number().int().min(1).max(99),
    /** Why the panel chose this story: it goes back to the storyteller. */
    reason: plainText(4000).pipe(z.string().min(3)),
  })
  .strict();
export type SelectionInput = z.infer<typeof selectionBody>;
export const selectionPatch = z.object({ rank: selectionBody.shape.rank.optional(), reason: selectionBody.shape.reason.optional() }).strict();
export type SelectionPatch = z.infer<typeof selectionPatch>;

const storyRef = storyView.omit({ can: true });
export const selectionView = z.object({ id: z.uuid(), rank: z.number().int(), reason: z.string(), story: storyRef, updatedAt: z.string() });
export type SelectionView = z.infer<typeof selectionView>;

export const candidateView = storyView.omit({ can: true }).extend({ selectionId: z.uuid().nullable() });
export type CandidateView = z.infer<typeof candidateView>;

export const roundView = roundSummaryView.omit({ selections: true }).extend({
  periodStart: z.string(),
  periodEnd: z.string(),
  panel: z.array(panelView),
  /** The stories the panel chose, by rank. */
  selections: z.array(selectionView),
  /** The stories of the period (and domain) the panel chooses from, oldest first. */
  candidates: z.array(candidateView),
  can: z.object({ update: z.boolean(), select: z.boolean(), finish: z.boolean(), delete: z.boolean() }),
});
export type RoundView = z.infer<typeof roundView>;

// What reports include

export const selectedQuery = z.object({ periodId: optionalParam(z.uuid()), domainId: optionalParam(z.uuid()) }).strict();
export const selectedItem = z.object({
  id: z.uuid(),
  rank: z.number().int(),
  reason: z.string(),
  roundId: z.uuid(),
  roundName: z.string(),
  heldOn: z.string(),
  finishedAt: z.string(),
  periodId: z.uuid(),
  periodName: z.string(),
  /** The domain of the round (null: a round over every domain). */
  roundDomainName: z.string().nullable(),
  panel: z.array(panelView),
  story: storyRef,
});
export type SelectedItem = z.infer<typeof selectedItem>;
export const selectedListView = listOf(selectedItem);
