import { describe, expect, it } from 'vitest';
import { SkillMentionSchema } from '../../../src/core/analysis.js';
import { extractMentions } from '../../../src/core/mentions/extract-mentions.js';
import { hasOptionalCue, importanceOf } from '../../../src/core/mentions/importance-cues.js';
import { levelIn, yearsIn } from '../../../src/core/mentions/qualifiers.js';
import { requirementSentences } from '../../../src/core/mentions/requirement-sentences.js';
import { readTextPosting } from '../../../src/core/posting/read-text-posting.js';
import { fixture } from './fixtures.js';

function mentionsOf(file: string) {
  const posting = readTextPosting(fixture(`postings/${file}`));
  return { posting, mentions: extractMentions(posting) };
}

describe('importance cues', () => {
  it.each([
    'Kafka is nice to have', 'Experience with Go is a plus', 'Preferred: a degree in maths', 'Bonus: Rust',
    'Kenntnisse in Kotlin sind wünschenswert', 'SAP-Kenntnisse von Vorteil', 'Du hast idealerweise Erfahrung mit dbt',
    'Idéalement, une expérience en IoT', 'La connaissance de Vue.js est un plus', 'Anglais apprécié',
    'Se valorará experiencia con Docker', 'Inglés deseable', 'Inglês é desejável', 'Experiência com SAP é um diferencial',
  ])('"%s" is optional', (text) => {
    expect(hasOptionalCue(text)).toBe(true);
    expect(importanceOf(text, 'requirements')).toBe('optional');
  });

  it('uses the section when the sentence says nothing, and the clause when a sentence mixes both', () => {
    expect(importanceOf('Experience with Kafka', 'nice-to-have')).toBe('optional');
    expect(importanceOf('Experience with Kafka', 'requirements')).toBe('essential');
    const mixed = 'Python is required, Rust is a plus';
    expect(importanceOf(mixed, 'requirements', mixed.indexOf('Python'))).toBe('essential');
    expect(importanceOf(mixed, 'requirements', mixed.indexOf('Rust'))).toBe('optional');
    const ideally = 'Experience with SQL, and ideally NoSQL databases';
    expect(importanceOf(ideally, 'requirements', ideally.indexOf('SQL'))).toBe('essential');
    expect(importanceOf(ideally, 'requirements', ideally.indexOf('NoSQL'))).toBe('optional');
    expect(importanceOf('Du hast idealerweise Erfahrung mit dbt', 'requirements', 30)).toBe('optional');
    const semi = 'Fluent English; Dutch is a plus';
    expect(importanceOf(semi, 'requirements', 0)).toBe('essential');
    expect(importanceOf(semi, 'requirements', semi.indexOf('Dutch'))).toBe('optional');
  });
});

describe('years and levels', () => {
  it.each([
    ['3+ years of experience with Java', 3], ['2-4 years in support', 2], ['at least five years of sales', 5],
    ['mindestens 3 Jahre Berufserfahrung', 3], ['5 ans d’expérience', 5], ['al menos 2 años de experiencia', 2],
    ['Experiência de 2 anos com vendas', 2], ['Strong Python skills', null], ['30 vacation days per year', null],
  ])('%s → %s', (text, years) => {
    expect(yearsIn(text)).toBe(years);
  });

  it.each([
    ['Fluent English', 'fluent'], ['Englisch verhandlungssicher', 'verhandlungssicher'], ['Anglais courant', 'courant'],
    ['German at B2 level', 'B2'], ['Expert knowledge of Excel', 'expert'], ['Advanced SQL', 'advanced'],
    ['Inglés avanzado', 'avanzado'], ['Python', null],
  ])('%s → %s', (text, level) => {
    expect(levelIn(text)).toBe(level);
  });
});

