import { z } from 'zod';
import type { Locale } from './common.ts';

/**
 * The maintained list of rules a moderation decision can cite (statement of reasons, EU DSA
 * Art. 17). Each has a short title and the rule's text in German and English; the server quotes
 * them in the statement mailed to the affected user, the web app offers them as templates.
 */
export const REASON_CODES = [
  'copyright',
  'privacy',
  'harassment',
  'hate',
  'illegal',
  'spam',
  'off_topic',
  'metadata_incomplete',
  'misleading',
  'quality',
  'impersonation',
  'other',
] as const;
export const reasonCodeSchema = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export interface ReasonTemplate {
  title: string;
  /** The rule as the statement of reasons quotes it. */
  rule: string;
}

export const REASON_TEMPLATES: Record<ReasonCode, Record<Locale, ReasonTemplate>> = {
  copyright: {
    de: {
      title: 'Urheberrecht',
      rule: 'Inhalte dürfen nur veröffentlicht werden, wenn Sie die Rechte daran besitzen oder eine Lizenz haben (Nutzungsbedingungen § 4).',
    },
    en: {
      title: 'Copyright',
      rule: 'Content may only be published if you own the rights to it or hold a licence (terms of use § 4).',
    },
  },
  privacy: {
    de: {
      title: 'Datenschutz',
      rule: 'Personenbezogene Daten Dritter dürfen nicht ohne deren Einwilligung veröffentlicht werden (Nutzungsbedingungen § 5, DSGVO).',
    },
    en: {
      title: 'Privacy',
      rule: "Other people's personal data must not be published without their consent (terms of use § 5, GDPR).",
    },
  },
  harassment: {
    de: {
      title: 'Belästigung',
      rule: 'Beleidigungen, Drohungen und Belästigungen anderer Personen sind nicht erlaubt (Nutzungsbedingungen § 6).',
    },
    en: {
      title: 'Harassment',
      rule: 'Insults, threats and harassment of other people are not allowed (terms of use § 6).',
    },
  },
  hate: {
    de: {
      title: 'Hassrede',
      rule: 'Inhalte, die zu Hass oder Gewalt gegen Gruppen aufstacheln, sind verboten (Nutzungsbedingungen § 6).',
    },
    en: {
      title: 'Hate speech',
      rule: 'Content that incites hatred or violence against groups is prohibited (terms of use § 6).',
    },
  },
  illegal: {
    de: {
      title: 'Rechtswidriger Inhalt',
      rule: 'Inhalte, die gegen geltendes Recht verstoßen, werden entfernt (Nutzungsbedingungen § 3).',
    },
    en: {
      title: 'Illegal content',
      rule: 'Content that breaks the law is removed (terms of use § 3).',
    },
  },
  spam: {
    de: {
      title: 'Spam und Werbung',
      rule: 'Unerwünschte Werbung, Massennachrichten und irreführende Links sind nicht erlaubt (Nutzungsbedingungen § 7).',
    },
    en: {
      title: 'Spam and advertising',
      rule: 'Unsolicited advertising, mass messages and deceptive links are not allowed (terms of use § 7).',
    },
  },
  off_topic: {
    de: {
      title: 'Thema verfehlt',
      rule: 'Nanos müssen kurze Lerneinheiten der beruflichen Weiterbildung sein (Nutzungsbedingungen § 2).',
    },
    en: {
      title: 'Off topic',
      rule: 'Nanos must be short learning units of continuing professional education (terms of use § 2).',
    },
  },
  metadata_incomplete: {
    de: {
      title: 'Metadaten unvollständig',
      rule: 'Titel, Beschreibung, Dauer, Niveau, Sprache, Format, Lizenz und Kategorien müssen vollständig und zutreffend sein (Richtlinie für Creator).',
    },
    en: {
      title: 'Metadata incomplete',
      rule: 'Title, description, duration, level, language, format, licence and categories must be complete and accurate (creator guidelines).',
    },
  },
  misleading: {
    de: {
      title: 'Irreführend',
      rule: 'Beschreibung und Inhalt müssen übereinstimmen; irreführende Angaben sind nicht erlaubt (Richtlinie für Creator).',
    },
    en: {
      title: 'Misleading',
      rule: 'Description and content must match; misleading statements are not allowed (creator guidelines).',
    },
  },
  quality: {
    de: {
      title: 'Technische Qualität',
      rule: 'Der Inhalt muss sich öffnen lassen und vollständig sein (defekte Dateien, fehlende Seiten; Richtlinie für Creator).',
    },
    en: {
      title: 'Technical quality',
      rule: 'The content must open and be complete (broken files, missing pages; creator guidelines).',
    },
  },
  impersonation: {
    de: {
      title: 'Identitätstäuschung',
      rule: 'Niemand darf sich als eine andere Person oder Organisation ausgeben (Nutzungsbedingungen § 6).',
    },
    en: {
      title: 'Impersonation',
      rule: 'No one may pretend to be another person or organisation (terms of use § 6).',
    },
  },
  other: {
    de: {
      title: 'Sonstiger Verstoß',
      rule: 'Ein Verstoß gegen die Nutzungsbedingungen, der in der Begründung beschrieben ist.',
    },
    en: {
      title: 'Other violation',
      rule: 'A violation of the terms of use described in the statement.',
    },
  },
};
