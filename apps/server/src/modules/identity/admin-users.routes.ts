import {
  adminUserDetailSchema,
  adminUserPageSchema,
  adminUserQuerySchema,
  adminUserSchema,
  adminUserUpdateSchema,
  problemSchema,
  suspendUserRequestSchema,
  unsuspendUserRequestSchema,
  verifyProviderRequestSchema,
  warnUserRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminActorOf } from '../admin/admin-request.ts';
import {
  type AdminUsersDeps,
  changeUserRole,
  eraseUser,
  getAdminUserDetail,
  listAdminUsers,
  revokeProvider,
  suspendUser,
  unsuspendUser,
  verifyProvider,
  warnUser,
} from './admin-users.service.ts';

const idParams = z.object({ id: z.uuid() });
const changed = {
  200: adminUserSchema,
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** User management of the admin console (admins only; every change audited with before/after values). */
export async function adminUserRoutes(
  app: FastifyInstance,
  { deps }: { deps: AdminUsersDeps },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = app.requireRole('admin');

  routes.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Accounts, newest first',
        description: '`q` matches username, display name or email (case-insensitive, literally).',
        querystring: adminUserQuerySchema,
        response: { 200: adminUserPageSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => listAdminUsers(deps, request.query),
  );

  routes.get(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One account with counts, trust, verification, decisions and recent audit events',
        params: idParams,
        response: { 200: adminUserDetailSchema, 404: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => getAdminUserDetail(deps, request.params.id),
  );

  routes.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the role',
        description:
          'Not the own role (403 `admin_own_role`); never the last active admin (409 `last_admin`).',
        params: idParams,
        body: adminUserUpdateSchema,
        response: changed,
      },
      preValidation: adminOnly,
    },
    async (request) => changeUserRole(deps, adminActorOf(request), request.params.id, request.body.role),
  );

  routes.delete(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Erase the account (anonymising; its published Nanos stay under "Gelöschter Nutzer")',
        params: idParams,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request, reply) => {
      await eraseUser(deps, adminActorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  routes.post(
    '/api/v1/admin/users/:id/suspend',
    {
      schema: {
        tags: ['admin'],
        summary: 'Suspend the account with a statement of reasons (signed out at once)',
        params: idParams,
        body: suspendUserRequestSchema,
        response: changed,
      },
      preValidation: adminOnly,
    },
    async (request) => suspendUser(deps, adminActorOf(request), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/admin/users/:id/unsuspend',
    {
      schema: {
        tags: ['admin'],
        summary: 'Lift a suspension',
        params: idParams,
        body: unsuspendUserRequestSchema,
        response: changed,
      },
      preValidation: adminOnly,
    },
    async (request) => unsuspendUser(deps, adminActorOf(request), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/admin/users/:id/warn',
    {
      schema: {
        tags: ['admin'],
        summary: 'Warn the user with a statement of reasons',
        params: idParams,
        body: warnUserRequestSchema,
        response: changed,
      },
      preValidation: adminOnly,
    },
    async (request) => warnUser(deps, adminActorOf(request), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/admin/users/:id/verify-provider',
    {
      schema: {
        tags: ['admin'],
        summary: 'Grant the verified-provider badge (register number checked)',
        params: idParams,
        body: verifyProviderRequestSchema,
        response: changed,
      },
      preValidation: adminOnly,
    },
    async (request) => verifyProvider(deps, adminActorOf(request), request.params.id, request.body),
  );

  routes.delete(
    '/api/v1/admin/users/:id/verify-provider',
    {
      schema: {
        tags: ['admin'],
        summary: 'Take the verified-provider badge away',
        params: idParams,
        response: changed,
      },
      preValidation: adminOnly,
    },
    async (request) => revokeProvider(deps, adminActorOf(request), request.params.id),
  );
}
