import type { Role } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Seeder } from '../../db/seed.ts';
import { recordSignUpConsents } from '../privacy/consents.service.ts';
import { ensureLegalDocuments } from '../privacy/legal.seed.ts';
import { hashPassword } from './crypto/password-hasher.ts';
import * as users from './identity.repository.ts';
import * as profiles from './profile.repository.ts';

/** The demo accounts of the embedded mode; all share the `DEMO_PASSWORD`. */
export const DEMO_ACCOUNTS: Array<{
  username: string;
  role: Role;
  displayName: string;
  bio?: string;
  company?: string;
  jobTitle?: string;
}> = [
  { username: 'demo-admin', role: 'admin', displayName: 'Demo Admin' },
  { username: 'demo-moderator', role: 'moderator', displayName: 'Demo Moderatorin' },
  // A second moderator: appeals must be decided by someone other than the original moderator.
  { username: 'demo-moderator-2', role: 'moderator', displayName: 'Demo Moderator Zwei' },
  {
    username: 'demo-creator',
    role: 'creator',
    displayName: 'Volkshochschule Demo',
    bio: 'Kurze Lerneinheiten zu Excel, Kommunikation und Datenschutz – praxisnah, in zehn Minuten.',
    company: 'VHS Demo-Stadt',
    jobTitle: 'Programmbereich Beruf & Karriere',
  },
  {
    username: 'demo-consumer',
    role: 'consumer',
    displayName: 'Demo Lernende',
    company: 'Musterfirma GmbH',
    jobTitle: 'Personalentwicklung',
  },
  {
    username: 'vhs-musterstadt',
    role: 'creator',
    displayName: 'VHS Musterstadt',
    bio: 'Die Volkshochschule Musterstadt bietet kompakte Lerneinheiten für Beruf und Alltag – von Erster Hilfe bis Englisch im Büro.',
    company: 'Volkshochschule Musterstadt',
    jobTitle: 'Fachbereich Berufliche Bildung',
  },
  {
    username: 'akademie-digital',
    role: 'creator',
    displayName: 'Akademie Digital GmbH',
    bio: 'Weiterbildung für die digitale Arbeitswelt: Python, Cloud, KI und IT-Sicherheit in kurzen, praxisnahen Einheiten.',
    company: 'Akademie Digital GmbH',
    jobTitle: 'Redaktion Lernangebote',
  },
  {
    username: 'hochschule-weiterbildung',
    role: 'creator',
    displayName: 'Weiterbildungszentrum Hochschule Beispiel',
    bio: 'Wissenschaftliche Weiterbildung für Berufstätige: Didaktik, Recht, Nachhaltigkeit und Data Science – auf Deutsch und Englisch.',
    company: 'Hochschule Beispiel',
    jobTitle: 'Zentrum für Weiterbildung',
  },
  {
    username: 'trainerin-meyer',
    role: 'creator',
    displayName: 'Sabine Meyer – Kommunikationstraining',
    bio: 'Trainerin für Kommunikation, Präsentation und Konfliktlösung mit über 15 Jahren Erfahrung in Unternehmen und Verwaltung.',
    company: 'Meyer Kommunikationstraining',
    jobTitle: 'Trainerin und Coach',
  },
];

/** Ready, verified demo accounts that accepted the legal texts; re-running changes nothing. */
export const identitySeeder: Seeder = {
  name: 'identity',
  async run(platform, config) {
    const db = platform.database.db;
    // The seeders run before the app is built: the documents the accounts accept must exist first.
    await ensureLegalDocuments(db, platform.clock);
    let passwordHash: string | undefined;
    for (const account of DEMO_ACCOUNTS) {
      if (await users.usernameTaken(db, account.username)) {
        continue;
      }
      passwordHash ??= await hashPassword(config.demoPassword);
      const id = uuidv7();
      const now = platform.clock.now();
      await db.transaction().execute(async (trx) => {
        await users.insertUser(trx, {
          id,
          email: `${account.username}@nano-marktplatz.test`,
          username: account.username,
          display_name: account.displayName,
          password_hash: passwordHash ?? null,
          role: account.role,
          email_verified_at: now,
          created_at: now,
          updated_at: now,
        });
        await profiles.updateProfile(trx, id, {
          bio: account.bio ?? null,
          company: account.company ?? null,
          job_title: account.jobTitle ?? null,
          updated_at: now,
        });
        // Demo accounts have accepted the current texts and opted in to notification emails.
        await recordSignUpConsents(trx, id, { notificationEmails: true }, now);
      });
    }
  },
};
