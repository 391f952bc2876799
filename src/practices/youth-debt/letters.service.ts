
import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { transaction, type Db } from '../../platform/db/database';
import { htmlToPdf } from '../../platform/document';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { findPersonalData } from '../../platform/privacy';
import { localDate } from '../../platform/workdays';
import { monthlyInstalment } from './ledger';
import { letterFileName, renderLetter, type LetterInput } from './letters';
import * as lrepo from './letters.repository';
import type { CreditorResponse, LetterQuery, LineListQuery, OfferStatus, ResponseInput } from './letters.schema';
import { youthDebtPolicy as policy } from './policies';
import * as repo from './repository';
import { participantNumber, participantOffer, settingsOf } from './service';
import { audit, fieldError, ownCase, participantOr404 } from './common';

/*
 * Sending the settlement offer to the creditors (frozen per line), the letters, the creditors'
 * responses, and granting the credit when every creditor has accepted.
 */

/** What a creditor's response does to the debt: accepted, refused, or still under negotiation. */
const DEBT_STATUS_AFTER: Record<CreditorResponse, string> = { akkoord: 'akkoord', geweigerd: 'geweigerd', tegenvoorstel: 'voorgesteld' };

export const letterReference = (l: Pick<lrepo.OfferLineListRow, 'participantNumber' | 'offerVersion' | 'position'>) => `${participantNumber(l.participantNumber)}/${l.offerVersion}-${l.position}`;

const lineView = (l: lrepo.OfferLineListRow) => ({
  id: l.id,
  offerId: l.offerId,
  participantId: l.participantId,
  participantNumber: participantNumber(l.participantNumber),
  offerVersion: l.offerVersion,
  offerStatus: l.offerStatus as OfferStatus,
  sentDate: l.sentDate,
  debtId: l.debtId,
  creditorName: l.creditorName,
  creditorAddress: l.creditorAddress,
  debtCents: Number(l.debtCents),
  preferential: l.preferential,
  payoutCents: Number(l.payoutCents),
  percentage: l.percentageHundredths / 100,
  response: l.response as CreditorResponse | null,
  responseReason: l.responseReason,
  counterCents: l.counterCents === null ? null : Number(l.counterCents),
  agreedCents: l.agreedCents === null ? null : Number(l.agreedCents),
  respondedDate: l.respondedDate,
  reference: letterReference(l),
});

export const creditView = (c: lrepo.CreditRow) => ({
  id: c.id,
  participantId: c.participantId,
  offerId: c.offerId,
  amountCents: Number(c.amountCents),
  grantedDate: c.grantedDate,
  termMonths: c.termMonths,
  monthlyInstalmentCents: Number(c.monthlyInstalmentCents),
});

/** The participant's last sent offer with every creditor's response, earlier versions, and the credit once granted. */
export async function settlement(ctx: ServiceContext, participantId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const p = await participantOr404(ctx.db, scope, participantId);
  const [offers, credit] = await Promise.all([lrepo.offersOfParticipant(ctx.db, scope.id, participantId), lrepo.findCreditOfParticipant(ctx.db, scope.id, participantId)]);
  const current = offers[0];
  const lines = current ? (await lrepo.linesOfOffers(ctx.db, scope.id, [current.id])).map(lineView) : [];
  const manage = policy.can(scope, 'youth_debt.case.manage');
  const count = (r: CreditorResponse | null) => lines.filter((l) => l.response === r).length;
  return {
    participantId: p.id,
    number: participantNumber(p.number),
    offer: current
      ? {
          id: current.id,
          version: current.version,
          status: current.status as OfferStatus,
          sentDate: current.sentDate,
          monthlyCapacityCents: Number(current.monthlyCapacityCents),
          termMonths: current.termMonths,
          preferentialMultiplier: current.preferentialMultiplierHundredths / 100,
          availableCents: Number(current.availableCents),
          paidOutCents: Number(current.paidOutCents),
          lines,
          accepted: count('akkoord'),
          refused: count('geweigerd'),
          countered: count('tegenvoorstel'),
          awaiting: count(null),
        }
      : null,
    earlier: offers.slice(1).map((o) => ({ id: o.id, version: o.version, sentDate: o.sentDate, status: o.status as OfferStatus })),
    credit: credit ? creditView(credit) : null,
    can: { send: manage && !credit, respond: manage && current?.status === 'verstuurd', readLetters: ownCase(ctx, p) },
  };
}

/**
 * Sends the offer: freezes the computed offer (one line per debt: creditor, address, debt, payout,
 * percentage, and the letter template) so later edits do not change letters that went out. An
 * open earlier offer is replaced; the debts go to 'voorgesteld'. One transaction.
 */
