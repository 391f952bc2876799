import type { ModuleServices } from '../../platform/module';
import * as repo from './repository';

/** Residents' reports: the private link was made at reporting time; only the event carries it. */
export interface ReportedEvent {
  workspaceId: string;
  id: string;
  token: string;
}
export interface TransitionedEvent {
  workspaceId: string;
  id: string;
  to: string;
}

/**
 * E-mails residents who left an address (only when SMTP_URL is set): a confirmation with
 * their private link, and every answer. Without SMTP the private link is the way back.
 */
export function startResidentMail({ events, context, mailer, config }: ModuleServices) {
  if (!mailer) return;
  const load = async (workspaceId: string, id: string) => {
    const row = await repo.findObservation(context().db, workspaceId, id);
    return row?.reporterEmail && !row.reporterUserId ? row : null;
  };
  events.on<ReportedEvent>('observation.reported', async ({ workspaceId, id, token }) => {
    const row = await load(workspaceId, id);
    if (!row) return;
    await mailer.send({
      to: row.reporterEmail!,
      subject: `Uw melding ${row.number} is ontvangen`,
      text: [
        `Dank u wel voor uw melding "${row.title}" (nummer ${row.number}).`,
        '',
        'Via deze persoonlijke link ziet u wat ermee gebeurt, en kunt u reageren als het antwoord niet helpt:',
        `${config.baseUrl}/melding/${token}`,
        '',
        'Deel deze link niet: iedereen met de link kan uw melding zien.',
      ].join('\n'),
    });
  });
  events.on<TransitionedEvent>('observation.transitioned', async ({ workspaceId, id, to }) => {
    if (to !== 'beantwoord') return;
    const row = await load(workspaceId, id);
    if (!row) return;
    const answer = (await repo.eventsOf(context().db, workspaceId, id)).filter((e) => e.toStatus === 'beantwoord' && !e.internal).at(-1);
    await mailer.send({
      to: row.reporterEmail!,
      subject: `Antwoord op uw melding ${row.number}`,
      text: [
        `U kreeg antwoord op uw melding "${row.title}" (nummer ${row.number}):`,
        '',
        answer?.message ?? '',
        '',
        'Helpt dit niet? Open dan de persoonlijke link uit de bevestiging van uw melding; daar kunt u de melding heropenen en zeggen of het antwoord hielp.',
      ].join('\n'),
    });
  });
}
