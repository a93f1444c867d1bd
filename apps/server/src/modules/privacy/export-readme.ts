import { PRIVACY_LIMITS } from '@nano/contracts';
import { EXPORT_FILES, type ExportFile } from './personal-data.registry.ts';

/** What each file of the export holds, in both languages (README.txt lists them in this order). */
const FILE_TEXTS: Record<ExportFile, { de: string; en: string }> = {
  [EXPORT_FILES.profile]: {
    de: 'Ihr Konto (E-Mail, Benutzername, Anzeigename, Rolle, Sprache, Anmelde- und Sicherheitsdaten ohne Passwort) und Ihr Profil (Bio, Firma, Position, Website, Telefonnummer im Klartext, Interessen, Anbieter-Verifizierung, ausstehende E-Mail-Änderung). Ihr Profilbild liegt, falls vorhanden, daneben als avatar.webp.',
    en: 'Your account (email, username, display name, role, language, sign-in and security data without the password) and your profile (bio, company, job title, website, phone number in plain text, interests, provider verification, a pending email change). Your profile picture, if any, is next to it as avatar.webp.',
  },
  [EXPORT_FILES.consents]: {
    de: 'Jede Einwilligung, die Sie gegeben oder widerrufen haben (Nutzungsbedingungen, Datenschutzerklärung, Werbung, E-Mail-Benachrichtigungen), mit Textversion, Quelle und Zeitpunkt.',
    en: 'Every consent you gave or withdrew (terms, privacy policy, marketing, email notifications), with text version, source and time.',
  },
  [EXPORT_FILES.sessions]: {
    de: 'Ihre Anmeldungen (Sitzungen): Browser, gekürzte IP-Adresse, Beginn, letzte Nutzung, Ablauf, Abmeldung.',
    en: 'Your sign-ins (sessions): browser, shortened IP address, start, last use, expiry, sign-out.',
  },
  [EXPORT_FILES.nanos]: {
    de: 'Die Nanos, die Sie angelegt haben, und jede hochgeladene Version (Versionsnummer, Änderungshinweis, Status, Prüfsumme) mit den Prüfentscheidungen der Moderation.',
    en: 'The Nanos you created and every version you uploaded (version number, changelog, status, checksum) with the moderators’ review decisions.',
  },
  [EXPORT_FILES.nanoFiles]: {
    de: 'Die Original-ZIP-Datei jeder Version, die Sie hochgeladen haben (Ordner nanos/<Titel>/v<Version>.zip).',
    en: 'The original ZIP file of every version you uploaded (folder nanos/<title>/v<version>.zip).',
  },
  [EXPORT_FILES.ratings]: {
    de: 'Ihre Bewertungen (Sterne, Kommentar), Ihre Antworten auf Bewertungen Ihrer Nanos und Ihre „Hilfreich“-Markierungen.',
    en: 'Your ratings (stars, comment), your replies to ratings of your Nanos and your “helpful” marks.',
  },
  [EXPORT_FILES.ratingsCsv]: {
    de: 'Ihre Bewertungen als Tabelle (CSV, für Tabellenkalkulationen).',
    en: 'Your ratings as a table (CSV, for spreadsheets).',
  },
  [EXPORT_FILES.favorites]: { de: 'Ihre Favoriten.', en: 'Your favourites.' },
  [EXPORT_FILES.lists]: {
    de: 'Ihre Listen mit ihren Einträgen (ob eine Liste geteilt ist; der geheime Link selbst ist nicht enthalten).',
    en: 'Your lists with their items (whether a list is shared; the secret link itself is not included).',
  },
  [EXPORT_FILES.chats]: {
    de: 'Eine Datei pro Chat: alle Nachrichten beider Seiten in zeitlicher Reihenfolge, die andere Person mit ihrem Anzeigenamen („Gelöschter Nutzer“, wenn deren Konto gelöscht ist).',
    en: 'One file per chat: both parties’ messages in order, the other person by display name (“Deleted user” when their account was erased).',
  },
  [EXPORT_FILES.notifications]: {
    de: 'Ihre Benachrichtigungen, Ihre Benachrichtigungseinstellungen und wann zuletzt eine Benachrichtigungs-E-Mail je Art ging.',
    en: 'Your notifications, your notification settings and when the last notification email of each kind went out.',
  },
  [EXPORT_FILES.savedSearches]: {
    de: 'Ihre gespeicherten Suchen mit Filtern und Benachrichtigungsstatus.',
    en: 'Your saved searches with filters and alert status.',
  },
  [EXPORT_FILES.flags]: {
    de: 'Ihre Meldungen von Inhalten (Grund, Beschreibung, Ergebnis).',
    en: 'Your reports of content (reason, description, outcome).',
  },
  [EXPORT_FILES.audit]: {
    de: 'Ihre Sicherheitsereignisse aus dem Protokoll (Anmeldungen, Passwort- und 2FA-Änderungen, Ihre Aktionen) und Ereignisse zu Ihrem Konto.',
    en: 'Your security events from the audit log (sign-ins, password and 2FA changes, your actions) and events about your account.',
  },
  [EXPORT_FILES.moderation]: {
    de: 'Moderationsentscheidungen zu Ihren Inhalten mit Begründung, Ihre Widersprüche, Urheberrechtsbeschwerden zu Ihren Nanos und Ihre Antworten (ohne die Daten der beschwerdeführenden Person), Ihr Anbieterstatus.',
    en: 'Moderation decisions about your content with their statement of reasons, your appeals, copyright notices about your Nanos and your responses (without the complainant’s data), your creator standing.',
  },
  [EXPORT_FILES.privacy]: {
    de: 'Ihre Datenschutzanträge (Auskunft, Löschung, Einschränkung, Berichtigung), Ihre Datenexporte, eine beantragte Löschung und von einer Einschränkung betroffene Inhalte.',
    en: 'Your data-protection requests (access, erasure, restriction, rectification), your data exports, a requested erasure and content a restriction took offline.',
  },
  [EXPORT_FILES.activity]: {
    de: 'Die Tage, an denen Sie angemeldet aktiv waren (für die Nutzungsstatistik).',
    en: 'The days you were active while signed in (for usage statistics).',
  },
  [EXPORT_FILES.readme]: { de: 'Diese Datei.', en: 'This file.' },
};

