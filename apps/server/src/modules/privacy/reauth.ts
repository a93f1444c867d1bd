import type { reauthenticateSchema } from '@nano/contracts';
import type { z } from 'zod';
import type { SecretBox } from '../identity/crypto/secret-box.ts';
import { setSessionAuthenticatedAt } from './exports.repository.ts';
import type { ExportActor } from './exports.service.ts';
import { confirmIdentity } from './identity-confirmation.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/**
 * `POST /me/reauthenticate`: the user confirms their password (and the current 2FA code when 2FA
 * is on) with the same check as erasure and restriction; this session then counts as freshly
 * signed in (`sessions.authenticated_at`) for actions that need a recent login, such as
 * downloading a data export. Failures are audited by the check; success is audited here.
 */
export async function reauthenticate(
  deps: PrivacyDeps,
  secretBox: SecretBox,
  actor: ExportActor,
  proof: z.infer<typeof reauthenticateSchema>,
): Promise<{ authenticatedAt: string }> {
  await confirmIdentity(
    { db: deps.db, clock: deps.clock, audit: deps.audit, secretBox },
    actor.userId,
    proof,
    { purpose: 'reauthentication', ip: actor.ip, userAgent: actor.userAgent },
  );
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setSessionAuthenticatedAt(trx, actor.sessionId, now);
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'privacy.reauthenticated',
        targetType: 'session',
        targetId: actor.sessionId,
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return { authenticatedAt: now.toISOString() };
}
