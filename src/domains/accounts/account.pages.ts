// The accounts domain's pages: log in and out, sign-up and e-mail confirmation, forgotten
// passwords, invitations (here), my account (profile.pages.ts) and site administration
// (admin.pages.ts). Thin: every route calls services and renders a view. Swedish at /x, English
// at /en/x; forms follow Post/Redirect/Get and re-render with 400 and an error summary.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../../platform/errors.js';
import { setFlash } from '../../platform/http/flash.js';
import { formBody, formFromError, registerPage, registerPageAction, redirectTo } from '../../platform/http/pages.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/views/index.js';
import type { AccountsDomain } from './index.js';
import { adminPages } from './admin.pages.js';
import { clearSessionCookie, invalidLinkPage, isConflict, isInvalidLink, privatePageHeaders, queryParam, requireUserPage, safeNext, sendPage, sessionTokenOf, setSessionCookie, type CookieOptions } from './page-support.js';
import { profilePages } from './profile.pages.js';
import { MessagePage } from './views/common.js';
import { InvitationPage } from './views/invitation.js';
import { LoginPage, LoginThrottledPage, ResendConfirmationPage } from './views/login.js';
import { ForgotPasswordPage, ResetPasswordPage } from './views/password.js';
import { SignupPage } from './views/signup.js';

export interface AccountPagesOptions extends CookieOptions {
  /** The public origin, for examples shown on pages (e.g. how to call the API with a token). */
  baseUrl: string;
  /** The name of an organisation an invitation is for (the organisations domain knows it). */
  organizationName?: (organizationId: string, locale: Locale) => Promise<string | undefined>;
}

export type AccountServices = Pick<AccountsDomain, 'registration' | 'sessions' | 'tokens' | 'passwords' | 'profile' | 'invitations' | 'admin'>;

export function accountPages(services: AccountServices, options: AccountPagesOptions) {
  return async function routes(app: FastifyInstance): Promise<void> {
    // Every page here shows personal data, a CSRF token or a secret link.
    app.addHook('onRequest', async (_request, reply) => privatePageHeaders(reply));
    signInPages(app, services, options);
    signupPages(app, services, options);
    passwordPages(app, services, options);
    invitationPages(app, services, options);
    profilePages(app, services, options);
    adminPages(app, services);
  };
}

function userAgentOf(request: FastifyRequest): string | undefined {
  const value = request.headers['user-agent'];
  return typeof value === 'string' ? value : undefined;
}

/** Opens a session for the user and sets the cookie; an old session of this browser is ended. */
async function startSession(services: AccountServices, options: CookieOptions, request: FastifyRequest, reply: FastifyReply, credentials: { email?: string | undefined; password?: string | undefined }) {
  const { sessionToken } = await services.sessions.login({ ...credentials, ip: request.ip, userAgent: userAgentOf(request) });
  const previous = sessionTokenOf(request);
  if (previous) await services.sessions.logout(previous);
  setSessionCookie(reply, sessionToken, options);
}

function signInPages(app: FastifyInstance, services: AccountServices, options: AccountPagesOptions): void {
  registerPage(
    app,
    '/login',
    (request, reply, ctx) => {
      const next = safeNext(queryParam(request, 'next', 2000));
      if (request.actor.kind !== 'user') return LoginPage({ ctx, next });
      // Already signed in: on to where the link was going.
      if (next) reply.redirect(next, 303);
      else redirectTo(request, reply, '/account');
      return undefined;
    },
    { withCsrf: true },
  );

  registerPageAction(app, '/login', async (request, reply, ctx) => {
    const body = formBody(request);
    const next = safeNext(body.next);
    try {
      await startSession(services, options, request, reply, { email: body.email, password: body.password });
    } catch (error) {
      const form = { values: { email: body.email }, errors: {} };
      // One message for an unknown address and a wrong password: the page never says which.
      if (error instanceof UnauthorizedError) return (reply.code(400), LoginPage({ ctx, form, next, problem: 'credentials' }));
      if (error instanceof ForbiddenError && error.code === 'email_not_confirmed') return (reply.code(403), LoginPage({ ctx, form, next, problem: 'unconfirmed' }));
      if (error instanceof RateLimitedError) {
        const retryAfter = error.retryAfterSeconds ?? 900;
        reply.code(429).header('retry-after', String(retryAfter));
        return LoginThrottledPage({ ctx, retryAfterSeconds: retryAfter });
      }
      return LoginPage({ ctx, form: formFromError(error, request, reply), next });
    }
    if (next) {
      setFlash(reply, 'accounts.flash.loggedIn');
      return reply.redirect(next, 303);
    }
    return redirectTo(request, reply, '/account', 'accounts.flash.loggedIn');
  });

  registerPageAction(app, '/logout', async (request, reply) => {
    await services.sessions.logout(sessionTokenOf(request));
    clearSessionCookie(reply, options);
    return redirectTo(request, reply, '/', 'accounts.flash.loggedOut');
  });
}

