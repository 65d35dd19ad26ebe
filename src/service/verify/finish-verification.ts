import { checkTopicality, checkValidity } from '../../core/verify/check-validity.js';
import { extractSkills } from '../../core/verify/extract-skills.js';
import { findIssuer } from '../../core/verify/issuer-trust.js';
import { issuerOf, str, subjectOf, titleOf } from '../../core/verify/read-credential.js';
import type { StepLog } from '../../core/verify/step-log.js';
import type { CredentialFormat, Verification } from '../../core/verify/verification.js';
import { checkCredentialStatus } from './check-credential-status.js';
import { checkRecipient } from './check-recipient.js';
import { linkEvidencedSkills } from './link-evidenced-skills.js';
import type { VerifyDeps } from './verify-deps.js';

export interface FinishOptions {
  format: CredentialFormat;
  recipient?: string;
  /** Skip the status step (the format carries its own revocation check, e.g. OB 2.0). */
  statusDone?: boolean;
  nested?: Verification[];
  notes?: string[];
}

/** Verification with nothing but a step log (input that never became a credential). */
export function bareVerification(log: StepLog, format: CredentialFormat = 'unknown', notes: string[] = [], nested: Verification[] = []): Verification {
  const outcome = log.outcome;
  return {
    verified: outcome === 'verified',
    outcome,
    format,
    title: null,
    issuer: { id: null, name: null, trusted: null, registries: [] },
    subject: null,
    validFrom: null,
    validUntil: null,
    checks: log.checks,
    skills: [],
    nested,
    notes,
  };
}

/**
 * The steps every format shares once its proof is logged: validity window, status, issuer trust, recipient,
 * topicality; then the skills it evidences. Returns the finished Verification.
 */
export async function finishVerification(doc: Record<string, unknown>, log: StepLog, deps: VerifyDeps, options: FinishOptions): Promise<Verification> {
  const now = deps.now?.() ?? new Date();
  const notes = [...(options.notes ?? [])];
  const validFrom = str(doc.validFrom) ?? str(doc.issuanceDate) ?? str(doc.issuedOn);
  const validUntil = str(doc.validUntil) ?? str(doc.expirationDate) ?? str(doc.expires);
  log.add(checkValidity(validFrom, validUntil, now));
  if (!options.statusDone) for (const c of await checkCredentialStatus(doc, deps)) log.add(c);

  const issuer = issuerOf(doc);
  let trusted: boolean | null = null;
  let registries: string[] = [];
  let issuerName = issuer.name;
  if (!deps.trust || deps.trust.registries.length === 0) {
    log.unknown('issuer_trust', 'trust_not_configured', 'No trust registry is configured, so the issuer is not checked against one.', true);
  } else {
    const found = findIssuer(deps.trust, issuer.id);
    registries = found.registries;
    issuerName ??= found.name;
    trusted = registries.length > 0;
    if (trusted) log.pass('issuer_trust', 'issuer_trusted', `The issuer is listed in: ${registries.join(', ')}.`, true);
    else log.fail('issuer_trust', 'issuer_not_trusted', 'The issuer is not in any configured trust registry: the signature proves who signed, not that they are a recognised institution.', true);
  }
  if (options.recipient) log.add(await checkRecipient(doc, options.recipient));
  const topical = checkTopicality(validFrom, now, deps.topicalityYears ?? 3);
  if (topical) log.add(topical);
  if (doc.credentialSchema !== undefined) {
    log.unknown('schema', 'credential_schema_not_checked', 'The credential names a JSON Schema; it was not fetched or checked (structure was checked locally).', true);
  }

  const linked = await linkEvidencedSkills(extractSkills(doc), deps);
  if (linked.note) notes.push(linked.note);
  const outcome = log.outcome;
  return {
    verified: outcome === 'verified',
    outcome,
    format: options.format,
    title: titleOf(doc),
    issuer: { id: issuer.id, name: issuerName, trusted, registries },
    subject: subjectOf(doc),
    validFrom,
    validUntil,
    checks: log.checks,
    skills: linked.skills,
    nested: options.nested ?? [],
    notes,
  };
}
