// What an invitation link offers, and how to take it up: accept (signed in), log in, or sign up.
import { emptyForm, ErrorSummary, Form, SubmitButton, type FormState } from '../../../platform/views/forms.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { InvitationView } from '../invitation.service.js';
import { DateTime } from './common.js';
import { SignupForm, signupLabels } from './signup.js';

export interface InvitationPageProps {
  ctx: PageContext;
  token: string;
  invitation: InvitationView & { accountExists: boolean };
  /** The organisation's name, when the invitation is to one and its name is known. */
  organizationName?: string | undefined;
  /** The signed-in viewer's e-mail address, if any. */
  signedInAs?: string | undefined;
  form?: FormState;
}

const roleKeys: Record<string, MessageKey> = { admin: 'accounts.role.admin', editor: 'accounts.role.editor', member: 'accounts.role.member' };

export function InvitationPage({ ctx, token, invitation, organizationName, signedInAs, form = emptyForm }: InvitationPageProps) {
  const { t } = ctx;
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const loginHref = ctx.href(`/login?next=${encodeURIComponent(ctx.href(here))}`);
  const what = invitation.organizationId
    ? t('accounts.invitation.org', { organization: organizationName ?? t('accounts.invitation.orgUnknown'), role: t(roleKeys[invitation.role ?? 'member'] ?? 'accounts.role.member') })
    : t('accounts.invitation.site');
  const signupForm: FormState = form === emptyForm ? { values: { email: invitation.email }, errors: {} } : form;
  return (
    <Layout ctx={ctx} title={t('accounts.invitation.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={signupLabels(ctx)} />
      <h1>{t('accounts.invitation.title')}</h1>
      <p class="lead">{what}</p>
      <dl class="meta-list">
        <dt>{t('accounts.invitation.for')}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t('accounts.invitation.expires')}</dt>
        <dd>
          <DateTime ctx={ctx} iso={invitation.expiresAt} />
        </dd>
      </dl>
      {signedInAs ? (
        <>
          <p>{t('accounts.invitation.signedInAs', { email: signedInAs })}</p>
          <Form ctx={ctx} action="/invitations/accept">
            <input type="hidden" name="token" value={token} />
            <div class="actions">
              <SubmitButton>{t('accounts.invitation.accept')}</SubmitButton>
            </div>
          </Form>
        </>
      ) : invitation.accountExists ? (
        <>
          <p>{t('accounts.invitation.loginToAccept')}</p>
          <p>
            <a class="button button-primary" href={loginHref}>
              {t('accounts.invitation.loginLink')}
            </a>
          </p>
        </>
      ) : (
        <section aria-labelledby="invitation-signup-heading">
          <h2 id="invitation-signup-heading">{t('accounts.invitation.signupHeading')}</h2>
          <SignupForm ctx={ctx} form={signupForm} invitationToken={token} />
          <p>
            <a href={loginHref}>{t('accounts.invitation.haveAccount')}</a>
          </p>
        </section>
      )}
    </Layout>
  );
}
