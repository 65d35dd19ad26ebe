import { InputError } from '../../core/errors.js';
import { analyzePosting } from './analyze-posting.js';
import { credentialElements } from './credential-elements.js';
import { explainMatch } from './explain-match.js';
import { gap } from './gap.js';
import { matchCandidate } from './match-candidate.js';
import { planCredentials } from './plan-credentials.js';
import { searchSkills } from './search-skills.js';
import type { AgentTool } from './tool-types.js';
import { verifyCredential } from './verify-credential.js';

export type { AgentTool, ToolContext, ToolOutput } from './tool-types.js';

/** Every agent tool by name; frozen so nothing registers tools at run time. */
export const TOOLS: Readonly<Record<string, AgentTool>> = Object.freeze(
  Object.fromEntries(
    [analyzePosting, searchSkills, explainMatch, gap, planCredentials, verifyCredential, matchCandidate, credentialElements].map(
      (t) => [t.name, t as AgentTool],
    ),
  ),
);

export const TOOL_NAMES: readonly string[] = Object.freeze(Object.keys(TOOLS));

/** The tool called `name`; an unknown name is an InputError listing the valid ones. */
export function getTool(name: string): AgentTool {
  const tool = Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
  if (!tool) throw new InputError('unknown_tool', `Unknown tool "${name}". Valid tools: ${TOOL_NAMES.join(', ')}.`);
  return tool;
}
