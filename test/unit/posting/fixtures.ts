import { readFileSync } from 'node:fs';

/** Text of a fixture under test/fixtures (pages/…, postings/…). */
export function fixture(relative: string): string {
  return readFileSync(new URL(`../../fixtures/${relative}`, import.meta.url), 'utf8');
}

/**
 * A minimal one-page PDF whose text layer holds `lines` (Helvetica, one line each); no lines → an image-only page.
 * `encrypted` adds a Standard security handler whose user password is not empty, so readers must ask for it.
 */
export function makePdf(lines: string[], options: { encrypted?: boolean } = {}): Uint8Array {
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = lines.length
    ? `BT /F1 11 Tf 14 TL 50 780 Td ${lines.map((l) => `(${escape(l)}) Tj T*`).join(' ')} ET`
    : '0 0 1 rg 10 10 100 100 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  if (options.encrypted) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const encrypt = options.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}><${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A large job page (about `megabytes` MB): a posting before (or after) many paragraphs of filler markup and script. */
export function makeLargePage(megabytes: number, postingAt: 'start' | 'end' = 'start'): string {
  const filler = '<div class="related"><p>Related listing: warehouse operative, evening shift, no experience needed.</p></div>\n';
  const count = Math.ceil((megabytes * 1024 * 1024) / filler.length);
  const posting = `<main><article><h1>Platform Engineer</h1>
<h2>Requirements</h2><ul><li>Experience with Kubernetes and Go</li><li>Knowledge of PostgreSQL</li></ul>
<h2>Responsibilities</h2><ul><li>Run our build infrastructure</li></ul></article></main>`;
  const script = `<script>window.__state = ${JSON.stringify({ rows: 'x'.repeat(200_000) })};</script>`;
  const aside = `<aside>${filler.repeat(count)}</aside>`;
  const body = postingAt === 'start' ? posting + script + aside : script + aside + posting;
  return `<!DOCTYPE html><html><head><title>Big page</title></head><body>${body}</body></html>`;
}