export async function sendOffer(ctx: ServiceContext, participantId: string) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  await transaction(ctx.db, async (trx) => {
    const p = await participantOr404(trx, scope, participantId);
    await lrepo.lockParticipant(trx, scope.id, participantId);
    if (await lrepo.findCreditOfParticipant(trx, scope.id, participantId)) throw new DomainError('youth_debt.credit_already_granted');
    if (p.monthlyIncomeCents === null || p.vtlbCents === null) throw new DomainError('youth_debt.offer_no_income');
    const computed = await participantOffer({ ...ctx, db: trx }, participantId);
    if (!computed.debts.length) throw new DomainError('youth_debt.offer_no_debts');
    const [settings, creditors, previous] = await Promise.all([settingsOf(trx, scope.id), repo.listCreditors(trx, scope.id), lrepo.offersOfParticipant(trx, scope.id, participantId)]);
    const address = new Map(creditors.map((c) => [c.id, c.address]));
    const replaced = previous.find((o) => o.status === 'verstuurd');
    if (replaced) {
      await lrepo.setOfferStatus(trx, scope.id, replaced.id, 'vervangen');
      await audit(trx, ctx, scope, 'youth_debt_offer', replaced.id, 'update', `${participantNumber(p.number)} voorstel ${replaced.version}`, { status: 'vervangen' }, { status: replaced.status });
    }
    const offer: lrepo.OfferRow = {
      workspaceId: scope.id,
      id: newId(),
      participantId,
      version: (previous[0]?.version ?? 0) + 1,
      status: 'verstuurd',
      sentDate: localDate(new Date()),
      sentBy: ctx.actor?.userId ?? null,
      monthlyCapacityCents: computed.monthlyCapacityCents,
      termMonths: computed.termMonths,
      preferentialMultiplierHundredths: Math.round(computed.preferentialMultiplier * 100),
      availableCents: computed.availableCents,
      paidOutCents: computed.paidOutCents,
      letterTemplate: settings.letterTemplate,
    };
    await lrepo.insertOffer(trx, offer);
    await lrepo.insertOfferLines(
      trx,
      computed.debts.map((d, i) => ({
        workspaceId: scope.id,
        id: newId(),
        offerId: offer.id,
        participantId,
        debtId: d.debtId,
        position: i + 1,
        creditorName: d.creditor,
        creditorAddress: address.get(d.creditorId) ?? '',
        debtCents: d.amountCents,
        preferential: d.preferential,
        payoutCents: d.payoutCents,
        percentageHundredths: Math.round(d.percentage * 100),
      })),
    );
    await lrepo.setDebtStatus(
      trx,
      scope.id,
      computed.debts.map((d) => d.debtId),
      'voorgesteld',
    );
    await audit(trx, ctx, scope, 'youth_debt_offer', offer.id, 'create', `${participantNumber(p.number)} voorstel ${offer.version}`, {
      version: offer.version,
      sentDate: offer.sentDate,
      termMonths: offer.termMonths,
      availableCents: offer.availableCents,
      paidOutCents: offer.paidOutCents,
      lines: computed.debts.map((d) => ({ creditor: d.creditor, debtCents: d.amountCents, payoutCents: d.payoutCents, percentage: d.percentage })),
    });
  });
  return settlement(ctx, participantId);
}

/** Lines of sent offers (one per creditor's debt), newest offer first; no names. */
export async function listOfferLines(ctx: ServiceContext, query: LineListQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const { items, total } = await lrepo.listLines(ctx.db, scope.id, query);
  return { items: items.map(lineView), total };
}

async function lineOr404(db: Db, scope: WorkspaceScope, id: string) {
  const line = await lrepo.findLine(db, scope.id, id);
  if (!line) throw new DomainError('youth_debt.offer_line_not_found');
  return line;
}

/**
 * Records a creditor's response to its line of the current offer; the debt's status follows.
 * When every line is accepted, the credit is granted in the same transaction: the sum of the
 * agreed amounts, over the offer's term, and the debts are settled ('geregeld').
 */
