import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../src/adapters/pdf-text.js';

/** A one-page PDF with one line of text, built by hand so the test needs no fixture binary. */
function tinyPdf(line: string): Uint8Array {
  const content = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('pdfText', () => {
  it('extracts the text of a PDF CV', async () => {
    expect(await pdfText(tinyPdf('Skills: SQL, Python'))).toContain('Skills: SQL, Python');
  });

  it('a broken PDF is an InputError saying what to do', async () => {
    await expect(pdfText(new TextEncoder().encode('%PDF-1.4 nonsense'))).rejects.toMatchObject({ code: 'pdf_unreadable' });
  });
});
