import { type Prng, WeightedPicker } from './prng.ts';

/**
 * A precomputed Argon2id hash (the server's parameters: m=64 MiB, t=2, p=1) of
 * {@link BENCH_PASSWORD}, shared by every generated account: hashing 20,000 passwords would take
 * 40 minutes of CPU and prove nothing. Any generated user can sign in with it.
 */
export const BENCH_PASSWORD = 'Bench-Passwort-2026!';
export const BENCH_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,p=1,t=2$ViI53q4t2/hnUQ8gOgFP8Q$hdjEj0uz6vNPqBAGv6/5BDsE2eZAka/el9/PGh//ze4';

/** The generated accounts' e-mail domain (RFC 2606 `.test`: never deliverable). */
export const EMAIL_DOMAIN = 'bench.nano-marktplatz.test';

const FIRST_DE = (
  'Anna|Lena|Sabine|Julia|Katharina|Laura|Sophie|Marie|Lea|Hannah|Claudia|Petra|Birgit|Jana|Miriam|Özlem|Aylin|' +
  'Jürgen|Thomas|Michael|Andreas|Stefan|Markus|Tobias|Jonas|Lukas|Felix|Maximilian|Paul|Niklas|Björn|Sören|Jörg|Uwe|Mehmet|Dimitri'
).split('|');
const LAST_DE = (
  'Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|' +
  'Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Köhler|Lehmann|' +
  'Jäger|Groß|Günther|Weiß|Yılmaz|Kaya|Nowak|Kowalski'
).split('|');
const FIRST_EN =
  'Emma|Olivia|Grace|Chloe|James|Oliver|Harry|Jack|Daniel|Ethan|Priya|Aisha|Noah|Liam|Sarah'.split('|');
const LAST_EN =
  'Smith|Jones|Taylor|Brown|Williams|Wilson|Evans|Thomas|Roberts|Walker|Patel|Khan|Clarke|Hughes'.split('|');
const CITIES = (
  'Musterstadt|Köln|München|Hamburg|Leipzig|Dresden|Nürnberg|Münster|Freiburg|Göttingen|Würzburg|Lübeck|Bremen|' +
  'Düsseldorf|Erfurt|Potsdam|Kiel|Rostock|Regensburg|Saarbrücken|Osnabrück|Bielefeld|Tübingen|Jena'
).split('|');
const SPECIALTIES = (
  'Kommunikationstraining|Excel-Training|Projektberatung|IT-Schulungen|Datenschutzberatung|Coaching|Pflegefortbildung|' +
  'Agile Coaching|Sprachtraining|Arbeitsschutz|Finanzwissen|Führungskräfteentwicklung'
).split('|');
const ORG_PATTERNS = [
  'VHS @',
  'Akademie @',
  'Weiterbildungszentrum @',
  '@ Business School',
  'Bildungswerk @',
  'IHK-Bildungszentrum @',
  'Hochschule @ – Weiterbildung',
  'Lernwerkstatt @',
];
const JOB_TITLES = (
  'Sachbearbeiterin|Projektleiter|Teamleiterin|Pflegefachkraft|Controllerin|Softwareentwickler|Lehrkraft|' +
  'Personalreferentin|Auszubildender|Data Analyst|Office Manager|Vertriebsmitarbeiter|Ingenieurin|Studentin'
).split('|');
const COMPANIES =
  'Stadtwerke|Klinikum|Landratsamt|Maschinenbau GmbH|Logistik AG|Versicherung|Sparkasse|Softwarehaus|Pflegedienst|Handwerksbetrieb'.split(
    '|',
  );

export type Role = 'consumer' | 'creator' | 'moderator' | 'admin';

export interface GeneratedUser {
  id: string;
  username: string;
  email: string;
  displayName: string;
  role: Role;
  locale: 'de' | 'en';
  createdAt: Date;
  /** Creators: shown with the "verified provider" badge. */
  verified: boolean;
  bio: string | null;
  company: string | null;
  jobTitle: string | null;
  /** Category slugs of interest (resolved to ids when loading). */
  interests: string[];
}

const slugPart = (value: string) =>
  value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface UserPlan {
  users: number;
  creators: number;
  /** Time of the oldest account and of "now". */
  from: Date;
  to: Date;
  /** Child category slugs, for profile interests. */
  categorySlugs: readonly string[];
}

/**
 * The accounts: one admin, two moderators, `creators` creators (people and organisations, the
 * first ones the most productive) and consumers for the rest. Index order is creation order.
 */
export function generateUsers(prng: Prng, plan: UserPlan): GeneratedUser[] {
  const users: GeneratedUser[] = [];
  const span = plan.to.getTime() - plan.from.getTime();
  const staff: Array<[Role, string, string]> = [
    ['admin', 'bench-admin', 'Bench Admin'],
    ['moderator', 'bench-moderator', 'Bench Moderatorin'],
    ['moderator', 'bench-moderator-2', 'Bench Moderator'],
  ];
  const consumers = plan.users - plan.creators - staff.length;
  if (consumers < 0) {
    throw new Error('more creators and staff than users');
  }
  const roles: Role[] = [
    ...staff.map(([role]) => role),
    ...Array.from({ length: plan.creators }, () => 'creator' as const),
    ...Array.from({ length: consumers }, () => 'consumer' as const),
  ];
  const interestPicker = new WeightedPicker(
    plan.categorySlugs,
    plan.categorySlugs.map(() => 1),
  );
  roles.forEach((role, i) => {
    // Accounts join at an accelerating pace: creation times concentrate towards `to`.
    const createdAt = new Date(plan.from.getTime() + Math.floor(span * (i / roles.length) ** 0.7));
    const english = prng.chance(0.2);
    const first = prng.pick(english ? FIRST_EN : FIRST_DE);
    const last = prng.pick(english ? LAST_EN : LAST_DE);
    let displayName = `${first} ${last}`;
    let username = `${slugPart(first)}.${slugPart(last)}.${i}`;
    let bio: string | null = null;
    let company: string | null = prng.chance(0.4) ? `${prng.pick(COMPANIES)} ${prng.pick(CITIES)}` : null;
    let jobTitle: string | null = prng.chance(0.4) ? prng.pick(JOB_TITLES) : null;
    const staffEntry = staff[i];
    if (staffEntry) {
      [, username, displayName] = staffEntry;
    } else if (role === 'creator') {
      if (prng.chance(0.35)) {
        displayName = prng.pick(ORG_PATTERNS).replace('@', prng.pick(CITIES));
        username = `${slugPart(displayName)}-${i}`;
        bio = `${displayName}: praxisnahe Lerneinheiten für Beruf und Alltag.`;
        company = displayName;
        jobTitle = null;
      } else {
        displayName = `${first} ${last} – ${prng.pick(SPECIALTIES)}`;
        bio = english
          ? `Trainer and consultant with ${prng.int(3, 25)} years of experience.`
          : `Trainerin und Beraterin mit ${prng.int(3, 25)} Jahren Praxiserfahrung.`;
      }
    }
    users.push({
      id: prng.uuidV7(createdAt),
      username,
      email: `${username}@${EMAIL_DOMAIN}`,
      displayName,
      role,
      locale: english ? 'en' : 'de',
      createdAt,
      verified: role === 'creator' && prng.chance(0.3),
      bio,
      company,
      jobTitle,
      interests:
        role === 'consumer' && prng.chance(0.6)
          ? [...new Set(Array.from({ length: prng.int(1, 4) }, () => interestPicker.pick(prng)))]
          : [],
    });
  });
  return users;
}
