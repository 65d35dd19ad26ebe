import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtmlPosting } from '../../../src/adapters/html-posting-reader.js';
import { PostingSchema, type Posting } from '../../../src/core/posting.js';
import { buildPosting, draftFromText } from '../../../src/core/posting/build-posting.js';
import { detectLanguage } from '../../../src/core/posting/detect-language.js';
import { readTextPosting } from '../../../src/core/posting/read-text-posting.js';
import { sectionCue } from '../../../src/core/posting/section-cues.js';
import { splitSentences } from '../../../src/core/posting/split-sentences.js';
import { fixture } from './fixtures.js';

const TEXTS: [file: string, language: string][] = [
  ['en-markdown-posting.md', 'en'],
  ['de-plain-posting.txt', 'de'],
  ['fr-plain-posting.txt', 'fr'],
  ['es-plain-posting.txt', 'es'],
  ['pt-plain-posting.txt', 'pt'],
];

function allPostings(): [string, Posting][] {
  const pages = readdirSync(new URL('../../fixtures/pages/', import.meta.url)).filter((f) => f !== 'no-job-page.html');
  return [
    ...pages.map((f): [string, Posting] => [f, readHtmlPosting(fixture(`pages/${f}`))]),
    ...TEXTS.map(([f]): [string, Posting] => [f, readTextPosting(fixture(`postings/${f}`))]),
  ];
}

describe('buildPosting', () => {
  it.each(allPostings())('%s: every sentence is exactly its slice of Posting.text, and the posting is schema-valid', (_f, posting) => {
    expect(PostingSchema.safeParse(posting).success).toBe(true);
    const sentences = posting.sections.flatMap((s) => s.sentences);
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) expect(posting.text.slice(s.start, s.end)).toBe(s.text);
    // Sentences come in text order and never overlap.
    for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
  });

  it.each(TEXTS)('%s is detected as %s with its requirement and benefit sections', (file, language) => {
    const posting = readTextPosting(fixture(`postings/${file}`));
    expect(posting.language).toBe(language);
    expect(posting.languageConfidence).toBeGreaterThan(0.5);
    const kinds = posting.sections.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['requirements', 'responsibilities', 'benefits', 'about-company']));
  });

  it('marks list items and strips Markdown marks', () => {
    const posting = readTextPosting(fixture('postings/en-markdown-posting.md'));
    expect(posting.title).toBe('Senior Data Engineer');
    expect(posting.text).not.toMatch(/\*\*|^#/m);
    expect(posting.text).toContain('• 5+ years of experience in data engineering');
    const item = posting.sections.find((s) => s.kind === 'requirements')!.sentences[0]!;
    expect(item).toMatchObject({ text: '5+ years of experience in data engineering', isListItem: true });
    expect(posting.sections.find((s) => s.kind === 'nice-to-have')!.sentences).toHaveLength(2);
  });

  it('reads a posting without headings as one section of sentences', () => {
    const posting = readTextPosting(fixture('postings/no-headings-posting.txt'));
    expect(posting.sections).toHaveLength(1);
    expect(posting.sections[0]!.kind).toBe('other');
    expect(posting.sections[0]!.heading).toBeNull();
    expect(posting.sections[0]!.sentences.map((s) => s.text)).toContain('Experience with Square POS is a plus.');
  });

  it('joins hard-wrapped lines (PDF text) into one sentence', () => {
    const posting = buildPosting(draftFromText('Requirements\nYou need solid experience with\nPython and SQL. Also Git.'), { format: 'text' });
    expect(posting.sections[0]!.kind).toBe('requirements');
    expect(posting.sections[0]!.sentences.map((s) => s.text)).toEqual(['You need solid experience with Python and SQL.', 'Also Git.']);
  });

  it('inherits the parent kind for an unlabelled sub-heading', () => {
    const posting = readTextPosting('## Qualifications\n**Educational background:**\n- A degree in computer science\n## Perks\n- Free lunch');
    expect(posting.sections.map((s) => [s.heading, s.kind])).toEqual([
      ['Educational background', 'requirements'],
      ['Perks', 'benefits'],
    ]);
  });

  it('reads the first short line of pasted text as the title', () => {
    expect(readTextPosting(fixture('postings/de-plain-posting.txt')).title).toBe('Softwareentwickler Java (m/w/d)');
    expect(readTextPosting(fixture('postings/no-headings-posting.txt')).title).toBeNull();
  });

  it('honours a forced language', () => {
    expect(readTextPosting(fixture('postings/de-plain-posting.txt'), { language: 'DE' }).languageConfidence).toBe(1);
  });

  it('refuses empty, heading-only and binary input with clear codes', () => {
    expect(() => readTextPosting('  \n ')).toThrow(expect.objectContaining({ code: 'empty_posting' }));
    expect(() => readTextPosting('# Just a title')).toThrow(expect.objectContaining({ code: 'empty_posting' }));
    expect(() => readTextPosting(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]))).toThrow(
      expect.objectContaining({ code: 'binary_input' }),
    );
  });
});

