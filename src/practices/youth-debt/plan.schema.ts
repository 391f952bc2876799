import { z } from 'zod';
import { ANSWERS, CONTACT_KINDS, GOAL_STATUSES, LIFE_DOMAINS, MILESTONES, OUTCOMES, type MilestoneKey } from './plan';
import { protectedCell } from './schema';

/** The most steps one goal can hold. */
export const MAX_STEPS = 20;
/** A coaching contact's note: short, a few sentences. */
export const MAX_NOTE = 1000;

const isoDate = z.iso.date();
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const title = z.string({ error: 'youth_debt.text_invalid' }).trim().min(1, { error: 'youth_debt.text_invalid' }).max(200, { error: 'youth_debt.text_invalid' });
const progress = z.number().int({ error: 'youth_debt.progress_invalid' }).min(0, { error: 'youth_debt.progress_invalid' }).max(100, { error: 'youth_debt.progress_invalid' });

// Goals of the perspective plan

export const goalParams = z.object({ goalId: z.uuid() });
export const goalListQuery = z.object({ participantId: optionalParam(z.uuid()), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(10_000_000).default(0) }).strict();
export type GoalListQuery = z.infer<typeof goalListQuery>;

export const stepInput = z
  .object({
    id: z.uuid().optional().describe('Een bestaande stap (houdt dan de datum waarop hij klaar was); leeg voor een nieuwe stap'),
    title,
    done: z.boolean().default(false),
  })
  .strict();
const steps = z.array(stepInput).max(MAX_STEPS, { error: 'youth_debt.too_many_steps' }).describe('De stappen in volgorde; vervangt alle stappen van het doel');

export const createGoalBody = z
  .object({
    participantId: z.uuid(),
    domain: z.enum(LIFE_DOMAINS).describe('Levensdomein: school, werk, wonen, gezondheid, financien, sociaal_netwerk'),
    title,
    steps: steps.optional(),
    progress: progress.optional().describe('Voortgang 0–100, alleen voor een doel zonder stappen'),
  })
  .strict();
export const updateGoalBody = z
  .object({
    domain: z.enum(LIFE_DOMAINS),
    title,
    status: z.enum(GOAL_STATUSES).describe('open, bereikt (de datum wordt vandaag) of losgelaten'),
    steps,
    progress: progress.describe('Alleen voor een doel zonder stappen'),
  })
  .partial()
  .strict();
export type CreateGoalInput = z.infer<typeof createGoalBody>;
export type UpdateGoalInput = z.infer<typeof updateGoalBody>;
export type StepInput = z.infer<typeof stepInput>;

export const goalView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  domain: z.enum(LIFE_DOMAINS),
  title: z.string(),
  status: z.enum(GOAL_STATUSES),
  progress: z.number().int().describe('0–100: uit de stappen, of door de begeleider gezet als er geen stappen zijn'),
  progressFromSteps: z.boolean(),
  reachedOn: z.string().nullable(),
  steps: z.array(z.object({ id: z.uuid(), title: z.string(), done: z.boolean(), doneOn: z.string().nullable() })),
});

// Coaching contacts

export const contactParams = z.object({ contactId: z.uuid() });
export const contactListQuery = goalListQuery;
export type ContactListQuery = z.infer<typeof contactListQuery>;
const duration = z.number().int({ error: 'youth_debt.duration_invalid' }).min(1, { error: 'youth_debt.duration_invalid' }).max(1440, { error: 'youth_debt.duration_invalid' });
const note = z.string({ error: 'youth_debt.note_invalid' }).trim().max(MAX_NOTE, { error: 'youth_debt.note_invalid' });
export const createContactBody = z
  .object({
    participantId: z.uuid(),
    date: isoDate.describe('JJJJ-MM-DD, niet in de toekomst'),
    kind: z.enum(CONTACT_KINDS),
    durationMinutes: duration.nullable().optional(),
    note: note.optional().describe('Korte notitie (hoogstens 1000 tekens), alleen voor de eigen begeleider en schuldhulpverlener; zonder BSN, IBAN, e-mailadres of telefoonnummer'),
  })
  .strict();
export const updateContactBody = z.object({ date: isoDate, kind: z.enum(CONTACT_KINDS), durationMinutes: duration.nullable(), note }).partial().strict();
export type CreateContactInput = z.infer<typeof createContactBody>;
export type UpdateContactInput = z.infer<typeof updateContactBody>;