/** README.txt of an export, in the user's language. */
export function exportReadme(locale: 'de' | 'en', createdAt: Date): string {
  const de = locale === 'de';
  const lines = de
    ? [
        'Nano-Marktplatz: Ihre Daten (Auskunft nach Art. 15 und Datenübertragbarkeit nach Art. 20 DSGVO)',
        '',
        `Erstellt am ${createdAt.toISOString()}. Der Download ist ${PRIVACY_LIMITS.exportValidDays} Tage lang möglich, danach wird die Datei gelöscht.`,
        'Die JSON-Dateien enthalten je Datenbanktabelle einen Abschnitt; Zeitangaben sind UTC (ISO 8601).',
        'Nicht enthalten sind Passwörter und Schlüssel (nur als Hash gespeichert) sowie Daten anderer Personen.',
        '',
        'Dateien:',
      ]
    : [
        'Nano-Marktplatz: your data (access under Art. 15 and portability under Art. 20 GDPR)',
        '',
        `Created ${createdAt.toISOString()}. The download works for ${PRIVACY_LIMITS.exportValidDays} days, then the file is deleted.`,
        'The JSON files have one section per database table; times are UTC (ISO 8601).',
        'Not included: passwords and keys (stored only as hashes) and other people’s data.',
        '',
        'Files:',
      ];
  for (const [file, text] of Object.entries(FILE_TEXTS)) {
    lines.push('', `${file}`, `  ${text[locale]}`);
  }
  lines.push('');
  return lines.join('\r\n');
}
