import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';

/** The acting admin of a request and where it came from, for the audit trail. */
export interface AdminActor {
  userId: string;
  /** Raw client address; the audit log stores only its anonymised network. */
  ip: string;
  userAgent: string | null;
}

/** The signed-in admin of a request guarded by `requireRole('admin')`. */
export function adminActorOf(request: FastifyRequest): AdminActor {
  if (!request.auth) {
    throw new AppError('unauthorized');
  }
  const userAgent = request.headers['user-agent'];
  return {
    userId: request.auth.userId,
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
  };
}
