// My account: profile, e-mail change, API tokens, data export and deletion. Signed-out visitors
// are sent to the log-in page, which brings them back.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../platform/auth/actor.js';
import { formBody, formFromError, registerPage, registerPageAction, redirectTo } from '../../platform/http/pages.js';
import type { FormState } from '../../platform/views/forms.js';
import type { PageContext } from '../../platform/views/index.js';
import type { AccountPagesOptions, AccountServices } from './account.pages.js';
import { clearSessionCookie, invalidLinkPage, isConflict, isInvalidLink, queryParam, renameFields, requireUserPage, sendPage } from './page-support.js';
import { AccountPage, DeleteAccountPage, TokenCreatedPage, type AccountFormName } from './views/account.js';
import { MessagePage } from './views/common.js';

export function profilePages(app: FastifyInstance, services: AccountServices, options: AccountPagesOptions): void {
  async function accountPage(ctx: PageContext, user: UserActor, failed?: { form: AccountFormName; state: FormState }) {
    const [profile, tokens] = await Promise.all([services.profile.get(user), services.tokens.list(user)]);
    return AccountPage({ ctx, profile, tokens, failed });
  }

  registerPage(app, '/account', async (request, reply, ctx) => {
    const user = requireUserPage(request, reply);
    return user ? accountPage(ctx, user) : undefined;
  });

  registerPageAction(app, '/account/profile', async (request, reply, ctx) => {
    const user = requireUserPage(request, reply);
    if (!user) return reply;
    const body = formBody(request);
    try {
      await services.profile.update(user, { name: body.name ?? '', locale: body.locale ?? '' });
    } catch (error) {
      return accountPage(ctx, user, { form: 'profile', state: formFromError(error, request, reply) });
    }
    return redirectTo(request, reply, '/account', 'accounts.flash.profileSaved');
  });

  registerPageAction(app, '/account/email', async (request, reply, ctx) => {
    const user = requireUserPage(request, reply);
    if (!user) return reply;
    const body = formBody(request);
    try {
      await services.profile.requestEmailChange(user, { email: body.email, password: body.currentPassword }, ctx.locale);
    } catch (error) {
      const state = renameFields(formFromError(error, request, reply), { password: 'currentPassword' });
      return accountPage(ctx, user, { form: 'email', state });
    }
    return redirectTo(request, reply, '/account', 'accounts.flash.emailChangeSent');
  });

  registerPage(app, '/confirm-email-change', async (request, reply, ctx) => {
    const { t } = ctx;
    let changed;
    try {
      changed = await services.profile.confirmEmailChange(queryParam(request, 'token') ?? '');
    } catch (error) {
      if (isInvalidLink(error)) return invalidLinkPage(ctx, reply, t('accounts.link.emailChangeHelp'), [{ href: ctx.href('/account'), label: t('nav.account') }]);
      if (isConflict(error, 'email_taken')) {
        return sendPage(reply, MessagePage({ ctx, title: t('accounts.emailTaken.title'), paragraphs: [t('accounts.emailTaken.text')], links: [{ href: ctx.href('/account'), label: t('nav.account') }] }), 409);
      }
      throw error;
    }
    return MessagePage({ ctx, title: t('accounts.emailChanged.title'), paragraphs: [t('accounts.emailChanged.text', { email: changed.email })], links: [{ href: ctx.href('/account'), label: t('nav.account') }] });
  });

  registerPageAction(app, '/account/tokens', async (request, reply, ctx) => {
    const user = requireUserPage(request, reply);
    if (!user) return reply;
    let created;
    try {
      created = await services.tokens.create(user, { name: formBody(request).tokenName });
    } catch (error) {
      return accountPage(ctx, user, { form: 'token', state: renameFields(formFromError(error, request, reply), { name: 'tokenName' }) });
    }
    // The secret is on this answer only (not cached, see privatePageHeaders); reloading would
    // ask to send the form again rather than show it twice.
    return TokenCreatedPage({ ctx, token: created.token, view: created.view, baseUrl: options.baseUrl });
  });

  registerPageAction(app, '/account/tokens/:tokenId/revoke', async (request, reply) => {
    const user = requireUserPage(request, reply);
    if (!user) return reply;
    await services.tokens.revoke(user, (request.params as { tokenId: string }).tokenId);
    return redirectTo(request, reply, '/account#tokens', 'accounts.flash.tokenRevoked');
  });

  const exportData = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = requireUserPage(request, reply);
    if (!user) return reply;
    const data = await services.profile.exportData(user);
    const day = String(data.exportedAt ?? '').slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="allmanning-${day}.json"`)
      .send(JSON.stringify(data, null, 2));
  };
  app.get('/account/export.json', { schema: { hide: true } }, exportData);
  app.get('/en/account/export.json', { schema: { hide: true } }, exportData);

  registerPage(app, '/account/delete', (request, reply, ctx) => (requireUserPage(request, reply) ? DeleteAccountPage({ ctx }) : undefined));

  registerPageAction(app, '/account/delete', async (request, reply, ctx) => {
    const user = requireUserPage(request, reply, '/account/delete');
    if (!user) return reply;
    try {
      await services.profile.deleteAccount(user, { password: formBody(request).password });
    } catch (error) {
      if (isConflict(error, 'last_site_admin')) return (reply.code(409), DeleteAccountPage({ ctx, lastAdmin: true }));
      return DeleteAccountPage({ ctx, form: formFromError(error, request, reply) });
    }
    clearSessionCookie(reply, options);
    return redirectTo(request, reply, '/', 'accounts.flash.accountDeleted');
  });
}
