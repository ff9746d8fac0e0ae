// Site administration pages: sign-up mode, users, invitations to the site and the mail outbox.
// Anyone who is not a site admin gets 404: they cannot tell these pages from missing ones.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserActor } from '../../platform/auth/actor.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { formBody, formFromError, registerPage, registerPageAction, redirectTo } from '../../platform/http/pages.js';
import type { PageContext } from '../../platform/views/index.js';
import { accountPolicy } from './account.policy.js';
import type { AccountServices } from './account.pages.js';
import { isConflict, offsetParam, queryParam } from './page-support.js';
import { AdminInvitationsPage, AdminOutboxMessagePage, AdminOutboxPage, AdminOverviewPage, AdminUsersPage } from './views/admin.js';

const PAGE_SIZE = 50;

function requireSiteAdmin(request: FastifyRequest): UserActor {
  const actor = request.actor;
  if (actor.kind !== 'user' || !accountPolicy.canAdministerSite(actor)) throw new NotFoundError();
  return actor;
}

export function adminPages(app: FastifyInstance, services: AccountServices): void {
  registerPage(app, '/admin', async (request, _reply, ctx) => {
    requireSiteAdmin(request);
    return AdminOverviewPage({ ctx, signupMode: await services.registration.signupMode() });
  });

  registerPageAction(app, '/admin/signup-mode', async (request, reply, ctx) => {
    const admin = requireSiteAdmin(request);
    try {
      await services.registration.setSignupMode(admin, formBody(request).mode);
    } catch (error) {
      return AdminOverviewPage({ ctx, signupMode: await services.registration.signupMode(), form: formFromError(error, request, reply) });
    }
    return redirectTo(request, reply, '/admin', 'admin.flash.signupModeSaved');
  });

  async function usersPage(ctx: PageContext, admin: UserActor, q: string, offset: number, problem?: 'lastAdmin') {
    const { items, total } = await services.admin.listUsers(admin, { q: q || undefined, limit: PAGE_SIZE, offset });
    return AdminUsersPage({ ctx, q, users: items, total, offset, limit: PAGE_SIZE, problem });
  }

  registerPage(app, '/admin/users', async (request, _reply, ctx) => {
    const admin = requireSiteAdmin(request);
    return usersPage(ctx, admin, (queryParam(request, 'q', 10_000) ?? '').trim().slice(0, 200), offsetParam(request));
  });

  registerPageAction(app, '/admin/users/:userId/site-admin', async (request, reply, ctx) => {
    const admin = requireSiteAdmin(request);
    const body = formBody(request);
    if (body.value !== 'on' && body.value !== 'off') throw new ValidationError({ value: ['validation.invalidChoice'] });
    const q = (body.q ?? '').slice(0, 200);
    const offset = Math.max(0, Number.parseInt(body.offset ?? '0', 10) || 0);
    try {
      await services.admin.setSiteAdmin(admin, (request.params as { userId: string }).userId, body.value === 'on');
    } catch (error) {
      if (!isConflict(error, 'last_site_admin')) throw error;
      reply.code(409);
      return usersPage(ctx, admin, q, offset, 'lastAdmin');
    }
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (offset > 0) params.set('offset', String(offset));
    const query = params.toString();
    return redirectTo(request, reply, `/admin/users${query ? `?${query}` : ''}`, 'admin.flash.siteAdminChanged');
  });

  const invitationsPage = async (ctx: PageContext, form?: ReturnType<typeof formFromError>) =>
    AdminInvitationsPage({ ctx, invitations: await services.invitations.listOpen({ organizationId: null }), form });

  registerPage(app, '/admin/invitations', async (request, _reply, ctx) => {
    requireSiteAdmin(request);
    return invitationsPage(ctx);
  });

  registerPageAction(app, '/admin/invitations', async (request, reply, ctx) => {
    const admin = requireSiteAdmin(request);
    try {
      await services.invitations.inviteToSite(admin, formBody(request).email, ctx.locale);
    } catch (error) {
      return invitationsPage(ctx, formFromError(error, request, reply));
    }
    return redirectTo(request, reply, '/admin/invitations', 'admin.flash.invitationSent');
  });

  registerPageAction(app, '/admin/invitations/:invitationId/revoke', async (request, reply) => {
    const admin = requireSiteAdmin(request);
    await services.invitations.revoke((request.params as { invitationId: string }).invitationId, { organizationId: null }, admin);
    return redirectTo(request, reply, '/admin/invitations', 'admin.flash.invitationRevoked');
  });

  registerPage(app, '/admin/outbox', async (request, _reply, ctx) => {
    const admin = requireSiteAdmin(request);
    const offset = offsetParam(request);
    const { items, total } = await services.admin.listOutbox(admin, { limit: PAGE_SIZE, offset });
    return AdminOutboxPage({ ctx, messages: items, total, offset, limit: PAGE_SIZE });
  });

  registerPage(app, '/admin/outbox/:messageId', async (request, _reply, ctx) => {
    const admin = requireSiteAdmin(request);
    return AdminOutboxMessagePage({ ctx, message: await services.admin.getOutboxMessage(admin, (request.params as { messageId: string }).messageId) });
  });
}
