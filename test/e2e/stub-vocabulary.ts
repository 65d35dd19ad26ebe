/**
 * A dozen skills the stub service "knows", with the words that name them in the fixture pages. The URIs have the
 * ESCO shape but are stand-ins: the stub exists to exercise the extension, not to link skills.
 */
export interface StubSkill {
  id: string
  label: string
  words: string[]
  skillType: 'skill/competence' | 'knowledge'
}

const esco = (id: string): string => `http://data.europa.eu/esco/skill/e2e-${id}`

export const STUB_SKILLS: StubSkill[] = [
  { id: 'python', label: 'Python (computer programming)', words: ['Python'], skillType: 'knowledge' },
  { id: 'sql', label: 'SQL', words: ['SQL', 'PostgreSQL'], skillType: 'knowledge' },
  { id: 'docker', label: 'use container technology', words: ['Docker', 'containers'], skillType: 'skill/competence' },
  { id: 'kubernetes', label: 'Kubernetes', words: ['Kubernetes'], skillType: 'knowledge' },
  { id: 'ml', label: 'machine learning', words: ['machine learning'], skillType: 'knowledge' },
  { id: 'typescript', label: 'TypeScript', words: ['TypeScript'], skillType: 'knowledge' },
  { id: 'react', label: 'develop user interfaces with React', words: ['React'], skillType: 'skill/competence' },
  { id: 'git', label: 'use version control (Git)', words: ['Git'], skillType: 'skill/competence' },
  { id: 'cloud', label: 'manage cloud infrastructure', words: ['AWS', 'cloud'], skillType: 'skill/competence' },
  { id: 'communication', label: 'communicate with stakeholders', words: ['communication', 'stakeholders'], skillType: 'skill/competence' },
  { id: 'agile', label: 'Agile project management', words: ['Scrum', 'agile'], skillType: 'knowledge' },
  { id: 'german', label: 'German', words: ['German', 'Deutsch'], skillType: 'knowledge' },
]
export const escoUri = (s: StubSkill): string => esco(s.id)

export const IMPLIED = [
  { id: 'debug', label: 'debug software' },
  { id: 'test', label: 'execute software tests' },
]
export const impliedUri = (id: string): string => esco(id)
