/** Everything the offline engine says, in the four languages it understands. Skill and course names stay as given. */
export interface Phrases {
  and: string;
  canDo: string;
  cannot: string;
  notUnderstood: string;
  reset: string;
  askSkill: string;
  askCandidate: string;
  askCredential: string;
  unreadable: (what: string) => string;
  noSkills: string;
  postingAsks: (title: string | null, n: number) => string;
  essential: string;
  optional: string;
  implied: string;
  coverEssential: (pct: string) => string;
  allHeld: (pct: string) => string;
  missingEssential: string;
  noEssentialMissing: string;
  missingOptional: string;
  alreadyCovered: string;
  nothingToClose: string;
  planHead: (cost: string, hours: number, constraints: string) => string;
  noPlan: (constraints: string) => string;
  bestPartial: (cost: string, hours: number) => string;
  closes: string;
  stillUncovered: string;
  withoutLimits: (titles: string, cost: string, hours: number) => string;
  yourConstraints: string;
  found: (label: string, importance: string, score: string, sentence: string) => string;
  impliedSkill: (label: string) => string;
  mentionedOnly: (skill: string, sentence: string) => string;
  notMentioned: (skill: string) => string;
  closest: (skill: string, label: string) => string;
  verified: string;
  notVerified: (reasons: string) => string;
  checks: string;
  proves: string;
  claims: string;
  candidateCovers: (n: number, total: number, pct: string) => string;
  matched: string;
  missing: string;
  searchHead: (q: string) => string;
  searchNone: (q: string) => string;
}

const en: Phrases = {
  and: 'and',
  canDo:
    'I can list the skills a posting asks for, show what you are missing, plan credentials under your budget, hours, ' +
    'language, mode, provider and EQF level, explain why a skill is or is not listed, verify a digital credential, ' +
    'match a candidate to the posting, and explain EQF levels and the EU micro-credential elements.',
  cannot: 'I can’t do that: I work only on this machine, and I don’t apply for jobs, write letters, or book or pay for courses. ',
  notUnderstood: 'I did not understand that. ',
  reset: 'Done: I forgot your constraints and the skills you told me about. The posting stays.',
  askSkill: 'Which skill do you mean? For example: “why is Kubernetes missing?”',
  askCandidate: 'Tell me the candidate’s skills, e.g. “the candidate has Python, SQL and Docker”.',
  askCredential: 'Paste the credential (its JSON, a JWT or its URL) and I will verify it.',
  unreadable: (w) => `The ${w} returned a result I cannot summarise.`,
  noSkills: 'I found no ESCO skills in this posting. Is the requirements section on the page?',
  postingAsks: (t, n) => `The posting${t ? ` “${t}”` : ''} asks for ${n} skills.`,
  essential: 'Essential',
  optional: 'Optional',
  implied: 'Not stated but usual for the role',
  coverEssential: (p) => `You cover ${p} of the essential skills.`,
  allHeld: (p) => `You already hold every skill the posting lists (${p} covered).`,
  missingEssential: 'Missing essential skills',
  noEssentialMissing: 'You hold every essential skill.',
  missingOptional: 'Missing optional skills',
  alreadyCovered: 'Already covered',
  nothingToClose: 'Nothing to close: you hold every essential skill.',
  planHead: (c, h, k) => `This plan closes your essential gap for ${c} and ${h} hours${k}:`,
  noPlan: (k) => `No plan closes every essential skill${k}.`,
  bestPartial: (c, h) => ` The best I can do for ${c} and ${h} hours:`,
  closes: 'closes',
  stillUncovered: 'Still uncovered',
  withoutLimits: (t, c, h) => `Without your limits: ${t} for ${c} and ${h} hours.`,
  yourConstraints: 'your constraints',
  found: (l, i, s, e) => `${l} is listed as ${i} (score ${s}) because the posting says: “${e}”.`,
  impliedSkill: (l) => `${l} is not stated, but it is an essential skill of the occupation the posting describes.`,
  mentionedOnly: (k, s) => `${k} is not in the list: the posting mentions it only in “${s}”, which is not stated as a requirement.`,
  notMentioned: (k) => `${k} is not in the list because the posting does not mention it, and the occupation does not require it.`,
  closest: (k, l) => ` The closest ESCO skill to “${k}” is ${l}.`,
  verified: 'The credential is verified: every required check passed.',
  notVerified: (r) => `The credential is NOT verified: ${r}.`,
  checks: 'Checks',
  proves: 'Skills it proves',
  claims: 'Skills it claims',
  candidateCovers: (n, t, p) => `The candidate covers ${n} of ${t} required skills (${p}).`,
  matched: 'Matched',
  missing: 'Missing',
  searchHead: (q) => `Closest ESCO skills to “${q}”`,
  searchNone: (q) => `I found no ESCO skill close to “${q}”.`,
};

