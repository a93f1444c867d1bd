import { CHAT_LIMITS } from '@nano/contracts';

/**
 * The operator's details in the first versions of the legal documents: sample data that the
 * operator replaces by publishing new versions in the admin area (Admin → Rechtstexte).
 */
export const LEGAL_PLACEHOLDERS = {
  operatorName: 'Nano-Marktplatz Betreiber GmbH (Musterdaten – bitte im Admin-Bereich anpassen)',
  operatorAddress: {
    de: 'Musterstraße 1, 10115 Berlin, Deutschland',
    en: 'Musterstraße 1, 10115 Berlin, Germany',
  },
  representative: 'Erika Mustermann (Geschäftsführerin / Managing Director)',
  register: 'Amtsgericht Berlin-Charlottenburg, HRB 000000 (Musterdaten)',
  vatId: 'DE000000000 (Musterdaten)',
  contactEmail: 'kontakt@nano-marktplatz.example',
  phone: '+49 30 0000000 (Musterdaten)',
  dpoEmail: 'datenschutz@nano-marktplatz.example',
  authority: {
    de: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit, Alt-Moabit 59–61, 10555 Berlin, [www.datenschutz-berlin.de](https://www.datenschutz-berlin.de) (Beispiel – bitte die für den Sitz des Betreibers zuständige Landesbehörde eintragen).',
    en: 'Berlin Commissioner for Data Protection and Freedom of Information, Alt-Moabit 59–61, 10555 Berlin, Germany, [www.datenschutz-berlin.de](https://www.datenschutz-berlin.de) (example – please enter the state authority competent for the operator’s seat).',
  },
} as const;

/** Periods as the documents state them, from the constants the code uses (cookies: web storage notice). */
export const LEGAL_PERIODS = {
  chatArchiveDays: CHAT_LIMITS.archiveAfterDays,
} as const;
