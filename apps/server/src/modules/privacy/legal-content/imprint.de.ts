import { LEGAL_PLACEHOLDERS } from './placeholders.ts';

const P = LEGAL_PLACEHOLDERS;

/** Impressum nach § 5 DDG, Fassung 1, mit Musterdaten (der Titel steht im Dokument). */
export const IMPRINT_DE = `## Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)

- **${P.operatorName}**
- ${P.operatorAddress.de}
- Vertreten durch: ${P.representative}

## Kontakt

- E-Mail: [${P.contactEmail}](mailto:${P.contactEmail})
- Telefon: ${P.phone}

## Registereintrag

${P.register}

## Umsatzsteuer-Identifikationsnummer

Umsatzsteuer-Identifikationsnummer gemäß § 27a Umsatzsteuergesetz: ${P.vatId}

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

${P.representative}, ${P.operatorAddress.de}

## Kontaktstelle nach dem Digital Services Act

Zentrale Kontaktstelle für Behörden und Nutzende (Art. 11 und 12 DSA): [${P.contactEmail}](mailto:${P.contactEmail}). Sie können uns auf Deutsch oder Englisch schreiben.

## Verbraucherstreitbeilegung

Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.

**Hinweis:** Die Angaben auf dieser Seite sind Musterdaten. Der Betreiber ersetzt sie im Admin-Bereich unter „Rechtstexte“ durch seine eigenen Angaben.
`;