export async function respond(ctx: ServiceContext, lineId: string, input: ResponseInput) {
  const scope = policy.authorize(ctx, 'youth_debt.case.manage');
  if (input.response === 'geweigerd' && !input.reason) throw fieldError('youth_debt.response_reason_required', 'reason');
  if (input.response === 'tegenvoorstel' && input.counterCents === undefined) throw fieldError('youth_debt.counter_amount_required', 'counterCents');
  if (input.reason && findPersonalData(input.reason).length) throw fieldError('youth_debt.personal_data', 'reason');
  let participantId = '';
  await transaction(ctx.db, async (trx) => {
    participantId = (await lineOr404(trx, scope, lineId)).participantId;
    await lrepo.lockParticipant(trx, scope.id, participantId);
    // Read again under the lock: another response may just have granted the credit.
    const line = await lineOr404(trx, scope, lineId);
    if (line.offerStatus === 'geaccepteerd') throw new DomainError('youth_debt.credit_already_granted');
    if (line.offerStatus === 'vervangen') throw new DomainError('youth_debt.offer_replaced');
    const values = {
      response: input.response,
      responseReason: input.reason ?? null,
      counterCents: input.response === 'tegenvoorstel' ? input.counterCents! : null,
      agreedCents: input.response === 'akkoord' ? (input.agreedCents ?? Number(line.payoutCents)) : null,
      respondedDate: localDate(new Date()),
      respondedBy: ctx.actor?.userId ?? null,
    };
    await lrepo.saveResponse(trx, scope.id, lineId, values);
    await lrepo.setDebtStatus(trx, scope.id, [line.debtId], DEBT_STATUS_AFTER[input.response]);
    const { respondedBy: _b, ...after } = values;
    await audit(trx, ctx, scope, 'youth_debt_offer_line', lineId, 'update', `${letterReference(line)} ${line.creditorName}`, after, {
      response: line.response,
      responseReason: line.responseReason,
      counterCents: line.counterCents,
      agreedCents: line.agreedCents,
      respondedDate: line.respondedDate,
    });

    const lines = await lrepo.linesOfOffers(trx, scope.id, [line.offerId]);
    if (lines.every((l) => l.response === 'akkoord')) {
      const amount = lines.reduce((sum, l) => sum + Number(l.agreedCents ?? 0), 0);
      const credit: lrepo.CreditRow = {
        workspaceId: scope.id,
        id: newId(),
        participantId: line.participantId,
        offerId: line.offerId,
        amountCents: amount,
        grantedDate: localDate(new Date()),
        termMonths: line.termMonths,
        monthlyInstalmentCents: monthlyInstalment(amount, line.termMonths),
      };
      await lrepo.insertCredit(trx, credit);
      await lrepo.setOfferStatus(trx, scope.id, line.offerId, 'geaccepteerd');
      await lrepo.setDebtStatus(
        trx,
        scope.id,
        lines.map((l) => l.debtId),
        'geregeld',
      );
      const { workspaceId: _w, ...audited } = credit;
      await audit(trx, ctx, scope, 'youth_debt_credit', credit.id, 'create', `${participantNumber(line.participantNumber)} krediet`, audited);
    }
  });
  return settlement(ctx, participantId);
}

/**
 * One creditor's letter as HTML (inline) or PDF (download), from the template frozen with the
 * offer. The letter names the participant, so only their coach and counsellor may open it; every
 * reading is audited.
 */
export async function offerLetter(ctx: ServiceContext, lineId: string, query: LetterQuery) {
  const scope = policy.authorize(ctx, 'youth_debt.case.read');
  const line = await lineOr404(ctx.db, scope, lineId);
  const p = await participantOr404(ctx.db, scope, line.participantId);
  if (!ownCase(ctx, p)) throw new DomainError('youth_debt.personal_not_allowed');
  const input: LetterInput = {
    workspaceName: scope.name,
    creditorName: line.creditorName,
    creditorAddress: line.creditorAddress,
    participantName: p.name,
    participantNumber: participantNumber(p.number),
    reference: letterReference(line),
    debtCents: Number(line.debtCents),
    payoutCents: Number(line.payoutCents),
    percentage: line.percentageHundredths / 100,
    termMonths: line.termMonths,
    sentDate: line.sentDate,
    template: line.letterTemplate,
  };
  const html = renderLetter(input);
  const pdf = query.format === 'pdf';
  const body = pdf ? await htmlToPdf(html, { title: 'Voorstel voor een schuldregeling', footer: `Kenmerk ${input.reference}` }) : html;
  await audit(ctx.db, ctx, scope, 'youth_debt_participant', p.id, 'read_letter', `${participantNumber(p.number)} – brief aan ${line.creditorName}`, { reference: input.reference, format: pdf ? 'pdf' : 'html' });
  return pdf
    ? { contentType: 'application/pdf', fileName: letterFileName(input, 'pdf'), body, inline: false }
    : { contentType: 'text/html; charset=utf-8', fileName: letterFileName(input, 'html'), body, inline: true };
}