export const contactView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  date: z.string(),
  kind: z.enum(CONTACT_KINDS),
  durationMinutes: z.number().int().nullable(),
  note: z.string().nullable().describe('Alleen voor de eigen begeleider en schuldhulpverlener (en dat lezen wordt gelogd); anders null'),
  observationId: z.uuid().nullable().describe('De waarneming (verhaal) die de begeleider van dit contact maakte, als die er is'),
});

/** A coach's story from a contact, shared as an observation (verhaal) of the workspace: no name, no participant number. */
export const storyBody = z
  .object({
    title: z.string({ error: 'youth_debt.story_title_invalid' }).trim().min(3, { error: 'youth_debt.story_title_invalid' }).max(200, { error: 'youth_debt.story_title_invalid' }),
    text: z.string({ error: 'youth_debt.story_text_invalid' }).trim().min(20, { error: 'youth_debt.story_text_invalid' }).max(5000, { error: 'youth_debt.story_text_invalid' }),
    visibility: z.enum(['intern', 'workspace']).default('workspace').describe('intern: alleen de eigen organisatie; workspace: alle leden van de werkruimte. Openbaar kan niet: het verhaal gaat over één jongere'),
  })
  .strict();
export type StoryInput = z.infer<typeof storyBody>;
export const storyView = z.object({ observationId: z.uuid(), number: z.number().int() });

// Outcomes and the whole plan of a participant

const answer = z.enum(ANSWERS);
export const outcomeBody = z
  .object({
    debtFree: answer.describe('Schuldenvrij'),
    inEducation: answer.describe('In opleiding'),
    inWork: answer.describe('Aan het werk'),
    stableHousing: answer.describe('Stabiele huisvesting'),
    socialAssistance: answer.describe('Bijstand'),
    recordedOn: isoDate.optional().describe('Standaard vandaag'),
  })
  .strict();
export type OutcomeInput = z.infer<typeof outcomeBody>;
export const outcomeView = z.object({
  debtFree: answer,
  inEducation: answer,
  inWork: answer,
  stableHousing: answer,
  socialAssistance: answer,
  recordedOn: z.string(),
});

const milestoneKeys = MILESTONES.map((m) => m.key) as [MilestoneKey, ...MilestoneKey[]];
export const timelineEntry = z.object({
  kind: z.enum(['milestone', 'goal_reached', 'contact', 'outcome']),
  date: z.string(),
  past: z.boolean(),
  milestone: z.enum(milestoneKeys).optional(),
  goalId: z.uuid().optional(),
  title: z.string().optional(),
  domain: z.enum(LIFE_DOMAINS).optional(),
  contactId: z.uuid().optional(),
  contactKind: z.enum(CONTACT_KINDS).optional(),
});

export const planView = z.object({
  participantId: z.uuid(),
  number: z.string(),
  startDate: z.string(),
  goals: z.array(goalView),
  contacts: z.array(contactView),
  timeline: z.array(timelineEntry).describe('Geplande mijlpalen vanaf de startdatum (intake, schikkingsvoorstel, krediet, evaluaties na 6, 12, 18 en 24 maanden, einde begeleiding), bereikte doelen, contacten en de uitkomsten, op datum'),
  outcome: outcomeView.nullable(),
  outcomeOpen: z.boolean().describe('Of de uitkomsten nu vastgelegd kunnen worden: bij afgerond of uitgevallen, of vanaf 24 maanden na de start'),
  notesVisible: z.boolean(),
  can: z.object({ manageGoals: z.boolean(), manageContacts: z.boolean(), recordOutcome: z.boolean() }),
});

// The dashboard's figures: aggregates with small-number protection

export const planSummaryView = z.object({
  minimumGroup: z.number().int(),
  goals: z.array(
    z.object({
      domain: z.enum(LIFE_DOMAINS),
      goals: protectedCell.describe('Doelen in dit domein'),
      reached: protectedCell.describe('Bereikte doelen in dit domein'),
    }),
  ),
  goalTotals: z.object({ goals: protectedCell, reached: protectedCell }),
  outcomes: z.array(
    z.object({
      outcome: z.enum(OUTCOMES),
      recorded: protectedCell.describe('Deelnemers met vastgelegde uitkomsten'),
      answers: z.array(z.object({ answer, participants: protectedCell, percent: z.number().int().nullable().describe('Aandeel in hele procenten; samen 100') })),
    }),
  ),
});
