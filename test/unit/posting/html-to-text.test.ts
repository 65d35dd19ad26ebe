import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domToText } from '../../../src/core/readers/dom-to-text.js';
import { decodeEntities, htmlStringToText } from '../../../src/core/readers/html-string-to-text.js';

function body(html: string): Node {
  return (parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document).body;
}

describe('domToText', () => {
  it('puts headings, list items and bold-only paragraphs on their own marked lines', () => {
    const text = domToText(body('<h2>Profile</h2><p><strong>Must haves</strong></p><ul><li>Go</li><li>SQL <em>and</em> Redis</li></ul><p>Plain <b>bold</b> words.</p>'));
    expect(text.split('\n')).toEqual(['## Profile', '**Must haves**', '- Go', '- SQL and Redis', 'Plain bold words.']);
  });

  it('keeps the item marker when a list item wraps its text in a paragraph or bold block', () => {
    const text = domToText(body('<ul><li><p>Go and Rust</p></li><li><p><strong>Kafka</strong></p></li></ul>'));
    expect(text.split('\n')).toEqual(['- Go and Rust', '- Kafka']);
  });

  it('skips scripts, styles, forms, hidden and aria-hidden elements', () => {
    const text = domToText(body('<p>Keep</p><script>bad()</script><style>p{}</style><div hidden>no</div><div style="display: none">no</div><span aria-hidden="true">no</span><form><label>no</label></form>'));
    expect(text).toBe('Keep');
  });

  it('separates table cells and line breaks', () => {
    expect(domToText(body('<table><tr><td>Java</td><td>5 years</td></tr></table><p>a<br>b</p>'))).toBe('Java 5 years\na\nb');
  });

  it('survives very deep nesting without recursion limits', () => {
    const deep = `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`;
    expect(domToText(body(deep))).toBe('deep text');
  });
});

describe('htmlStringToText', () => {
  it('converts HTML fragments without a DOM, keeping block marks', () => {
    expect(htmlStringToText('<p>Intro &amp; more</p><h3>Requirements</h3><ul><li>C&#43;&#43;</li><li>Rust</li></ul>').split('\n')).toEqual([
      'Intro & more',
      '### Requirements',
      '- C++',
      '- Rust',
    ]);
  });

  it('keeps item markers for paragraphs inside list items', () => {
    expect(htmlStringToText('<ul><li><p>Go</p></li><li><div><b>SQL</b></div></li></ul>')).toBe('- Go\n- SQL');
  });

  it('drops script and style content and passes plain text through', () => {
    expect(htmlStringToText('<p>Hi</p><script>alert(1)</script><style>x</style>')).toBe('Hi');
    expect(htmlStringToText('Line one\nLine two &ndash; ok')).toBe('Line one\nLine two – ok');
  });

  it('decodes named, decimal and hex references and leaves unknown ones alone', () => {
    expect(decodeEntities('&eacute;&#233;&#xE9;&bogus;&#0;')).toBe('ééé&bogus;&#0;');
  });
});
