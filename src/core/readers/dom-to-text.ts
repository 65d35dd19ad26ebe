/**
 * Block-preserving text from a DOM subtree, written as "Markdown-lite" so `buildPosting` can find sections:
 * headings become `## Heading` lines, list items `- item` lines, and a paragraph made only of bold text becomes a
 * `**Heading**` line (many job sites style their section titles that way). Only text is read: nothing is
 * serialised, parsed or executed.
 */

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'BUTTON',
  'SELECT', 'TEXTAREA', 'INPUT', 'FORM', 'NAV', 'MATH', 'VIDEO', 'AUDIO',
]);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'UL', 'OL', 'DL', 'DD', 'TABLE', 'TBODY',
  'THEAD', 'TR', 'BLOCKQUOTE', 'PRE', 'HR', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'FIELDSET', 'DETAILS', 'SUMMARY',
  'BODY', 'HTML', 'CENTER',
]);
const HEADING = /^H([1-6])$/;
const BOLD = new Set(['STRONG', 'B']);
const CONTAINS_BLOCKS = 'p,div,ul,ol,li,table,section,article,h1,h2,h3,h4,h5,h6';

interface Frame {
  node: Node;
  exit: boolean;
}

/** Text of `root` with one block per line, headings and list items marked (see file comment). */
export function domToText(root: Node, options: { skipChrome?: boolean } = {}): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (line && !/^(-|##+|\*\*\*\*)$/.test(line)) lines.push(line);
    current = '';
  };
  // An explicit stack instead of recursion: malformed pages can nest tens of thousands of unclosed elements.
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : 'DIV';
    if (exit) {
      if (tag === 'LI' || tag === 'DT' || HEADING.test(tag)) {
        flush();
      } else if (tag === 'TD' || tag === 'TH') current += ' ';
      else if (BLOCK.has(tag)) flush();
      continue;
    }
    if (SKIP.has(tag) || isHidden(node)) continue;
    if (options.skipChrome && (tag === 'HEADER' || tag === 'FOOTER' || tag === 'ASIDE')) continue;
    if (tag === 'BR') {
      flush();
      continue;
    }
    const heading = HEADING.exec(tag);
    // Lenient parsers leave an unclosed <h1> wrapping the rest of the page: only a heading without blocks is a title.
    if (heading && !(node as Element).querySelector(CONTAINS_BLOCKS)) {
      flush();
      current = `${'#'.repeat(Number(heading[1]))} ${oneLine(node)}`;
      flush();
      continue;
    }
    // Inside a list item that has no text yet, a block (<li><p>…</p></li>) continues the item, keeping its marker.
    const openItem = current.trim() === '-';
    if (!openItem && (tag === 'DT' || ((tag === 'P' || tag === 'DIV') && isBoldOnly(node as Element)))) {
      flush();
      current = `**${oneLine(node)}**`;
      flush();
      continue;
    }
    if (tag === 'LI') {
      flush();
      current = '- ';
    } else if (BLOCK.has(tag) && !openItem) flush();
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  return lines.join('\n');
}

function oneLine(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isHidden(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

// A short block whose visible text is all inside <strong>/<b> reads as a section title on most job sites.
// Children are checked before any text is read: reading textContent of every <div> would be quadratic on deep pages.
function isBoldOnly(el: Element): boolean {
  let bold = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      if ((child.nodeValue ?? '').trim()) return false;
    } else if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (BOLD.has(tag)) bold += child.textContent ?? '';
      else if (tag !== 'BR') return false;
      if (bold.length > 120) return false;
    }
  }
  const text = bold.replace(/\s+/g, ' ').trim();
  return text.length > 0 && text.length <= 90;
}
