import { cleanField, type DocumentReader } from './document-reader.js';
import { domToText } from './dom-to-text.js';

/** The value of a microdata property element, following the HTML microdata rules for meta/link/time/data. */
function propValue(el: Element): string {
  const tag = el.tagName.toUpperCase();
  if (tag === 'META') return el.getAttribute('content') ?? '';
  if (tag === 'A' || tag === 'LINK') return el.getAttribute('href') ?? '';
  if (tag === 'TIME') return el.getAttribute('datetime') ?? el.textContent ?? '';
  if (tag === 'DATA') return el.getAttribute('value') ?? '';
  return el.textContent ?? '';
}

/** Properties that belong to `scope` itself, not to an item nested inside it. */
function ownProps(scope: Element, name: string): Element[] {
  return Array.from(scope.querySelectorAll(`[itemprop~="${name}"]`)).filter((el) => {
    let parent = el.parentElement;
    while (parent && parent !== scope) {
      if (parent.hasAttribute('itemscope')) return false;
      parent = parent.parentElement;
    }
    return true;
  });
}

function nestedName(scope: Element, prop: string): string | null {
  const el = ownProps(scope, prop)[0];
  if (!el) return null;
  if (el.hasAttribute('itemscope')) {
    const name = ownProps(el, 'name')[0];
    if (name) return cleanField(propValue(name));
  }
  return cleanField(propValue(el));
}

function locationIn(scope: Element): string | null {
  const place = ownProps(scope, 'jobLocation')[0];
  if (!place) return null;
  const parts = ['addressLocality', 'addressRegion', 'addressCountry']
    .map((p) => place.querySelector(`[itemprop~="${p}"]`))
    .map((el) => (el ? cleanField(propValue(el)) : null))
    .filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : cleanField(place.textContent);
}

/** Reads a schema.org JobPosting written as HTML microdata (`itemtype=".../JobPosting"`). */
export const microdataReader: DocumentReader = {
  name: 'microdata',
  read(doc, url) {
    const scope = Array.from(doc.querySelectorAll('[itemscope][itemtype]')).find((el) =>
      /schema\.org\/JobPosting\b/i.test(el.getAttribute('itemtype') ?? ''),
    );
    if (!scope) return null;
    const description = ownProps(scope, 'description')[0];
    const text = description
      ? description.tagName.toUpperCase() === 'META'
        ? propValue(description)
        : domToText(description)
      : domToText(scope);
    if (!text.trim()) return null;
    const title = ownProps(scope, 'title')[0];
    return {
      url,
      title: title ? cleanField(propValue(title)) : null,
      organisation: nestedName(scope, 'hiringOrganization'),
      location: locationIn(scope),
      text: text.slice(0, 2_000_000),
      reader: 'microdata',
      jsonLd: null,
    };
  },
};
