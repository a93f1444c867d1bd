import { LEGAL_PLACEHOLDERS } from './placeholders.ts';

const P = LEGAL_PLACEHOLDERS;

/** Nutzungsbedingungen, Fassung 1 (Markdown-Teilmenge des Vertrags; der Titel steht im Dokument). */
export const TERMS_DE = `Diese Nutzungsbedingungen regeln die Nutzung des Nano-Marktplatzes, einer Plattform zum Tauschen kurzer Lerneinheiten („Nanos“). Anbieter ist ${P.operatorName}, ${P.operatorAddress.de} (siehe Impressum).

## 1. Leistung

- Der Nano-Marktplatz ermöglicht es, Nanos zu veröffentlichen, zu finden, herunterzuladen, zu bewerten, in Listen zu sammeln und sich im Chat mit den Anbietenden auszutauschen.
- Die Nutzung ist kostenlos. Über die Plattform werden keine Zahlungen abgewickelt; Vereinbarungen zwischen Nutzenden (z. B. über einen Tausch) treffen diese selbst und in eigener Verantwortung.
- Wir bemühen uns um eine hohe Verfügbarkeit, schulden aber keine ununterbrochene Erreichbarkeit. Wartungen kündigen wir nach Möglichkeit an.

## 2. Konto

- Für die meisten Funktionen brauchen Sie ein Konto. Sie müssen mindestens 16 Jahre alt sein und wahre Angaben machen.
- Halten Sie Ihr Passwort geheim und nutzen Sie nach Möglichkeit die Zwei-Faktor-Anmeldung. Melden Sie uns einen Missbrauch Ihres Kontos unverzüglich.
- Jede Person darf nur ein Konto nutzen; Konten sind nicht übertragbar.

## 3. Inhalte von Anbietenden (Creator)

- Sie dürfen nur Inhalte hochladen, an denen Sie die nötigen Rechte haben (Urheber-, Marken-, Persönlichkeits- und Datenschutzrechte, z. B. an Bildern, Musik, Schriftarten oder gezeigten Personen).
- Sie räumen dem Betreiber ein einfaches, unentgeltliches, räumlich unbeschränktes Recht ein, Ihre Nanos für die Dauer ihrer Veröffentlichung auf der Plattform zu speichern, anzuzeigen, in Vorschauen darzustellen und anderen Nutzenden zum Abruf bereitzustellen. Welche Nutzung den Herunterladenden erlaubt ist, bestimmt die Lizenz, die Sie beim Nano angeben.
- Sie sind für die Richtigkeit Ihrer Inhalte verantwortlich. Beschreibungen, Lernziele, Dauer und Zielgruppe müssen zum Inhalt passen.

## 4. Moderation

- Neue Nanos und neue Versionen werden vor der Veröffentlichung geprüft; bewährte Anbietende können von der Vorabprüfung ausgenommen werden, ihre Nanos werden dann stichprobenartig geprüft.
- Jede Person kann Inhalte melden, die sie für rechtswidrig oder regelwidrig hält (Melde- und Abhilfeverfahren nach Art. 16 DSA). Wir prüfen Meldungen zügig, sorgfältig und unvoreingenommen.
- Entscheiden wir, einen Inhalt zu entfernen, zu sperren oder ein Konto einzuschränken, erhalten Sie eine Begründung (Art. 17 DSA) und können innerhalb der genannten Frist Widerspruch einlegen; eine andere Person der Moderation entscheidet darüber.
- Beschwerdemöglichkeiten außerhalb der Plattform (z. B. außergerichtliche Streitbeilegung nach Art. 21 DSA, Gerichte) bleiben unberührt.

## 5. Unzulässige Inhalte

Nicht erlaubt sind insbesondere Inhalte, die

- gegen Gesetze verstoßen (z. B. Volksverhetzung, Darstellungen von Gewalt, Verletzung von Urheberrechten),
- andere beleidigen, bedrohen, diskriminieren oder bloßstellen,
- personenbezogene Daten Dritter ohne deren Einverständnis enthalten,
- Schadsoftware, Tracking-Code oder Links auf solche enthalten,
- Werbung ohne Bezug zum Lerninhalt oder Spam darstellen,
- jugendgefährdend sind oder sexuelle Inhalte zeigen.

## 6. Verhalten im Chat

- Bleiben Sie sachlich und respektvoll. Belästigung, Spam und das Anwerben für fremde Angebote sind untersagt.
- Teilen Sie im Chat keine sensiblen Daten (z. B. Passwörter, Gesundheits- oder Bankdaten).
- Nachrichten können gemeldet und von der Moderation geprüft werden; bei Verstößen kann ein Chat gesperrt werden.

## 7. Bewertungen

Bewertungen müssen auf eigener Erfahrung mit dem Nano beruhen. Eigene Nanos dürfen nicht bewertet werden; gekaufte, getauschte oder abgesprochene Bewertungen sind unzulässig.

## 8. Haftung

- Wir haften unbeschränkt für Vorsatz und grobe Fahrlässigkeit sowie für Schäden aus der Verletzung von Leben, Körper oder Gesundheit und nach dem Produkthaftungsgesetz.
- Bei leichter Fahrlässigkeit haften wir nur bei Verletzung einer wesentlichen Pflicht, deren Erfüllung die Nutzung der Plattform überhaupt erst ermöglicht, und begrenzt auf den vorhersehbaren, typischen Schaden.
- Für Inhalte von Nutzenden sind diese selbst verantwortlich. Wir machen uns diese Inhalte nicht zu eigen.

## 9. Sperrung und Kündigung

- Sie können Ihr Konto jederzeit unter **Konto → Meine Daten** löschen.
- Wir können Konten bei Verstößen gegen diese Bedingungen verwarnen, vorübergehend sperren oder – bei schweren oder wiederholten Verstößen – dauerhaft schließen. Dabei berücksichtigen wir die Umstände des Einzelfalls und begründen unsere Entscheidung.
- Wir können die Nutzung aus wichtigem Grund oder mit einer Frist von vier Wochen beenden.

## 10. Änderungen dieser Bedingungen

Wir können diese Bedingungen ändern, wenn sich die Plattform, die Rechtslage oder die Rechtsprechung ändert. Wesentliche Änderungen müssen Sie bei der nächsten Anmeldung bestätigen, bevor Sie die Plattform weiter nutzen; stimmen Sie nicht zu, können Sie Ihr Konto löschen. Frühere Fassungen bleiben abrufbar.

## 11. Schlussbestimmungen

Es gilt deutsches Recht unter Ausschluss des UN-Kaufrechts; zwingende Verbraucherschutzvorschriften Ihres Aufenthaltsstaats bleiben unberührt. Sollte eine Bestimmung unwirksam sein, bleiben die übrigen wirksam. Fragen richten Sie an [${P.contactEmail}](mailto:${P.contactEmail}).
`;
