import { PRIVACY_LIMITS, RETENTION } from '@nano/contracts';
import { LEGAL_PERIODS, LEGAL_PLACEHOLDERS } from './placeholders.ts';

const P = LEGAL_PLACEHOLDERS;
const T = LEGAL_PERIODS;

/** Privacy policy under Art. 13 GDPR, version 1 (English translation; the German text prevails). */
export const PRIVACY_EN = `This policy tells you, as required by Art. 13 of the General Data Protection Regulation (GDPR), which personal data Nano-Marktplatz processes, for what purposes, on which legal basis, for how long, and what rights you have. This is a translation; the German version prevails.

## 1. Controller

- **${P.operatorName}**
- ${P.operatorAddress.en}
- Represented by: ${P.representative}
- Email: [${P.contactEmail}](mailto:${P.contactEmail})

## 2. Data protection officer

You can reach our data protection officer at [${P.dpoEmail}](mailto:${P.dpoEmail}) or by post at the address above, marked “Data protection officer”.

## 3. Purposes and legal bases

| Processing | Data | Purpose | Legal basis |
| --- | --- | --- | --- |
| Account and sign-in | email address, username, display name, password (hash only), language, two-factor secret (encrypted), sessions | creating your account, signing you in, protecting your account | Art. 6(1)(b) GDPR (contract) |
| Profile | optional details such as picture, organisation, job title, short description, interests, phone number (stored encrypted) | how you appear on the platform, relevant suggestions | Art. 6(1)(b) GDPR |
| Publishing Nanos, ratings and chat | uploaded learning units and their metadata, ratings and replies, favourites, lists, saved searches, chat messages | providing the exchange platform: offering, finding and rating Nanos and talking about them | Art. 6(1)(b) GDPR |
| Security logs and audit log | security-relevant events (e.g. sign-ins, role changes) with a shortened (anonymised) IP address and browser identifier | detecting and preventing abuse, meeting accountability and documentation duties | Art. 6(1)(f) GDPR (legitimate interest in security) and (c) (legal obligation, e.g. Art. 5(2), Art. 32 GDPR) |
| Moderation and notice-and-action | notices, review decisions, statements of reasons, appeals | handling illegal content, giving reasons for decisions and making them reviewable | Art. 6(1)(c) GDPR with the Digital Services Act (Art. 16, 17, 20 DSA) and (f) (a safe, reliable platform) |
| Notification emails | email address, display name, what the notification is about | telling you about new chat messages, ratings, review results and search matches | Art. 6(1)(a) GDPR (consent, revocable at any time) |
| Mandatory messages | email address | statements of reasons for moderation decisions, account and security messages (e.g. confirmation links, new sign-in) | Art. 6(1)(b) and (c) GDPR |
| Marketing emails (newsletter) | email address, display name | news about the platform | Art. 6(1)(a) GDPR (consent, revocable at any time) |
| Search statistics | search terms without any link to a person (anonymised, without account or IP address) | improving the offer and the search | Art. 6(1)(f) GDPR (legitimate interest in a good service) |

Without the details needed for the account and sign-in we cannot provide an account. All other profile details and consents are voluntary.

## 4. Recipients

- **Hosting:** the platform runs at a data-centre operator in the European Union that processes the data only on our behalf (processor under Art. 28 GDPR).
- **Email delivery:** an email delivery provider based in the EU sends our emails on our behalf (Art. 28 GDPR).
- **Other users:** what you publish (Nanos, profile, ratings) is visible to others; chat messages are visible to the other party.
- **Authorities:** only where the law obliges us.

No data is transferred to countries outside the EU or the EEA. The website loads no scripts, fonts or trackers from third parties.

## 5. Retention periods

- **Account and profile:** until you delete your account. After your erasure request the account is deactivated at once; it is anonymised after ${PRIVACY_LIMITS.erasureCancelDays} days, during which you can cancel the erasure.
- **Inactive accounts:** after ${RETENTION.inactiveAccountMonths} months without a sign-in you get a reminder by email; if you do not sign in within ${RETENTION.inactiveGraceDays} days, the account is anonymised.
- **Unconfirmed accounts:** are deleted after ${RETENTION.unverifiedAccountDays} days if the email address was not confirmed.
- **Archived Nanos:** are deleted for good, files included, ${RETENTION.archivedNanoYears} years after they were archived.
- **Chats:** are archived after ${T.chatArchiveDays} days without a new message and stay readable for both sides until an account is deleted; the messages then stay for the other party without the author’s name.
- **Data exports:** are deleted ${PRIVACY_LIMITS.exportValidDays} days after they are ready.
- **Audit log:** entries are deleted after ${RETENTION.auditEventYears} years (accountability duties); IP addresses are stored shortened only.
- **Consents:** records of consents given and withdrawn are kept even after the account is deleted, because we must be able to prove them (Art. 7(1), Art. 5(2) GDPR); they are then linked only to an identifier without name or email address.

## 6. Your rights

You have the right to

- **access** your data (Art. 15 GDPR),
- **rectification** of inaccurate data (Art. 16 GDPR),
- **erasure** (Art. 17 GDPR),
- **restriction of processing** (Art. 18 GDPR),
- **data portability** (Art. 20 GDPR),
- **object** to processing based on legitimate interests (Art. 21 GDPR),
- **withdraw** a consent with effect for the future (Art. 7(3) GDPR); processing before the withdrawal remains lawful.

You can exercise most rights yourself: under **Account → My data** you request a complete data export (a ZIP of JSON and CSV files, your Nano files and chat transcripts, available for ${PRIVACY_LIMITS.exportValidDays} days), switch consents on or off, restrict processing or delete your account. You can correct your profile details at any time. For anything else write to [${P.contactEmail}](mailto:${P.contactEmail}); we answer within one month (Art. 12(3) GDPR).

## 7. Right to lodge a complaint

You may lodge a complaint with a data protection supervisory authority (Art. 77 GDPR), in particular in the country where you live or work. The authority competent for us is, for example: ${P.authority.en}

## 8. Cookies and local storage

We use strictly necessary cookies and storage entries only. Which ones, what for and for how long is listed in the section “Cookies and local storage” at the end of this page; it is maintained with the application itself and therefore always current.

These entries are strictly necessary for the service you request (§ 25(2) no. 2 of the German TDDDG); they need no consent, which is why we show no cookie banner. We set no analytics or advertising cookies.

## 9. No automated decisions

We make no decisions based solely on automated processing within the meaning of Art. 22 GDPR. Automatic checks on upload (e.g. file format, malware) prepare the moderators’ decision.

## 10. Changes

We update this policy when the platform or the law changes. After significant changes we ask you at your next sign-in to take note of the new version. Earlier versions remain available.
`;
