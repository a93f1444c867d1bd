import type { Locale } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { AuditAction, AuditService } from '../audit/audit.service.ts';
import type { TokenSigner } from './access-token.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import { type IdentityMail, renderIdentityMail } from './identity.emails.ts';

/** What the identity services use, passed in (never imported as globals). */
export interface IdentityDeps {
  db: Kysely<Database>;
  clock: Clock;
  cache: Cache;
  mailer: Mailer;
  audit: AuditService;
  signer: TokenSigner;
  secretBox: SecretBox;
  publicUrl: string;
  requireStaffTwoFactor: boolean;
}

/** Who is asking, as the HTTP layer saw it. */
export interface RequestContext {
  /** Raw client address; anonymised before it is stored anywhere. */
  ip: string;
  userAgent: string | null;
  locale: Locale;
}

/** Sends one identity email to `to` in `locale`. */
export async function sendIdentityMail(
  deps: IdentityDeps,
  to: string,
  locale: Locale,
  mail: IdentityMail,
): Promise<void> {
  const rendered = renderIdentityMail(locale, mail);
  await deps.mailer.send({ to, ...rendered });
}

/** An absolute link to a page of the web app. */
export function appUrl(deps: IdentityDeps, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${deps.publicUrl}/`);
  for (const [key, value] of Object.entries(query)) {
    url.searchParams.set(key, value);
  }
  return url.toString();
}

/** Audits an event of a user's own account (actor and target are the user), in the caller's transaction. */
export async function auditAccountEvent(
  deps: IdentityDeps,
  trx: Kysely<Database>,
  userId: string,
  action: AuditAction,
  context: RequestContext,
): Promise<void> {
  await deps.audit.record(
    {
      actorId: userId,
      action,
      targetType: 'user',
      targetId: userId,
      ip: context.ip,
      userAgent: context.userAgent,
    },
    trx,
  );
}