const de: Phrases = {
  and: 'und',
  canDo:
    'Ich kann die Kompetenzen einer Stellenanzeige auflisten, zeigen, was Ihnen fehlt, Nachweise nach Budget, Stunden, ' +
    'Sprache, Lernform, Anbieter und EQR-Niveau planen, erklären, warum eine Kompetenz (nicht) gelistet ist, digitale ' +
    'Nachweise prüfen, Kandidaten mit der Stelle abgleichen sowie EQR-Niveaus und die EU-Elemente von Microcredentials erklären.',
  cannot: 'Das kann ich nicht: Ich arbeite nur auf diesem Rechner und bewerbe mich nicht, schreibe keine Briefe und buche oder bezahle keine Kurse. ',
  notUnderstood: 'Das habe ich nicht verstanden. ',
  reset: 'Erledigt: Ihre Vorgaben und genannten Kompetenzen sind vergessen. Die Stellenanzeige bleibt.',
  askSkill: 'Welche Kompetenz meinen Sie? Zum Beispiel: „Warum fehlt Kubernetes?“',
  askCandidate: 'Nennen Sie die Kompetenzen der Person, z. B. „Die Kandidatin kann Python, SQL und Docker“.',
  askCredential: 'Fügen Sie den Nachweis ein (JSON, JWT oder URL), dann prüfe ich ihn.',
  unreadable: (w) => `Das Ergebnis (${w}) kann ich nicht zusammenfassen.`,
  noSkills: 'Ich habe in dieser Anzeige keine ESCO-Kompetenzen gefunden. Ist der Anforderungsteil auf der Seite?',
  postingAsks: (t, n) => `Die Stellenanzeige${t ? ` „${t}“` : ''} verlangt ${n} Kompetenzen.`,
  essential: 'Unverzichtbar',
  optional: 'Optional',
  implied: 'Nicht genannt, aber für den Beruf üblich',
  coverEssential: (p) => `Sie decken ${p} der unverzichtbaren Kompetenzen ab.`,
  allHeld: (p) => `Sie haben bereits alle Kompetenzen der Anzeige (${p} abgedeckt).`,
  missingEssential: 'Es fehlen (unverzichtbar)',
  noEssentialMissing: 'Ihnen fehlt keine unverzichtbare Kompetenz.',
  missingOptional: 'Es fehlen (optional)',
  alreadyCovered: 'Bereits abgedeckt',
  nothingToClose: 'Nichts zu schließen: Sie haben alle unverzichtbaren Kompetenzen.',
  planHead: (c, h, k) => `Dieser Plan schließt Ihre Lücke für ${c} und ${h} Stunden${k}:`,
  noPlan: (k) => `Kein Plan schließt alle unverzichtbaren Kompetenzen${k}.`,
  bestPartial: (c, h) => ` Am besten geht es für ${c} und ${h} Stunden:`,
  closes: 'schließt',
  stillUncovered: 'Weiterhin offen',
  withoutLimits: (t, c, h) => `Ohne Ihre Grenzen: ${t} für ${c} und ${h} Stunden.`,
  yourConstraints: 'Ihre Vorgaben',
  found: (l, i, s, e) => `${l} ist als ${i === 'essential' ? 'unverzichtbar' : 'optional'} gelistet (Wert ${s}), weil die Anzeige sagt: „${e}“.`,
  impliedSkill: (l) => `${l} steht nicht in der Anzeige, ist aber für den beschriebenen Beruf unverzichtbar.`,
  mentionedOnly: (k, s) => `${k} ist nicht gelistet: Die Anzeige erwähnt es nur in „${s}“, und dort nicht als Anforderung.`,
  notMentioned: (k) => `${k} ist nicht gelistet, weil die Anzeige es nicht erwähnt und der Beruf es nicht verlangt.`,
  closest: (k, l) => ` Die nächste ESCO-Kompetenz zu „${k}“ ist ${l}.`,
  verified: 'Der Nachweis ist geprüft: Alle nötigen Prüfungen waren erfolgreich.',
  notVerified: (r) => `Der Nachweis ist NICHT bestätigt: ${r}.`,
  checks: 'Prüfungen',
  proves: 'Belegte Kompetenzen',
  claims: 'Behauptete Kompetenzen',
  candidateCovers: (n, t, p) => `Die Person deckt ${n} von ${t} geforderten Kompetenzen ab (${p}).`,
  matched: 'Vorhanden',
  missing: 'Es fehlen',
  searchHead: (q) => `Nächste ESCO-Kompetenzen zu „${q}“`,
  searchNone: (q) => `Ich habe keine ESCO-Kompetenz nahe „${q}“ gefunden.`,
};

