import type { SectionKind } from '../posting.js';

/**
 * Heading cues per section kind in English, German, French, Spanish and Portuguese, matched against a folded
 * heading (lower case, accents removed, punctuation as spaces). Order matters: the first kind whose cue matches
 * wins, so "Preferred qualifications" is nice-to-have before it can be requirements, and "Profil souhaité" is
 * checked as a requirement heading, not an optional one.
 */
const CUES: [SectionKind, RegExp][] = [
  [
    'legal',
    /\b(equal (employment )?opportunit\w*|eeo|diversity|inclusion|non ?discriminat\w*|disclaimer|privacy|data protection|chancengleichheit|vielfalt|datenschutz|impressum|egalite des chances|diversite|handicap|igualdad de oportunidades|diversidad|diversidade|inclusao|igualdade de oportunidades)\b/,
  ],
  [
    'nice-to-have',
    /\b(nice to haves?|nice2have|good to haves?|even better|extra points|stand out|preferred|bonus|pluspunkte?|plus points?|a plus|is a plus|would be (great|nice)|we d love|we would love|desirable|desired skills|ideally|optional|wunschenswert|von vorteil|idealerweise|kein muss|atouts?|un plus|serait un plus|apprecie\w*|idealement|deseables?|valorables?|se valorara|valoramos|desejave(l|is)|diferencia(l|is)|sera um plus)\b/,
  ],
  [
    'benefits',
    /\b(benefits?|perks|rewards?|compensation|salary|what we offer|we offer|what s in it for you|what you get|why (join|work)|why you ll love|wir bieten|bieten wir|was wir bieten|unser angebot|deine vorteile|ihre vorteile|benefits|gehalt|vergutung|nous offrons|nous vous offrons|ce que nous offrons|avantages|pourquoi nous rejoindre|remuneration|ofrecemos|que ofrecemos|beneficios|oferecemos|o que oferecemos|vantagens|remuneracao)\b/,
  ],
  [
    'about-company',
    /\b(about us|about the (company|team|employer|organi[sz]ation|foundation)|about [a-z]+ (inc|gmbh|ltd|group|foundation)|company description|company overview|who we are(?! looking)|our (company|story|mission)|uber uns|wer wir sind|das sind wir|unternehmensprofil|das unternehmen|qui sommes nous|a propos|l entreprise|notre entreprise|la societe|sobre nosotros|quienes somos|la empresa|sobre nos|quem somos|a empresa)\b|^(about|das ist|voici) (?!(you|the role|the job|the position|this role|the opportunity|dich|vous|el puesto|a vaga)\b)/,
  ],
  [
    'requirements',
    /\b(requirements?|qualifications?|what you (ll )?bring|(what|who) we (re|are) looking for|what we look for|what we expect|(the )?ideal candidate|was wir erwarten|wen wir suchen|ce que nous attendons|candidat ideal|lo que esperamos|o que esperamos|perfil ideal|who you are|about you|your profile|skills|(^|previous |your |relevant |work |professional |skills (and )?)experience|must haves?|you have|you should have|you ll need|what you need|qualities|education|das bringst du mit|was du mitbringst|was sie mitbringen|mitbringen|anforderungen|voraussetzungen|qualifikation(en)?|kenntnisse|dein profil|ihr profil|profil|das zeichnet dich aus|profil recherche|votre profil|competences|prerequis|le candidat ideal|formation|requisitos|perfil|que buscamos|lo que buscamos|te buscamos|o que procuramos|qualificacoes|competencias|formacao|formacion)\b/,
  ],
  [
    'responsibilities',
    /\b(responsibilit\w*|what you ll do|what you will do|your (role|tasks|mission|impact|day)|the role|about the (role|job|position)|duties|job description|role description|position description|objectives|you will|you are responsible|aufgaben|deine rolle|ihre rolle|tatigkeit\w*|das erwartet dich|was dich erwartet|was sie erwartet|missions?|votre role|descriptif du poste|description du poste|le poste|responsabilites|vos taches|le defi|contribution|funciones|responsabilidades|tus tareas|que haras|descripcion del puesto|atividades|o que voce vai fazer|descricao da vaga|a vaga)\b/,
  ],
];

/** Languages whose section, importance and mention cues SkillProof knows; others are read with English cues only. */
export const CUE_LANGUAGES: readonly string[] = Object.freeze(['en', 'de', 'fr', 'es', 'pt']);

/** Lower case, accents removed, apostrophes and punctuation as single spaces: "What You’ll Bring:" → "what you ll bring". */
export function foldHeading(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The section kind a heading announces, or null when it names none (then the section inherits its parent's). */
export function sectionCue(heading: string): SectionKind | null {
  const folded = foldHeading(heading);
  if (!folded || folded.split(' ').length > 14) return null;
  for (const [kind, cue] of CUES) if (cue.test(folded)) return kind;
  return null;
}
