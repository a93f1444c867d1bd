import type { Locale } from '@nano/contracts';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';

/** Who acts in a moderation route, for the rules and the audit log. */
export interface ActorContext {
  auth: AuthContext;
  ip: string;
  userAgent: string | undefined;
  locale: Locale;
}

/** The signed-in caller of a route guarded by requireAuth or requireRole. */
export function actorOf(request: FastifyRequest): ActorContext {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return {
    auth: request.auth,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    locale: request.locale,
  };
}

/** The common fields of an audit event by this actor. */
export function auditBy(actor: ActorContext) {
  return { actorId: actor.auth.userId, ip: actor.ip, userAgent: actor.userAgent ?? null };
}

export function isStaffRole(auth: AuthContext): boolean {
  return auth.role === 'moderator' || auth.role === 'admin';
}
