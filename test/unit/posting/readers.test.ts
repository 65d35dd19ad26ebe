import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlDraft, readHtmlPosting } from '../../../src/adapters/html-posting-reader.js';
import { isSkillProofError } from '../../../src/core/errors.js';
import { findJobPostings } from '../../../src/core/readers/json-ld-reader.js';
import { readDocument } from '../../../src/core/readers/read-document.js';
import { fixture } from './fixtures.js';

const SITES: [file: string, reader: string, title: string, organisation: string, location: string][] = [
  ['linkedin-job.html', 'linkedin', 'Backend Engineer (Go)', 'Northwind Freight', 'Rotterdam, South Holland, Netherlands'],
  ['indeed-job.html', 'indeed', 'Data Analyst', 'Bramble Health', 'Leeds LS1 · Hybrid work'],
  ['greenhouse-job.html', 'greenhouse', 'Frontend Engineer', 'Lumen Ledger', 'Remote (EU)'],
  ['lever-job.html', 'lever', 'Site Reliability Engineer', 'Kestrel Cloud', 'Lisbon, Portugal'],
  ['workday-job.html', 'workday', 'Financial Controller', 'Harbor & Pine', 'Chicago, IL'],
  ['stepstone-job.de.html', 'stepstone', 'IT-Projektmanager (m/w/d)', 'Falkenried Energie GmbH', 'Hamburg'],
];

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('site readers', () => {
  it.each(SITES)('%s is read by the %s reader with its header fields', (file, reader, title, organisation, location) => {
    const draft = readDocument(doc(fixture(`pages/${file}`)), null);
    expect(draft).not.toBeNull();
    expect(draft!.reader).toBe(reader);
    expect(draft!.title).toBe(title);
    expect(draft!.organisation).toBe(organisation);
    expect(draft!.location).toBe(location);
  });

  it.each(SITES)('%s yields requirement and responsibility sections without page chrome', (file) => {
    const posting = readHtmlPosting(fixture(`pages/${file}`));
    const kinds = posting.sections.map((s) => s.kind);
    expect(kinds).toContain('requirements');
    expect(kinds).toContain('responsibilities');
    expect(posting.text).not.toMatch(/Easy Apply|Submit Application|Apply for this job|trackingQueue/);
  });

  it('picks the site reader by hostname even when the markup marker is missing', () => {
    const html = '<html><body><div id="jobDescriptionText"><h2>Requirements</h2><ul><li>Experience with Rust and embedded Linux</li></ul></div></body></html>';
    expect(readDocument(doc(html), 'https://uk.indeed.com/viewjob?jk=1')!.reader).toBe('indeed');
  });

  it('reads StepStone section by section when the job-ad container is missing', () => {
    const html = fixture('pages/stepstone-job.de.html').replace('data-at="job-ad-content"', '');
    const draft = readDocument(doc(html), 'https://www.stepstone.de/stellenangebote--x.html')!;
    expect(draft.reader).toBe('stepstone');
    expect(draft.text).toContain('## Ihr Profil\n- Abgeschlossenes Studium');
    expect(draft.text.indexOf('Ihre Aufgaben')).toBeLessThan(draft.text.indexOf('Wir bieten'));
  });

  it('keeps list items and headings on their own lines', () => {
    const draft = readDocument(doc(fixture('pages/linkedin-job.html')), 'https://www.linkedin.com/jobs/view/1')!;
    expect(draft.text).toContain('\n**What you bring**\n');
    expect(draft.text).toContain('\n- 3+ years of experience with Go in production\n');
  });
});