function signupPages(app: FastifyInstance, services: AccountServices, options: AccountPagesOptions): void {
  const inviteOnly = async () => (await services.registration.signupMode()) === 'invite_only';

  registerPage(
    app,
    '/signup',
    async (request, reply, ctx) => {
      if (request.actor.kind === 'user') {
        redirectTo(request, reply, '/account');
        return undefined;
      }
      return SignupPage({ ctx, inviteOnly: await inviteOnly() });
    },
    { withCsrf: true },
  );

  registerPageAction(app, '/signup', async (request, reply, ctx) => {
    const body = formBody(request);
    let result;
    try {
      result = await services.registration.signup({ name: body.name, email: body.email, password: body.password, locale: ctx.locale, invitationToken: body.invitationToken || undefined });
    } catch (error) {
      return SignupPage({ ctx, form: formFromError(error, request, reply), inviteOnly: await inviteOnly() });
    }
    if (result.outcome === 'check_email') return redirectTo(request, reply, '/check-email', 'accounts.flash.signupCheckEmail');
    // Signed up through an invitation: the address is proven, so log straight in.
    try {
      await startSession(services, options, request, reply, { email: body.email, password: body.password });
    } catch {
      return redirectTo(request, reply, '/login');
    }
    return redirectTo(request, reply, '/account', 'accounts.flash.welcome');
  });

  registerPage(app, '/check-email', (_request, _reply, ctx) => {
    const { t } = ctx;
    return MessagePage({
      ctx,
      title: t('accounts.checkEmail.title'),
      paragraphs: [t('accounts.checkEmail.text')],
      links: [
        { href: ctx.href('/confirm-email/resend'), label: t('accounts.checkEmail.resend') },
        { href: ctx.href('/login'), label: t('nav.login') },
      ],
    });
  });

  registerPage(app, '/confirm-email', async (request, reply, ctx) => {
    const { t } = ctx;
    try {
      await services.registration.confirmEmail(queryParam(request, 'token') ?? '');
    } catch (error) {
      if (!isInvalidLink(error)) throw error;
      return invalidLinkPage(ctx, reply, t('accounts.link.confirmHelp'), [
        { href: ctx.href('/login'), label: t('nav.login') },
        { href: ctx.href('/confirm-email/resend'), label: t('accounts.resend.title') },
      ]);
    }
    const next = ctx.viewer.signedIn ? { href: ctx.href('/account'), label: t('accounts.confirmEmail.toAccount') } : { href: ctx.href('/login'), label: t('nav.login') };
    return MessagePage({ ctx, title: t('accounts.confirmEmail.title'), paragraphs: [t('accounts.confirmEmail.text')], links: [next] });
  });

  registerPage(app, '/confirm-email/resend', (_request, _reply, ctx) => ResendConfirmationPage({ ctx }), { withCsrf: true });

  registerPageAction(app, '/confirm-email/resend', async (request, reply, ctx) => {
    try {
      await services.registration.resendConfirmation(formBody(request).email, ctx.locale);
    } catch (error) {
      return ResendConfirmationPage({ ctx, form: formFromError(error, request, reply) });
    }
    return redirectTo(request, reply, '/check-email', 'accounts.flash.confirmationSent');
  });
}

