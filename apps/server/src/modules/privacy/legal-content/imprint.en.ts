import { LEGAL_PLACEHOLDERS } from './placeholders.ts';

const P = LEGAL_PLACEHOLDERS;

/** Imprint under § 5 DDG, version 1, with sample data (English translation). */
export const IMPRINT_EN = `## Information pursuant to § 5 of the German Digital Services Act (DDG)

- **${P.operatorName}**
- ${P.operatorAddress.en}
- Represented by: ${P.representative}

## Contact

- Email: [${P.contactEmail}](mailto:${P.contactEmail})
- Phone: ${P.phone}

## Commercial register

${P.register}

## VAT identification number

VAT identification number under § 27a of the German VAT Act: ${P.vatId}

## Responsible for the content under § 18(2) MStV

${P.representative}, ${P.operatorAddress.en}

## Point of contact under the Digital Services Act

Single point of contact for authorities and users (Art. 11 and 12 DSA): [${P.contactEmail}](mailto:${P.contactEmail}). You may write to us in German or English.

## Consumer dispute resolution

We are neither willing nor obliged to take part in dispute resolution proceedings before a consumer arbitration board.

**Note:** The details on this page are sample data. The operator replaces them with their own in the admin area under “Legal texts”.
`;
