/*
 * A plain one-page PDF written here, for the demo's letters and attachments (fictional, like
 * everything in the demo). It passes the same checks as an upload.
 */

/** A string for a PDF text object: Latin-1, with `\`, `(` and `)` escaped. */
const pdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A valid one-page PDF (Helvetica, A4) with these lines of text, cross-reference table included. */
export function textPdf(lines: readonly string[]): Buffer {
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
