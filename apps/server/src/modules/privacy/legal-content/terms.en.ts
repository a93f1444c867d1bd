import { LEGAL_PLACEHOLDERS } from './placeholders.ts';

const P = LEGAL_PLACEHOLDERS;

/** Terms of use, version 1 (English translation; the German text prevails). */
export const TERMS_EN = `These terms govern the use of Nano-Marktplatz, a platform for exchanging short learning units (“Nanos”). The provider is ${P.operatorName}, ${P.operatorAddress.en} (see the imprint). This is a translation; the German version prevails.

## 1. Service

- Nano-Marktplatz lets you publish, find, download and rate Nanos, collect them in lists, and talk to their providers in the chat.
- Use is free of charge. No payments are handled through the platform; agreements between users (e.g. about an exchange) are made by them, on their own responsibility.
- We aim for high availability but do not owe uninterrupted access. We announce maintenance where possible.

## 2. Account

- Most features need an account. You must be at least 16 years old and give truthful details.
- Keep your password secret and use two-factor sign-in where possible. Tell us at once if your account is misused.
- Each person may use one account only; accounts cannot be transferred.

## 3. Content of providers (creators)

- Upload only content for which you hold the necessary rights (copyright, trademark, personality and data protection rights, e.g. in images, music, fonts or people shown).
- You grant the operator a simple, royalty-free, worldwide right to store, display, show in previews and make available to other users your Nanos for as long as they are published on the platform. What those who download them may do is governed by the licence you state on the Nano.
- You are responsible for the accuracy of your content. Descriptions, learning objectives, duration and audience must match the content.

## 4. Moderation

- New Nanos and new versions are reviewed before publication; trusted providers may be exempted from prior review, their Nanos are then checked by sampling.
- Anyone can report content they consider illegal or against these terms (notice and action under Art. 16 DSA). We handle notices promptly, diligently and objectively.
- If we decide to remove or block content or to restrict an account, you receive a statement of reasons (Art. 17 DSA) and can appeal within the period stated; another moderator decides on the appeal.
- Remedies outside the platform (e.g. out-of-court dispute settlement under Art. 21 DSA, courts) remain available.

## 5. Prohibited content

In particular, content is not allowed that

- breaks the law (e.g. incitement to hatred, depictions of violence, copyright infringement),
- insults, threatens, discriminates against or exposes others,
- contains personal data of third parties without their consent,
- contains malware, tracking code or links to them,
- is advertising unrelated to the learning content, or spam,
- is harmful to minors or shows sexual content.

## 6. Conduct in the chat

- Stay factual and respectful. Harassment, spam and soliciting for other offers are prohibited.
- Do not share sensitive data in the chat (e.g. passwords, health or bank data).
- Messages can be reported and reviewed by the moderators; a chat can be blocked after violations.

## 7. Ratings

Ratings must be based on your own experience with the Nano. You may not rate your own Nanos; bought, exchanged or arranged ratings are not allowed.

## 8. Liability

- We are liable without limitation for intent and gross negligence, for injury to life, body or health, and under the German Product Liability Act.
- For slight negligence we are liable only for breach of an essential obligation whose fulfilment makes the use of the platform possible in the first place, limited to the foreseeable, typical damage.
- Users are responsible for their own content. We do not adopt it as our own.

## 9. Blocking and termination

- You can delete your account at any time under **Account → My data**.
- We may warn, temporarily suspend or – for serious or repeated violations – permanently close accounts that violate these terms. We take the circumstances of each case into account and give reasons for our decision.
- We may end the use for good cause or with four weeks’ notice.

## 10. Changes to these terms

We may change these terms when the platform, the law or case law changes. You must accept significant changes at your next sign-in before you continue to use the platform; if you do not agree, you can delete your account. Earlier versions remain available.

## 11. Final provisions

German law applies, excluding the UN Convention on Contracts for the International Sale of Goods; mandatory consumer protection rules of your country of residence remain unaffected. If a provision is invalid, the others remain valid. Please send questions to [${P.contactEmail}](mailto:${P.contactEmail}).
`;