const fr: Phrases = {
  and: 'et',
  canDo:
    'Je peux lister les compétences d’une offre, montrer ce qui vous manque, planifier des certifications selon votre budget, ' +
    'vos heures, la langue, le mode, le prestataire et le niveau CEC, expliquer pourquoi une compétence figure ou non, vérifier ' +
    'un titre numérique, comparer un candidat à l’offre et expliquer les niveaux CEC et les éléments européens des micro-certifications.',
  cannot: 'Je ne peux pas le faire : je travaille seulement sur cet ordinateur, je ne postule pas, je n’écris pas de lettres et je ne réserve ni ne paie de cours. ',
  notUnderstood: 'Je n’ai pas compris. ',
  reset: 'C’est fait : j’ai oublié vos contraintes et les compétences indiquées. L’offre reste.',
  askSkill: 'De quelle compétence parlez-vous ? Par exemple : « pourquoi Kubernetes manque ? »',
  askCandidate: 'Indiquez les compétences du candidat, p. ex. « le candidat connaît Python, SQL et Docker ».',
  askCredential: 'Collez le titre (JSON, JWT ou URL) et je le vérifie.',
  unreadable: (w) => `Je ne sais pas résumer le résultat (${w}).`,
  noSkills: 'Je n’ai trouvé aucune compétence ESCO dans cette offre. La partie « profil recherché » est-elle sur la page ?',
  postingAsks: (t, n) => `L’offre${t ? ` « ${t} »` : ''} demande ${n} compétences.`,
  essential: 'Indispensables',
  optional: 'Souhaitées',
  implied: 'Non écrites mais habituelles pour le métier',
  coverEssential: (p) => `Vous couvrez ${p} des compétences indispensables.`,
  allHeld: (p) => `Vous avez déjà toutes les compétences de l’offre (${p} couvert).`,
  missingEssential: 'Compétences indispensables manquantes',
  noEssentialMissing: 'Il ne vous manque aucune compétence indispensable.',
  missingOptional: 'Compétences souhaitées manquantes',
  alreadyCovered: 'Déjà couvertes',
  nothingToClose: 'Rien à combler : vous avez toutes les compétences indispensables.',
  planHead: (c, h, k) => `Ce plan comble votre écart pour ${c} et ${h} heures${k} :`,
  noPlan: (k) => `Aucun plan ne couvre toutes les compétences indispensables${k}.`,
  bestPartial: (c, h) => ` Le mieux possible pour ${c} et ${h} heures :`,
  closes: 'couvre',
  stillUncovered: 'Toujours non couvert',
  withoutLimits: (t, c, h) => `Sans vos limites : ${t} pour ${c} et ${h} heures.`,
  yourConstraints: 'vos contraintes',
  found: (l, i, s, e) => `${l} figure comme ${i === 'essential' ? 'indispensable' : 'souhaitée'} (score ${s}) car l’offre dit : « ${e} ».`,
  impliedSkill: (l) => `${l} n’est pas écrit, mais c’est une compétence indispensable du métier décrit.`,
  mentionedOnly: (k, s) => `${k} ne figure pas dans la liste : l’offre le mentionne seulement dans « ${s} », pas comme exigence.`,
  notMentioned: (k) => `${k} ne figure pas dans la liste : l’offre ne le mentionne pas et le métier ne l’exige pas.`,
  closest: (k, l) => ` La compétence ESCO la plus proche de « ${k} » est ${l}.`,
  verified: 'Le titre est vérifié : tous les contrôles requis sont réussis.',
  notVerified: (r) => `Le titre n’est PAS vérifié : ${r}.`,
  checks: 'Contrôles',
  proves: 'Compétences prouvées',
  claims: 'Compétences déclarées',
  candidateCovers: (n, t, p) => `Le candidat couvre ${n} des ${t} compétences demandées (${p}).`,
  matched: 'Présentes',
  missing: 'Manquantes',
  searchHead: (q) => `Compétences ESCO les plus proches de « ${q} »`,
  searchNone: (q) => `Aucune compétence ESCO proche de « ${q} ».`,
};

