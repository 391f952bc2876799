import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import { addCalendarDays, localDate } from '../../platform/workdays';
import { listMembers } from '../../core/workspaces/service';
import { instalmentSchedule, monthlyInstalment } from './ledger';
import * as ledgerRepo from './ledger.repository';
import { DEFAULT_LETTER_TEMPLATE } from './letters';
import * as lrepo from './letters.repository';
import { settlementOffer } from './offer';
import * as repo from './repository';

/*
 * Offers, responses, a credit and its ledger for the demo (runs inside the youth-debt demo seed,
 * after the participants): of the active participants coached by Jeroen Bakker, the first with a
 * long enough history has all creditors' consent, a credit and a year of repayments and
 * counter-performance; the next one has a refusal and a counter-proposal; the next one awaits
 * answers. Dates count back from today, so every demo looks the same.
 */

const today = () => localDate(new Date());

export async function seedDemoLetters(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const members = await listMembers(ctx);
  const coach = members.find((m) => m.email === 'professional@demo.dichter.nl')?.userId ?? null;
  const counsellor = members.find((m) => m.email === 'partner@demo.dichter.nl')?.userId ?? null;
  const [{ items }, creditors] = await Promise.all([repo.listParticipants(ctx.db, scope.id, { status: 'actief', limit: 500, offset: 0 }), repo.listCreditors(ctx.db, scope.id)]);
  const address = new Map(creditors.map((c) => [c.id, c.address]));
  const candidates = items.filter((p) => p.coachUserId === coach && (p.monthlyIncomeCents ?? 0) > (p.vtlbCents ?? 0) && p.debts >= 2);
  const granted = candidates.find((p) => p.startDate <= addCalendarDays(today(), -240));
  const rest = candidates.filter((p) => p !== granted);
  const plan: { p: (typeof items)[number]; kind: 'granted' | 'refused' | 'awaiting' }[] = [
    ...(granted ? [{ p: granted, kind: 'granted' as const }] : []),
    ...(rest[0] ? [{ p: rest[0], kind: 'refused' as const }] : []),
    ...(rest[1] ? [{ p: rest[1], kind: 'awaiting' as const }] : []),
  ];

  let entries = 0;
  for (const { p, kind } of plan) {
    const debts = await repo.debtsOfParticipant(ctx.db, scope.id, p.id);
    const capacity = Math.max(0, (p.monthlyIncomeCents ?? 0) - (p.vtlbCents ?? 0));
    const computed = settlementOffer({ monthlyCapacityCents: capacity, termMonths: 18, preferentialMultiplier: 2, debts: debts.map((d) => ({ creditor: d.creditorName, amountCents: Number(d.amountCents), preferential: d.preferential })) });
    // The granted one went out three weeks after the start; the others recently.
    const sentDate = kind === 'granted' ? addCalendarDays(p.startDate, 21) : addCalendarDays(today(), kind === 'refused' ? -20 : -6);
    const offer: lrepo.OfferRow = {
      workspaceId: scope.id,
      id: newId(),
      participantId: p.id,
      version: 1,
      status: kind === 'granted' ? 'geaccepteerd' : 'verstuurd',
      sentDate,
      sentBy: counsellor,
      monthlyCapacityCents: capacity,
      termMonths: 18,
      preferentialMultiplierHundredths: 200,
      availableCents: computed.availableCents,
      paidOutCents: computed.paidOutCents,
      letterTemplate: DEFAULT_LETTER_TEMPLATE,
    };
    await lrepo.insertOffer(ctx.db, offer);
    const lines = debts.map((d, i) => ({
      workspaceId: scope.id,
      id: newId(),
      offerId: offer.id,
      participantId: p.id,
      debtId: d.id,
      position: i + 1,
      creditorName: d.creditorName,
      creditorAddress: address.get(d.creditorId) ?? '',
      debtCents: Number(d.amountCents),
      preferential: d.preferential,
      payoutCents: computed.payouts[i].payoutCents,
      percentageHundredths: Math.round(computed.payouts[i].percentage * 100),
    }));
    await lrepo.insertOfferLines(ctx.db, lines);
    const respondedDate = addCalendarDays(sentDate, 14);
    for (const [i, line] of lines.entries()) {
      // refused: the first creditor refuses, the second counters, the rest accept; awaiting: the first accepted, the rest not yet
      const response = kind === 'granted' ? 'akkoord' : kind === 'refused' ? (i === 0 ? 'geweigerd' : i === 1 ? 'tegenvoorstel' : 'akkoord') : i === 0 ? 'akkoord' : null;
      if (kind === 'awaiting' && response === null) {
        await lrepo.setDebtStatus(ctx.db, scope.id, [line.debtId], 'voorgesteld');
        continue;
      }
      await lrepo.saveResponse(ctx.db, scope.id, line.id, {
        response,
        responseReason: response === 'geweigerd' ? 'Wil niet minder dan de helft van de vordering ontvangen' : response === 'tegenvoorstel' ? 'Vraagt tien procentpunt meer' : null,
        counterCents: response === 'tegenvoorstel' ? Math.min(line.debtCents, line.payoutCents + Math.round(line.debtCents / 10)) : null,
        agreedCents: response === 'akkoord' ? line.payoutCents : null,
        respondedDate: kind === 'awaiting' ? addCalendarDays(sentDate, 3) : kind === 'refused' ? addCalendarDays(sentDate, 10) : respondedDate,
        respondedBy: counsellor,
      });
      await lrepo.setDebtStatus(ctx.db, scope.id, [line.debtId], kind === 'granted' ? 'geregeld' : response === 'geweigerd' ? 'geweigerd' : response === 'tegenvoorstel' ? 'voorgesteld' : 'akkoord');
    }
    if (kind !== 'granted') continue;

    const credit: lrepo.CreditRow = {
      workspaceId: scope.id,
      id: newId(),
      participantId: p.id,
      offerId: offer.id,
      amountCents: computed.paidOutCents,
      grantedDate: respondedDate,
      termMonths: 18,
      monthlyInstalmentCents: monthlyInstalment(computed.paidOutCents, 18),
    };
    await lrepo.insertCredit(ctx.db, credit);
    const entry = (e: Partial<ledgerRepo.LedgerEntryRow> & Pick<ledgerRepo.LedgerEntryRow, 'kind' | 'entryDate'>): ledgerRepo.LedgerEntryRow => ({
      workspaceId: scope.id,
      id: newId(),
      participantId: p.id,
      creditId: credit.id,
      amountCents: null,
      host: null,
      description: null,
      quarterHours: null,
      hourlyRateCents: null,
      confirmedByUserId: null,
      confirmedByName: null,
      confirmedDate: null,
      recordedBy: counsellor,
      ...e,
    });
    // Paid every instalment that fell due, two days late, except the last one: that shows as arrears.
    const due = instalmentSchedule(credit.amountCents, credit.termMonths, credit.grantedDate).filter((s) => addCalendarDays(s.dueDate, 2) <= today());
    const rows = due.slice(0, -1).map((s) => entry({ kind: 'betaling', entryDate: addCalendarDays(s.dueDate, 2), amountCents: s.amountCents }));
    const coachName = members.find((m) => m.userId === coach)?.name ?? 'Jongerenbegeleider';
    rows.push(
      entry({ kind: 'activiteit', entryDate: addCalendarDays(credit.grantedDate, 20), host: 'ROC van Amsterdam', description: 'Gastles over schulden voor eerstejaars', quarterHours: 6, hourlyRateCents: 1200, confirmedByName: 'Docent loopbaanbegeleiding', confirmedDate: addCalendarDays(credit.grantedDate, 22) }),
      entry({ kind: 'activiteit', entryDate: addCalendarDays(credit.grantedDate, 50), host: 'Buurthuis De Honingraat', description: 'Koken en afwassen bij de buurtmaaltijd', quarterHours: 12, hourlyRateCents: 1200, confirmedByUserId: coach, confirmedByName: coachName, confirmedDate: addCalendarDays(credit.grantedDate, 51) }),
      entry({ kind: 'activiteit', entryDate: addCalendarDays(today(), -5), host: 'Jongerencentrum West', description: 'Voorlichting over geldzaken in het jongerencafé', quarterHours: 8, hourlyRateCents: 1200 }),
    );
    for (const row of rows) await ledgerRepo.insertEntry(ctx.db, row);
    entries += rows.length;
  }
  demo.log(`schuldenaanpak jongeren: ${plan.length} verstuurde voorstellen, ${plan.some((x) => x.kind === 'granted') ? 1 : 0} krediet, ${entries} boekingen`);
}
