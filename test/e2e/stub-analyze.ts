import { ANALYSIS_SCHEMA_VERSION, type PostingAnalysis, type SkillMatch } from '../../src/core/analysis.js'
import type { PostingDraft } from '../../src/core/posting.js'
import { IMPLIED, STUB_SKILLS, escoUri, impliedUri } from './stub-vocabulary.js'

const OPTIONAL_CUE = /nice to have|bonus|a plus|preferred|von Vorteil|wünschenswert|apprécié|se valorará/i
const HEADING = /^(#+ |\*\*)/

/**
 * The stub's analysis: finds the vocabulary's words line by line; a line is optional when it or the heading above
 * it carries a nice-to-have cue. Offsets are into `draft.text`, as the real service's are into Posting.text.
 */
export function stubAnalyze(draft: PostingDraft): PostingAnalysis {
  const found = new Map<string, SkillMatch>()
  let offset = 0
  let sectionOptional = false
  for (const line of draft.text.split('\n')) {
    if (HEADING.test(line) || (!line.startsWith('- ') && line.length < 60 && /:$/.test(line))) sectionOptional = OPTIONAL_CUE.test(line)
    const optional = sectionOptional || OPTIONAL_CUE.test(line)
    for (const skill of STUB_SKILLS) {
      for (const word of skill.words) {
        const at = line.toLowerCase().indexOf(word.toLowerCase())
        if (at < 0) continue
        const uri = escoUri(skill)
        const start = offset + at
        const evidence = { sentence: line.replace(/^- /, ''), span: { start, end: start + word.length }, mention: line.slice(at, at + word.length) }
        const prev = found.get(uri)
        if (prev) {
          if (prev.evidence.length < 3) prev.evidence.push(evidence)
          if (!optional) prev.importance = 'essential'
          continue
        }
        found.set(uri, {
          escoUri: uri,
          label: skill.label,
          skillType: skill.skillType,
          score: 0.7 + (skill.id.length % 3) / 10,
          importance: optional ? 'optional' : 'essential',
          evidence: [evidence],
          years: /(\d+)\+? years/.exec(line) ? Number(/(\d+)\+? years/.exec(line)![1]) : null,
          level: null,
          channels: ['lexical'],
        })
      }
    }
    offset += line.length + 1
  }
  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    posting: {
      title: draft.title,
      organisation: draft.organisation,
      location: draft.location,
      language: /\b(und|wir|Sie)\b/.test(draft.text) ? 'de' : 'en',
      url: draft.url,
      sentenceCount: draft.text.split('\n').length,
    },
    skills: [...found.values()],
    occupations: [{ escoUri: 'http://data.europa.eu/esco/occupation/e2e-developer', label: 'software developer', score: 0.8 }],
    implied: IMPLIED.map((s) => ({ escoUri: impliedUri(s.id), label: s.label, skillType: 'skill/competence' as const, occupationUri: 'http://data.europa.eu/esco/occupation/e2e-developer' })),
    notes: [],
    timings: { totalMs: 3 },
    model: { embedder: 'stub', escoVersion: 'stub' },
  }
}
