import { PRIVACY_LIMITS, RETENTION } from '@nano/contracts';
import { LEGAL_PERIODS, LEGAL_PLACEHOLDERS } from './placeholders.ts';

const P = LEGAL_PLACEHOLDERS;
const T = LEGAL_PERIODS;

/** Datenschutzerklärung nach Art. 13 DSGVO, Fassung 1 (Markdown-Teilmenge des Vertrags; der Titel steht im Dokument). */
export const PRIVACY_DE = `Diese Erklärung informiert Sie nach Art. 13 der Datenschutz-Grundverordnung (DSGVO) darüber, welche personenbezogenen Daten der Nano-Marktplatz verarbeitet, wozu, auf welcher Rechtsgrundlage, wie lange und welche Rechte Sie haben.

## 1. Verantwortlicher

- **${P.operatorName}**
- ${P.operatorAddress.de}
- Vertreten durch: ${P.representative}
- E-Mail: [${P.contactEmail}](mailto:${P.contactEmail})

## 2. Datenschutzbeauftragte Person

Sie erreichen unsere datenschutzbeauftragte Person unter [${P.dpoEmail}](mailto:${P.dpoEmail}) oder per Post an die oben genannte Anschrift mit dem Zusatz „Datenschutzbeauftragte Person“.

## 3. Zwecke und Rechtsgrundlagen

| Verarbeitung | Daten | Zweck | Rechtsgrundlage |
| --- | --- | --- | --- |
| Konto und Anmeldung | E-Mail-Adresse, Benutzername, Anzeigename, Passwort (nur als Hash), Sprache, Zwei-Faktor-Geheimnis (verschlüsselt), Sitzungen | Konto anlegen, Sie anmelden, Ihr Konto schützen | Art. 6 Abs. 1 lit. b DSGVO (Vertrag) |
| Profil | freiwillige Angaben wie Bild, Organisation, Funktion, Kurzbeschreibung, Interessen, Telefonnummer (verschlüsselt gespeichert) | Ihr Auftritt auf der Plattform, passende Empfehlungen | Art. 6 Abs. 1 lit. b DSGVO |
| Veröffentlichung von Nanos, Bewertungen und Chat | hochgeladene Lerneinheiten und ihre Metadaten, Bewertungen und Antworten, Favoriten, Listen, gespeicherte Suchen, Chatnachrichten | die Tauschplattform bereitstellen: Nanos anbieten, finden, bewerten und sich dazu austauschen | Art. 6 Abs. 1 lit. b DSGVO |
| Sicherheitsprotokolle und Audit-Log | sicherheitsrelevante Ereignisse (z. B. Anmeldungen, Rechteänderungen) mit gekürzter (anonymisierter) IP-Adresse und Browserkennung | Missbrauch erkennen und abwehren, Nachweis- und Dokumentationspflichten erfüllen | Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an der Sicherheit) und lit. c (rechtliche Pflicht, z. B. Art. 5 Abs. 2, Art. 32 DSGVO) |
| Moderation und Meldeverfahren | Meldungen, Prüfentscheidungen, Begründungen, Widersprüche | rechtswidrige Inhalte bearbeiten, Entscheidungen begründen und überprüfbar machen | Art. 6 Abs. 1 lit. c DSGVO i. V. m. dem Digital Services Act (Art. 16, 17, 20 DSA) sowie lit. f (sichere, verlässliche Plattform) |
| Benachrichtigungs-E-Mails | E-Mail-Adresse, Anzeigename, Anlass der Benachrichtigung | Sie über neue Chatnachrichten, Bewertungen, Prüfergebnisse und Suchtreffer informieren | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, jederzeit widerrufbar) |
| Pflichtmitteilungen | E-Mail-Adresse | Begründungen von Moderationsentscheidungen, Hinweise zu Ihrem Konto und zur Sicherheit (z. B. Bestätigungslinks, neue Anmeldung) | Art. 6 Abs. 1 lit. b und c DSGVO |
| Werbliche E-Mails (Newsletter) | E-Mail-Adresse, Anzeigename | Neuigkeiten über die Plattform | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, jederzeit widerrufbar) |
| Suchstatistik | Suchbegriffe ohne Personenbezug (anonymisiert, ohne Konto und IP-Adresse) | das Angebot und die Suche verbessern | Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an einem guten Angebot) |

Ohne die für Konto und Anmeldung nötigen Angaben können wir Ihnen kein Konto bereitstellen. Alle übrigen Profilangaben und Einwilligungen sind freiwillig.

## 4. Empfänger

- **Hosting:** Die Plattform läuft bei einem Rechenzentrumsbetreiber in der Europäischen Union, der die Daten nur in unserem Auftrag verarbeitet (Auftragsverarbeitung nach Art. 28 DSGVO).
- **E-Mail-Versand:** Ein Dienstleister für den E-Mail-Versand mit Sitz in der EU übermittelt unsere E-Mails in unserem Auftrag (Art. 28 DSGVO).
- **Andere Nutzende:** Was Sie veröffentlichen (Nanos, Profil, Bewertungen), sehen andere; Chatnachrichten sieht Ihr Gegenüber.
- **Behörden:** nur, wenn wir gesetzlich dazu verpflichtet sind.

Eine Übermittlung in Länder außerhalb der EU bzw. des EWR findet nicht statt. Die Website lädt keine Skripte, Schriftarten oder Tracker von Dritten.

## 5. Speicherdauer

- **Konto und Profil:** bis Sie Ihr Konto löschen. Nach Ihrem Löschantrag ist das Konto sofort deaktiviert; die Anonymisierung erfolgt nach ${PRIVACY_LIMITS.erasureCancelDays} Tagen, in denen Sie die Löschung abbrechen können.
- **Inaktive Konten:** Nach ${RETENTION.inactiveAccountMonths} Monaten ohne Anmeldung erhalten Sie eine Erinnerung per E-Mail; melden Sie sich nicht innerhalb von ${RETENTION.inactiveGraceDays} Tagen an, wird das Konto anonymisiert.
- **Nicht bestätigte Konten:** werden nach ${RETENTION.unverifiedAccountDays} Tagen gelöscht, wenn die E-Mail-Adresse nicht bestätigt wurde.
- **Archivierte Nanos:** werden ${RETENTION.archivedNanoYears} Jahre nach der Archivierung samt Dateien endgültig gelöscht.
- **Chats:** werden nach ${T.chatArchiveDays} Tagen ohne neue Nachricht archiviert und bleiben für beide Seiten lesbar, bis ein Konto gelöscht wird; dann bleiben die Nachrichten für das Gegenüber ohne Namen der Verfasserin bzw. des Verfassers erhalten.
- **Datenexporte:** werden ${PRIVACY_LIMITS.exportValidDays} Tage, nachdem sie fertig erstellt sind, gelöscht.
- **Audit-Log:** Einträge werden nach ${RETENTION.auditEventYears} Jahren gelöscht (Nachweispflichten); IP-Adressen speichern wir nur gekürzt.
- **Einwilligungen:** Nachweise über erteilte und widerrufene Einwilligungen bewahren wir auch nach der Löschung des Kontos auf, weil wir sie nachweisen müssen (Art. 7 Abs. 1, Art. 5 Abs. 2 DSGVO); sie sind dann nur noch mit einer Kennung ohne Namen oder E-Mail-Adresse verbunden.

## 6. Ihre Rechte

Sie haben das Recht auf

- **Auskunft** über Ihre Daten (Art. 15 DSGVO),
- **Berichtigung** unrichtiger Daten (Art. 16 DSGVO),
- **Löschung** (Art. 17 DSGVO),
- **Einschränkung der Verarbeitung** (Art. 18 DSGVO),
- **Datenübertragbarkeit** (Art. 20 DSGVO),
- **Widerspruch** gegen Verarbeitungen auf Grundlage berechtigter Interessen (Art. 21 DSGVO),
- **Widerruf** einer Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO); die bis dahin erfolgte Verarbeitung bleibt rechtmäßig.

Die meisten Rechte können Sie selbst ausüben: Unter **Konto → Meine Daten** fordern Sie einen vollständigen Datenexport an (ZIP mit JSON- und CSV-Dateien, Ihren Nano-Dateien und Chatverläufen, ${PRIVACY_LIMITS.exportValidDays} Tage abrufbar), schalten Einwilligungen ein oder aus, schränken die Verarbeitung ein oder löschen Ihr Konto. Angaben im Profil berichtigen Sie jederzeit selbst. Für alles andere schreiben Sie an [${P.contactEmail}](mailto:${P.contactEmail}); wir antworten innerhalb eines Monats (Art. 12 Abs. 3 DSGVO).

## 7. Beschwerderecht

Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), insbesondere in dem Land, in dem Sie leben oder arbeiten. Zuständig für uns ist zum Beispiel: ${P.authority.de}

## 8. Cookies und lokale Speicherung

Wir verwenden ausschließlich technisch notwendige Cookies und Speichereinträge. Welche das sind, wozu sie dienen und wie lange sie bestehen, listet der Abschnitt „Cookies und lokale Speicherung“ am Ende dieser Seite; er wird mit der Anwendung selbst gepflegt und ist daher immer aktuell.

Diese Einträge sind für den von Ihnen gewünschten Dienst unbedingt erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG); eine Einwilligung ist dafür nicht nötig, deshalb zeigen wir kein Cookie-Banner. Analyse- oder Werbe-Cookies setzen wir nicht.

## 9. Keine automatisierten Entscheidungen

Wir treffen keine ausschließlich automatisierten Entscheidungen im Sinne von Art. 22 DSGVO. Automatische Prüfungen beim Hochladen (z. B. Dateiformat, Schadsoftware) bereiten die Entscheidung der Moderation vor.

## 10. Änderungen

Wir passen diese Erklärung an, wenn sich die Plattform oder die Rechtslage ändert. Bei wesentlichen Änderungen bitten wir Sie bei der nächsten Anmeldung, die neue Fassung zur Kenntnis zu nehmen. Frühere Fassungen bleiben abrufbar.
`;
