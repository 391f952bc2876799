import type { ServiceContext, WorkspaceScope } from '../../platform/context';
import { prepareFile } from '../../platform/files/files';
import { newId } from '../../platform/ids';
import type { DemoContext } from '../../platform/module';
import * as docs from './documents.repository';
import * as repo from './repository';

/*
 * The demo's documents on debts: for every active participant, the creditor's reminder on the
 * first debt, as a one-page PDF written here (fictional, like everything in the demo). They go
 * through the same checks as an upload.
 */

/** A string for a PDF text object: Latin-1, with `\`, `(` and `)` escaped. */
const pdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A valid one-page PDF (Helvetica, A4) with these lines of text, cross-reference table included. */
export function letterPdf(lines: readonly string[]): Buffer {
  const content = ['BT', '/F1 11 Tf', '14 TL', '72 770 Td', ...lines.map((l) => `(${pdfText(l)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const euros = (cents: number) => `EUR ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export async function seedDemoDocuments(ctx: ServiceContext, scope: WorkspaceScope, demo: DemoContext) {
  const participants = await repo.listParticipants(ctx.db, scope.id, { status: 'actief', limit: 500, offset: 0 });
  let n = 0;
  for (const p of participants.items) {
    const [debt] = await repo.debtsOfParticipant(ctx.db, scope.id, p.id);
    if (!debt) continue;
    const letter = letterPdf([
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
