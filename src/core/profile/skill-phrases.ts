const SKILL_HEADING = /^\s*(?:#+\s*)?(?:technical |core |key |professional )?(?:skills|competenc(?:e|ies)|technologies|tools|tech stack|expertise|languages)\b.*:?\s*$/i;
const ANY_HEADING = /^\s*(?:#+\s*)?[A-Z][A-Za-z &/]{2,40}:?\s*$/;
const LABELLED_LIST = /^\s*[-•*]?\s*(?:skills|tools|technologies|tech stack|languages|frameworks|software)\s*:\s*(.+)$/i;

/** Split a list line ("SQL, Python • Tableau | Excel; dbt") into items. */
function listItems(line: string): string[] {
  return line
    .replace(/^\s*[-•*▪◦·]\s*/, '')
    .split(/\s*(?:[,;|•·]|\s\/\s)\s*/)
    .map((s) => s.replace(/\(.*?\)/g, '').replace(/[.:]+$/, '').trim())
    .filter((s) => s.length >= 1 && s.length <= 60 && s.split(/\s+/).length <= 6);
}

/**
 * Skill phrases a CV states as lists: lines under a "Skills"/"Tools"/"Technologies" heading, and "Tools: a, b" lines
 * anywhere. Free sentences are left to the posting pipeline, which reads requirement-like prose better.
 */
export function skillPhrases(text: string): string[] {
  const out: string[] = [];
  let inSkills = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const labelled = line.match(LABELLED_LIST);
    if (labelled) {
      out.push(...listItems(labelled[1]!));
      continue;
    }
    if (SKILL_HEADING.test(line)) {
      inSkills = true;
      continue;
    }
    if (inSkills && ANY_HEADING.test(line) && !/[,;|•]/.test(line)) {
      inSkills = false;
      continue;
    }
    if (inSkills) out.push(...listItems(line.replace(/^[^:]{1,30}:\s*/, '')));
  }
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.toLowerCase()) && (seen.add(s.toLowerCase()), true));
}