function passwordPages(app: FastifyInstance, services: AccountServices, options: AccountPagesOptions): void {
  const invalidReset = (ctx: PageContext, reply: FastifyReply) =>
    invalidLinkPage(ctx, reply, ctx.t('accounts.link.resetHelp'), [{ href: ctx.href('/forgot-password'), label: ctx.t('accounts.forgot.title') }]);

  registerPage(app, '/forgot-password', (_request, _reply, ctx) => ForgotPasswordPage({ ctx }), { withCsrf: true });

  registerPageAction(app, '/forgot-password', async (request, reply, ctx) => {
    try {
      await services.passwords.requestReset(formBody(request).email, ctx.locale);
    } catch (error) {
      return ForgotPasswordPage({ ctx, form: formFromError(error, request, reply) });
    }
    return redirectTo(request, reply, '/check-email', 'accounts.flash.resetSent');
  });

  registerPage(
    app,
    '/reset-password',
    async (request, reply, ctx) => {
      const token = queryParam(request, 'token') ?? '';
      try {
        await services.passwords.checkResetToken(token);
      } catch (error) {
        if (isInvalidLink(error)) return invalidReset(ctx, reply);
        throw error;
      }
      return ResetPasswordPage({ ctx, token });
    },
    { withCsrf: true },
  );

  registerPageAction(app, '/reset-password', async (request, reply, ctx) => {
    const body = formBody(request);
    const token = (body.token ?? '').slice(0, 500);
    try {
      await services.passwords.reset(token, body.password);
    } catch (error) {
      if (isInvalidLink(error)) return invalidReset(ctx, reply);
      return ResetPasswordPage({ ctx, token, form: formFromError(error, request, reply, { omit: ['token'] }) });
    }
    // Every session of the account has ended, this browser's too.
    clearSessionCookie(reply, options);
    return redirectTo(request, reply, '/login', 'accounts.flash.passwordChanged');
  });
}

function invitationPages(app: FastifyInstance, services: AccountServices, options: AccountPagesOptions): void {
  const invalidInvitation = (ctx: PageContext, reply: FastifyReply) => invalidLinkPage(ctx, reply, ctx.t('accounts.link.invitationHelp'), [{ href: ctx.href('/'), label: ctx.t('error.backHome') }]);

  registerPage(
    app,
    '/invitations/accept',
    async (request, reply, ctx) => {
      const token = queryParam(request, 'token') ?? '';
      let invitation;
      try {
        invitation = await services.invitations.describe(token);
      } catch (error) {
        if (isInvalidLink(error)) return invalidInvitation(ctx, reply);
        throw error;
      }
      const organizationName = invitation.organizationId ? await options.organizationName?.(invitation.organizationId, ctx.locale) : undefined;
      const signedInAs = request.actor.kind === 'user' ? request.actor.email : undefined;
      return InvitationPage({ ctx, token, invitation, organizationName, signedInAs });
    },
    { withCsrf: true },
  );

  registerPageAction(app, '/invitations/accept', async (request, reply, ctx) => {
    const token = (formBody(request).token ?? '').slice(0, 500);
    const user = requireUserPage(request, reply, `/invitations/accept?token=${encodeURIComponent(token)}`);
    if (!user) return reply;
    try {
      await services.invitations.accept(user, token);
    } catch (error) {
      if (isInvalidLink(error)) return invalidInvitation(ctx, reply);
      if (isConflict(error, 'invitation_used')) {
        return sendPage(reply, MessagePage({ ctx, title: ctx.t('accounts.invitation.usedTitle'), paragraphs: [ctx.t('accounts.invitation.usedText')], links: [{ href: ctx.href('/account'), label: ctx.t('accounts.tokenCreated.back') }] }), 409);
      }
      throw error;
    }
    return redirectTo(request, reply, '/account', 'accounts.flash.invitationAccepted');
  });
}