describe('schema.org readers', () => {
  it('reads a JobPosting inside an @graph, skipping a broken JSON-LD block and unescaping the description', () => {
    const posting = readHtmlPosting(fixture('pages/jsonld-graph.html'), { url: 'https://careers.quillmark.example/ml' });
    expect(posting.source).toEqual({ kind: 'url', reader: 'json-ld', url: 'https://careers.quillmark.example/ml' });
    expect(posting.title).toBe('Machine Learning Engineer');
    expect(posting.organisation).toBe('Quillmark');
    expect(posting.location).toBe('Montréal, QC, CA');
    expect(posting.jsonLd?.title).toBe('Machine Learning Engineer');
    expect(posting.sections.find((s) => s.kind === 'requirements')?.sentences.map((s) => s.text)).toContain(
      'Experience with PyTorch and Python',
    );
    expect(posting.text).not.toMatch(/<|&lt;/);
  });

  it('finds JobPostings in arrays and nested values', () => {
    const found = findJobPostings([{ '@type': 'Organization' }, { wrapper: { '@type': 'http://schema.org/JobPosting', title: 'X' } }]);
    expect(found).toHaveLength(1);
  });

  it('reads microdata with nested organisation and address items', () => {
    const draft = readDocument(doc(fixture('pages/microdata-job.html')), null)!;
    expect(draft.reader).toBe('microdata');
    expect(draft.title).toBe('Customer Support Specialist');
    expect(draft.organisation).toBe('Tidewater Bikes');
    expect(draft.location).toBe('Valencia, ES');
    expect(draft.text).toContain('## Requirements');
  });
});

describe('generic reader and bad pages', () => {
  it('reads the article of a blog-style job page and leaves sidebar, comments and footer out', () => {
    const posting = readHtmlPosting(fixture('pages/generic-blog-style-job.html'));
    expect(posting.source.reader).toBe('generic');
    expect(posting.title).toBe("We're hiring a DevOps Engineer");
    expect(posting.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['requirements', 'nice-to-have']));
    expect(posting.text).not.toMatch(/Popular posts|3 comments|All rights reserved/);
  });

  it('returns null for a page that is not a job posting, and the adapter says what to do', () => {
    expect(readDocument(doc(fixture('pages/no-job-page.html')), null)).toBeNull();
    try {
      readHtmlPosting(fixture('pages/no-job-page.html'));
      expect.unreachable();
    } catch (e) {
      expect(isSkillProofError(e) && e.code).toBe('no_posting_found');
      expect((e as Error).message).toMatch(/paste its text/);
    }
  });

  it('reads malformed HTML without crashing and without running or keeping its script', () => {
    const posting = readHtmlPosting(fixture('pages/malformed.html'));
    expect(posting.title).toBe('Warehouse Team Lead');
    expect(posting.sections.some((s) => s.kind === 'requirements')).toBe(true);
    expect(posting.text).not.toContain('never runs');
  });

  it('reads a page nested thousands of levels deep (Readability is skipped there)', () => {
    const n = 5_000;
    const html = `<html><body>${'<div>'.repeat(n)}<h2>Requirements</h2><ul><li>Experience with Go and SQL</li></ul><h2>Responsibilities</h2><p>Build services for our customers.</p>${'</div>'.repeat(n)}</body></html>`;
    const posting = readHtmlPosting(html);
    expect(posting.source.reader).toBe('generic');
    expect(posting.sections.find((s) => s.kind === 'requirements')?.sentences[0]?.text).toBe('Experience with Go and SQL');
  });

  it('never throws anything but an InputError on random tag soup', () => {
    const tokens = ['<div>', '</div>', '<h2>', '</h3>', '<li>', '<ul>', '</ul>', '<p>', '<b>', '</b>', '<script>', '</script>',
      '<!--', '-->', '<table><tr><td>', '&amp;', '&#x;', 'Requirements', 'Experience with Go', '<', '>', '"', "'", '<![CDATA[',
      '<meta charset="x-unknown">', '<script type="application/ld+json">{"@type":"JobPosting","description":', '}</script>'];
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const soup = Array.from({ length: 5 + (next() % 60) }, () => tokens[next() % tokens.length]).join(next() % 2 ? ' ' : '');
      try {
        readHtmlPosting(soup);
      } catch (e) {
        expect(isSkillProofError(e), `${String(e)} on ${soup}`).toBe(true);
      }
    }
  });

  it('refuses empty and binary input with clear codes', () => {
    expect(() => readHtmlDraft('   ')).toThrow(expect.objectContaining({ code: 'empty_input' }));
    expect(() => readHtmlDraft(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(
      expect.objectContaining({ code: 'binary_input' }),
    );
  });

  it('does not change the document it reads (content scripts read the live page)', () => {
    const page = doc(fixture('pages/generic-blog-style-job.html'));
    const before = page.body.innerHTML.length;
    readDocument(page, null);
    expect(page.body.innerHTML.length).toBe(before);
  });
});