const es: Phrases = {
  and: 'y',
  canDo:
    'Puedo listar las competencias de una oferta, mostrar lo que te falta, planificar credenciales según tu presupuesto, horas, ' +
    'idioma, modalidad, proveedor y nivel MEC, explicar por qué una competencia aparece o no, verificar una credencial digital, ' +
    'comparar un candidato con la oferta y explicar los niveles MEC y los elementos europeos de las microcredenciales.',
  cannot: 'No puedo hacer eso: trabajo solo en este equipo y no me postulo a empleos, no escribo cartas ni reservo o pago cursos. ',
  notUnderstood: 'No lo he entendido. ',
  reset: 'Hecho: he olvidado tus condiciones y las competencias que me dijiste. La oferta se mantiene.',
  askSkill: '¿Qué competencia quieres decir? Por ejemplo: «¿por qué falta Kubernetes?»',
  askCandidate: 'Dime las competencias del candidato, p. ej. «el candidato tiene Python, SQL y Docker».',
  askCredential: 'Pega la credencial (JSON, JWT o URL) y la verifico.',
  unreadable: (w) => `No sé resumir el resultado (${w}).`,
  noSkills: 'No encontré competencias ESCO en esta oferta. ¿Está la sección de requisitos en la página?',
  postingAsks: (t, n) => `La oferta${t ? ` «${t}»` : ''} pide ${n} competencias.`,
  essential: 'Imprescindibles',
  optional: 'Deseables',
  implied: 'No escritas pero habituales en el puesto',
  coverEssential: (p) => `Cubres el ${p} de las competencias imprescindibles.`,
  allHeld: (p) => `Ya tienes todas las competencias de la oferta (${p} cubierto).`,
  missingEssential: 'Te faltan (imprescindibles)',
  noEssentialMissing: 'No te falta ninguna competencia imprescindible.',
  missingOptional: 'Te faltan (deseables)',
  alreadyCovered: 'Ya cubiertas',
  nothingToClose: 'Nada que cubrir: tienes todas las competencias imprescindibles.',
  planHead: (c, h, k) => `Este plan cubre tu brecha por ${c} y ${h} horas${k}:`,
  noPlan: (k) => `Ningún plan cubre todas las competencias imprescindibles${k}.`,
  bestPartial: (c, h) => ` Lo mejor posible por ${c} y ${h} horas:`,
  closes: 'cubre',
  stillUncovered: 'Sin cubrir',
  withoutLimits: (t, c, h) => `Sin tus límites: ${t} por ${c} y ${h} horas.`,
  yourConstraints: 'tus condiciones',
  found: (l, i, s, e) => `${l} aparece como ${i === 'essential' ? 'imprescindible' : 'deseable'} (puntuación ${s}) porque la oferta dice: «${e}».`,
  impliedSkill: (l) => `${l} no está escrito, pero es una competencia imprescindible del puesto descrito.`,
  mentionedOnly: (k, s) => `${k} no está en la lista: la oferta solo lo menciona en «${s}», no como requisito.`,
  notMentioned: (k) => `${k} no está en la lista porque la oferta no lo menciona y el puesto no lo exige.`,
  closest: (k, l) => ` La competencia ESCO más cercana a «${k}» es ${l}.`,
  verified: 'La credencial está verificada: todas las comprobaciones necesarias son correctas.',
  notVerified: (r) => `La credencial NO está verificada: ${r}.`,
  checks: 'Comprobaciones',
  proves: 'Competencias que acredita',
  claims: 'Competencias que declara',
  candidateCovers: (n, t, p) => `El candidato cubre ${n} de ${t} competencias requeridas (${p}).`,
  matched: 'Presentes',
  missing: 'Faltan',
  searchHead: (q) => `Competencias ESCO más cercanas a «${q}»`,
  searchNone: (q) => `No encontré ninguna competencia ESCO cercana a «${q}».`,
};

export type Lang = 'en' | 'de' | 'fr' | 'es';
export const PHRASES: Readonly<Record<Lang, Phrases>> = Object.freeze({ en, de, fr, es });
