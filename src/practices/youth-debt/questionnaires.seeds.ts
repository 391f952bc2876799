import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import { localDate } from '../../platform/workdays';
import { LINK_VALID_DAYS, MOMENTS, SCORE_KEYS, addDays, dueDate, momentState, type Moment, type Scores, type ScoreKey } from './questionnaires';
import * as qrepo from './questionnaires.repository';
import * as repo from './repository';

/*
 * Demo questionnaires (fictional): for every participant past the registration, the coach's and
 * the young person's questionnaire at each moment that has passed — the young person's through a
 * private link that was used. Scores start low (finances lowest) and rise over the two years,
 * with some noise; a few questionnaires were never returned, and a few participants have a link
 * waiting for the moment that is open now. Drawn from a fixed sequence, so every demo is the same.
 */

/** A small deterministic generator (mulberry32), with its own seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How much a domain rises per six months, on average: finances most (that is what the approach solves first). */
const GROWTH: Record<ScoreKey, number> = { school: 0.4, werk: 0.5, wonen: 0.4, gezondheid: 0.3, financien: 0.9, sociaalNetwerk: 0.3, welzijn: 0.6 };
const DAY = 86_400_000;
const clamp = (n: number) => Math.min(10, Math.max(1, Math.round(n)));
/** 10:00 on a date (UTC), never later than an hour ago. */
const at = (date: string, now: number) => new Date(Math.min(Date.parse(`${date}T10:00:00Z`), now - 3_600_000));
const hash = () => createHash('sha256').update(randomBytes(24).toString('base64url')).digest('hex');

/** Runs inside the youth-debt demo's transaction, right after the participants were made (so only once). */
export async function seedDemoQuestionnaires(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const rnd = random(20_261_204);
  const now = Date.now();
  const today = localDate(new Date(now));
  const { items } = await repo.listParticipants(ctx.db, scope.id, { limit: 500, offset: 0 });
  let filled = 0;
  let waiting = 0;
  for (const p of items) {
    if (p.status === 'aanmelding') continue;
    const base = Object.fromEntries(SCORE_KEYS.map((k) => [k, 2.5 + rnd() * 3 - (k === 'financien' ? 1 : 0)])) as Record<ScoreKey, number>;
    // Those who left did so after the intake; the rest answer at every moment that has passed.
    const moments = MOMENTS.filter((m) => dueDate(p.startDate, m) <= today && (p.status !== 'uitgevallen' || m === 0));
    for (const moment of moments) {
      const due = dueDate(p.startDate, moment);
      const draw = (lift: number): Scores => Object.fromEntries(SCORE_KEYS.map((k) => [k, clamp(base[k] + (GROWTH[k] * moment) / 6 + lift + (rnd() * 2 - 1))])) as Scores;
      const coachScores = draw(0);
      // The young person is a little more positive than the coach.
      const ownScores = draw(0.5);
      const coachAnswers = p.coachUserId && (moment === 0 || rnd() < 0.92);
      const youngAnswers = moment === 0 || rnd() < 0.8;
      const day = addDays(due, Math.floor(rnd() * 12));
      if (coachAnswers) {
        await qrepo.insertQuestionnaire(ctx.db, { workspaceId: scope.id, id: newId(), participantId: p.id, moment, respondent: 'begeleider', ...coachScores, filledAt: at(day, now), filledByUserId: p.coachUserId, linkId: null });
        filled++;
      }
      if (youngAnswers) {
        const usedAt = at(day, now);
        const linkId = newId();
        const createdAt = new Date(usedAt.getTime() - 2 * DAY);
        await qrepo.insertLink(ctx.db, { workspaceId: scope.id, id: linkId, participantId: p.id, moment, tokenHash: hash(), createdAt, expiresAt: new Date(createdAt.getTime() + LINK_VALID_DAYS * DAY), createdByUserId: p.coachUserId, usedAt });
        await qrepo.insertQuestionnaire(ctx.db, { workspaceId: scope.id, id: newId(), participantId: p.id, moment, respondent: 'jongere', ...ownScores, filledAt: usedAt, filledByUserId: null, linkId });
        filled++;
      } else if (p.status === 'actief' && momentState(due, today, false) === 'open') {
        // The coach sent a link a few days ago; the young person has not used it yet (its token is known to nobody).
        const createdAt = new Date(now - 3 * DAY);
        await qrepo.insertLink(ctx.db, { workspaceId: scope.id, id: newId(), participantId: p.id, moment: moment as Moment, tokenHash: hash(), createdAt, expiresAt: new Date(createdAt.getTime() + LINK_VALID_DAYS * DAY), createdByUserId: p.coachUserId });
        waiting++;
      }
    }
  }
  demo.log(`schuldenaanpak jongeren: ${filled} vragenlijsten, ${waiting} privélinks wachten op de jongere`);
}