describe('section cues', () => {
  it.each([
    ['Requirements', 'requirements'], ['Qualifications', 'requirements'], ['What you bring', 'requirements'],
    ['Ihr Profil', 'requirements'], ['Das bringst du mit', 'requirements'], ['Profil recherché', 'requirements'],
    ['Requisitos', 'requirements'], ['Votre profil :', 'requirements'], ['Anforderungen', 'requirements'],
    ['Requisitos desejáveis', 'nice-to-have'], ['Preferred Qualifications', 'nice-to-have'], ['Nice to have', 'nice-to-have'],
    ['Se valorará', 'nice-to-have'], ['Wünschenswert', 'nice-to-have'], ['Atouts', 'nice-to-have'],
    ['Benefits', 'benefits'], ['Wir bieten', 'benefits'], ['Nous offrons', 'benefits'], ['Ofrecemos', 'benefits'],
    ['O que oferecemos', 'benefits'], ['About us', 'about-company'], ['Über uns', 'about-company'],
    ['Qui sommes-nous ?', 'about-company'], ['Sobre nosotros', 'about-company'], ['Sobre nós', 'about-company'],
    ['Equal Employment Opportunity', 'legal'], ['Chancengleichheit', 'legal'], ['Responsibilities', 'responsibilities'],
    ['Deine Aufgaben', 'responsibilities'], ['Vos missions', 'responsibilities'], ['Funciones', 'responsibilities'],
    ['Responsabilidades', 'responsibilities'], ['About the role', 'responsibilities'], ['About you', 'requirements'],
    ['Nice-to-haves', 'nice-to-have'], ['Even better if you have', 'nice-to-have'], ['Diferenciais', 'nice-to-have'],
    ['Who we are looking for', 'requirements'], ['O que esperamos de você', 'requirements'], ['Was wir erwarten', 'requirements'],
    ['¿Qué buscamos?', 'requirements'], ['Ce que nous attendons', 'requirements'], ['Das erwartet dich', 'responsibilities'],
    ['Deine Benefits', 'benefits'], ['Benefícios', 'benefits'], ['Your Profile', 'requirements'],
  ])('%s → %s', (heading, kind) => {
    expect(sectionCue(heading)).toBe(kind);
  });

  it('returns null for headings that name no section', () => {
    expect(sectionCue('Additional Information')).toBeNull();
    expect(sectionCue('Summary')).toBeNull();
  });
});

describe('sentences and language', () => {
  it('does not split after abbreviations, initials or decimals', () => {
    const text = 'Tools, e.g. Jira and Confluence, are used daily. Wir nutzen z.B. Python. Version 3.12 is fine! Ask Dr. Ng.';
    const parts = splitSentences(text).map((r) => text.slice(r.start, r.end));
    expect(parts).toEqual(['Tools, e.g. Jira and Confluence, are used daily.', 'Wir nutzen z.B. Python.', 'Version 3.12 is fine!', 'Ask Dr. Ng.']);
  });

  it('splits at CJK full stops', () => {
    const text = 'Javaエンジニアを募集しています。Spring Bootの経験がある方。';
    expect(splitSentences(text).map((r) => text.slice(r.start, r.end))).toEqual(['Javaエンジニアを募集しています。', 'Spring Bootの経験がある方。']);
  });

  it('reports und for text with no letters', () => {
    expect(detectLanguage('1234 5678 --- ***')).toEqual({ language: 'und', confidence: 0, reliable: false });
  });
});