describe('extractMentions', () => {
  it('finds the skills of an English posting with spans, importance, years and level', () => {
    const { posting, mentions } = mentionsOf('en-markdown-posting.md');
    for (const m of mentions) {
      expect(SkillMentionSchema.safeParse(m).success).toBe(true);
      expect(posting.text.slice(m.span.start, m.span.end)).toBe(m.text);
      expect(posting.text.slice(m.sentenceSpan.start, m.sentenceSpan.end)).toBe(m.sentence);
    }
    const byText = new Map(mentions.map((m) => [m.text, m]));
    for (const skill of ['Python', 'Apache Spark', 'Snowflake', 'SQL', 'Airflow', 'Dagster', 'data modelling', 'Kafka', 'Terraform']) {
      expect(byText.has(skill), skill).toBe(true);
    }
    expect(byText.get('data engineering')).toMatchObject({ years: 5, importance: 'essential' });
    expect(byText.get('SQL')).toMatchObject({ level: 'expert', importance: 'essential' });
    expect(byText.get('Kafka')!.importance).toBe('optional');
    expect(byText.get('Terraform')!.importance).toBe('optional');
  });

  it('drops about-us, benefits and equal-opportunity text', () => {
    const { mentions } = mentionsOf('en-markdown-posting.md');
    const sentences = mentions.map((m) => m.sentence).join(' ');
    expect(sentences).not.toMatch(/annual leave|conferences|equal opportunity|regional newspapers/);
  });

  it.each([
    ['de-plain-posting.txt', ['Java', 'Spring Boot', 'SQL', 'Docker', 'Kubernetes', 'Kotlin', 'Deutsch'], 'Kotlin', 3],
    ['fr-plain-posting.txt', ['Python', 'Django', 'PostgreSQL', 'Docker', 'IoT'], 'IoT', 2],
    ['es-plain-posting.txt', ['Active Directory', 'Linux', 'ITIL'], 'Linux', 2],
    ['pt-plain-posting.txt', ['SEO', 'Google Analytics', 'Excel', 'e-commerce'], 'e-commerce', 2],
  ])('%s: finds %j, marks %s optional, keeps %i years', (file, skills, optional, years) => {
    const { posting, mentions } = mentionsOf(file);
    const texts = mentions.map((m) => m.text);
    for (const skill of skills) expect(texts.some((t) => t === skill || t.startsWith(`${skill} `)), skill).toBe(true);
    expect(mentions.find((m) => m.text === optional)!.importance).toBe('optional');
    expect(mentions.some((m) => m.years === years)).toBe(true);
    for (const m of mentions) expect(posting.text.slice(m.span.start, m.span.end)).toBe(m.text);
  });

  it('keeps level words: verhandlungssicher, courant, B2', () => {
    expect(mentionsOf('de-plain-posting.txt').mentions.find((m) => m.text === 'Deutsch')!.level).toBe('verhandlungssicher');
    expect(mentionsOf('fr-plain-posting.txt').mentions.some((m) => m.level === 'courant')).toBe(true);
    expect(mentionsOf('es-plain-posting.txt').mentions.some((m) => m.level === 'B2')).toBe(true);
  });

  it('reads a posting without headings from its asking sentences only', () => {
    const { mentions } = mentionsOf('no-headings-posting.txt');
    const square = mentions.find((m) => m.text.includes('Square POS'));
    expect(square?.importance).toBe('optional');
    expect(mentions.some((m) => m.years === 2)).toBe(true);
    expect(mentions.map((m) => m.sentence).join(' ')).not.toMatch(/living wage/);
  });

  it('copes with a megabyte of unpunctuated text and with thousands of list items', () => {
    const run = readTextPosting(`Requirements\n${'experience with Python and Java in Docker '.repeat(25_000)}`);
    expect(run.sections[0]!.sentences).toHaveLength(1);
    expect(extractMentions(run).map((m) => m.text)).toEqual(expect.arrayContaining(['Python', 'Java', 'Docker']));
    const list = readTextPosting(`Requirements\n${'- Experience with Python, Java and Go\n'.repeat(3_000)}`);
    const mentions = extractMentions(list);
    expect(mentions).toHaveLength(9_000);
    expect(list.text.slice(mentions[8_999]!.span.start, mentions[8_999]!.span.end)).toBe('Go');
  });

  it('gives the linker whole requirement sentences with their section and importance', () => {
    const posting = readTextPosting(fixture('postings/en-markdown-posting.md'));
    const sentences = requirementSentences(posting);
    expect(sentences.every((s) => ['requirements', 'nice-to-have', 'responsibilities'].includes(s.sectionKind))).toBe(true);
    expect(sentences.find((s) => s.sentence.text.startsWith('Experience with Kafka'))).toMatchObject({
      importance: 'optional',
      stated: true,
    });
  });

  it('keeps role-description prose that speaks to the candidate, not the company story around it', () => {
    const posting = readTextPosting(
      [
        '# Platform Engineer',
        '## The role',
        'Our platform team was founded in 2015 and now serves four continents. You will run our Kubernetes clusters. ' +
          'Ihre Aufgabe ist der Betrieb unserer Datenbanken. Applicants are welcome to ask about the on-call rota.',
        '- Automate deployments with Terraform',
        '## Requirements',
        '- Experience with Go',
      ].join('\n'),
    );
    const texts = requirementSentences(posting).map((s) => s.sentence.text);
    expect(texts.some((t) => t.startsWith('You will run'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Ihre Aufgabe'))).toBe(true);
    expect(texts.some((t) => t.includes('Terraform'))).toBe(true);
    expect(texts.some((t) => t.includes('Experience with Go'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Our platform team'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Applicants are welcome'))).toBe(false);
  });
});
