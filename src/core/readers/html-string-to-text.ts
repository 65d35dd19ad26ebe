/**
 * Text from an HTML fragment held in a string (schema.org `description` fields), with the same Markdown-lite block
 * marks as `domToText`. Works on the string alone — no DOM parsing — so nothing in the fragment can load or run.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', bull: '•',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', euro: '€', copy: '©', reg: '®', trade: '™', middot: '·',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è',
  ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', ocirc: 'ô', icirc: 'î', ucirc: 'û', ugrave: 'ù', euml: 'ë',
  iuml: 'ï', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', atilde: 'ã', otilde: 'õ',
  Eacute: 'É', Aacute: 'Á', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Ccedil: 'Ç', iexcl: '¡', iquest: '¿',
};

/** Decode character references (`&amp;`, `&#233;`, `&#x2022;`); unknown names are kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Block-structured text from an HTML string; plain text (no tags) passes through with entities decoded. */
export function htmlStringToText(html: string): string {
  // Some sites escape the description twice; unescape once so the tags below are seen as tags.
  if (!/<[a-z!/]/i.test(html) && /&lt;\/?[a-z]/i.test(html)) return htmlStringToText(decodeEntities(html));
  if (!/<[a-z!/]/i.test(html)) return decodeEntities(html).replace(/\r\n?/g, '\n').trim();
  const marked = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_m, level: string, inner: string) =>
      `\n${'#'.repeat(Number(level))} ${inner}\n`,
    )
    // "<li><p>text</p></li>" is one item: swallow the opening blocks so the marker stays on the text's line.
    .replace(/<li\b[^>]*>\s*(?:<(?:p|div|span|strong|b)\b[^>]*>\s*)*/gi, '\n- ')
    .replace(/<(p|div)\b[^>]*>\s*<(strong|b)\b[^>]*>([^<]{1,90})<\/\2\s*>\s*<\/\1\s*>/gi, '\n**$3**\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|ul|ol|li|section|article|table|tr|blockquote|pre|dl|dt|dd|hr|header|footer|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(marked)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line && line !== '-')
    .join('\n');
}
