import { z } from 'zod';
import { MOMENTS, RESPONDENTS, SCORE_KEYS, type ScoreKey } from './questionnaires';

/** One score: a whole number from 1 to 10. */
const score = z.number({ error: 'youth_debt.score_invalid' }).int({ error: 'youth_debt.score_invalid' }).min(1, { error: 'youth_debt.score_invalid' }).max(10, { error: 'youth_debt.score_invalid' });
const DOMAIN_LABELS: Record<ScoreKey, string> = {
  school: 'School of opleiding',
  werk: 'Werk en dagbesteding',
  wonen: 'Wonen',
  gezondheid: 'Gezondheid',
  financien: 'Financiën',
  sociaalNetwerk: 'Familie, vrienden en sociaal netwerk',
  welzijn: 'Hoe het in het algemeen met de jongere gaat (welzijn)',
};

export const scoresBody = z
  .object(Object.fromEntries(SCORE_KEYS.map((k) => [k, score.describe(`${DOMAIN_LABELS[k]}: 1 (heel slecht) tot en met 10 (heel goed)`)])) as Record<ScoreKey, typeof score>, {
    error: 'youth_debt.score_invalid',
  })
  .strict();
export const moment = z.literal(MOMENTS, { error: 'youth_debt.moment_invalid' }).describe('Meetmoment in maanden sinds de start: 0 (intake), 6, 12, 18 of 24');
const respondent = z.enum(RESPONDENTS);

/** The coach's (or counsellor's) questionnaire of one moment. */
export const fillBody = z.object({ moment, scores: scoresBody }).strict();
export type FillInput = z.infer<typeof fillBody>;

export const linkBody = z.object({ moment }).strict();
export type LinkInput = z.infer<typeof linkBody>;

export const linkParams = z.object({ linkId: z.uuid() });
export const tokenParams = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });
export const publicFillBody = z.object({ scores: scoresBody }).strict();
export type PublicFillInput = z.infer<typeof publicFillBody>;

const scores = z.object(Object.fromEntries(SCORE_KEYS.map((k) => [k, z.number().int()])) as Record<ScoreKey, z.ZodNumber>);
const LINK_STATES = ['actief', 'gebruikt', 'verlopen', 'ingetrokken'] as const;

export const linkView = z.object({
  id: z.uuid(),
  moment: z.number().int(),
  state: z.enum(LINK_STATES).describe('actief, gebruikt (de jongere vulde de vragenlijst in), verlopen of ingetrokken'),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  can: z.object({ revoke: z.boolean() }),
});
export const linkCreated = linkView.extend({
  token: z.string().describe('Eén keer getoond; alleen de hash wordt bewaard'),
  path: z.string().describe('Het pad van de openbare pagina, bijvoorbeeld /vragenlijst/…'),
});

const answer = z.object({
  state: z.enum(['ingevuld', 'gepland', 'open', 'te_laat']),
  filledAt: z.string().nullable(),
  /** Who filled it in: the private link (the young person) or a member. */
  filledBy: z.object({ via: z.enum(['link', 'lid']), name: z.string().nullable() }).nullable(),
  scores: scores.nullable().describe('Alleen voor de eigen jongerenbegeleider en schuldhulpverlener'),
});

export const questionnairesView = z.object({
  participantId: z.uuid(),
  number: z.string(),
  startDate: z.string(),
  scoresVisible: z.boolean(),
  moments: z.array(
    z.object({
      moment: z.number().int(),
      dueDate: z.string(),
      opensOn: z.string(),
      jongere: answer,
      begeleider: answer,
      activeLink: linkView.nullable(),
    }),
  ),
  development: z
    .array(
      z.object({
        respondent,
        moments: z.array(z.object({ moment: z.number().int(), scores })),
        change: z.object({ until: z.number().int(), scores }).nullable().describe('Laatste meetmoment min de intake'),
      }),
    )
    .nullable(),
  can: z.object({ fill: z.boolean(), link: z.boolean() }),
});

export const linkListView = z.object({ items: z.array(linkView), total: z.number().int() });

const protectedMean = z.object({ mean: z.number().nullable(), n: z.number().int().nullable(), suppressed: z.boolean() });
export const effectMonitorView = z.object({
  minimumGroup: z.number().int(),
  participants: z.number().int().nullable().describe('Deelnemers met minstens één ingevulde vragenlijst; null bij 1 tot en met 4'),
  respondents: z.array(
    z.object({
      respondent,
      moments: z.array(
        z.object({
          moment: z.number().int(),
          questionnaires: z.number().int().nullable().describe('Aantal ingevulde vragenlijsten; null bij minder dan 5'),
          domains: z.array(z.object({ domain: z.enum(SCORE_KEYS), score: protectedMean, changeSinceIntake: protectedMean.nullable() })),
        }),
      ),
    }),
  ),
});

/** What the private link's page shows: the moment, never a name or a participant number. */
export const publicQuestionnaireView = z.object({
  moment: z.number().int(),
  expiresAt: z.string(),
  domains: z.array(z.enum(SCORE_KEYS)),
});
export const publicFilledView = z.object({ moment: z.number().int(), filledAt: z.string() });
