import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { prepareFile } from '../../platform/files/files';
import { textPdf } from '../../platform/files/pdf';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import * as docs from './documents.repository';
import * as repo from './repository';

/*
 * The demo's documents on debts: for every active participant, the creditor's reminder on the
 * first debt, as a one-page PDF written here (fictional, like everything in the demo). They go
 * through the same checks as an upload.
 */

const euros = (cents: number) => `EUR ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export async function seedDemoDocuments(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const participants = await repo.listParticipants(ctx.db, scope.id, { status: 'actief', limit: 500, offset: 0 });
  let n = 0;
  for (const p of participants.items) {
    const [debt] = await repo.debtsOfParticipant(ctx.db, scope.id, p.id);
    if (!debt) continue;
    const letter = textPdf([
      debt.creditorName,
      '',
      `Aan: ${p.name}`,
      `Betreft: betalingsherinnering, dossier ${String(100_000 + p.number * 37).slice(-6)}`,
      '',
      `Volgens onze administratie staat er nog ${euros(Number(debt.amountCents))} open.`,
      'Wij verzoeken u dit bedrag binnen 14 dagen te betalen of contact met ons op te nemen',
      'voor een betalingsregeling.',
      '',
      'Met vriendelijke groet,',
      `${debt.creditorName}, afdeling Debiteuren`,
      '',
      '(Fictieve brief uit de demo van dichter.)',
    ]);
    const file = prepareFile({ data: letter, fileName: `Betalingsherinnering ${debt.creditorName}.pdf` }, 'youth_debt.document');
    await docs.insertDocument(ctx.db, {
      workspaceId: scope.id,
      id: newId(),
      debtId: debt.id,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.data.length,
      data: file.data,
      uploadedBy: p.counsellorUserId,
    });
    n++;
  }
  demo.log(`schuldenaanpak jongeren: ${n} brieven van schuldeisers bij de schulden`);
}
