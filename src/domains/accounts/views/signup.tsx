// Sign-up: the form (also used on the invitation page), and the page after it.
import { emptyForm, ErrorSummary, Form, Notice, SubmitButton, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import { PASSWORD_MAX_LENGTH } from '../password.js';
import { NAME_MAX_LENGTH } from '../accounts.deps.js';

export function signupLabels(ctx: PageContext) {
  return { name: ctx.t('accounts.field.name'), email: ctx.t('accounts.field.email'), password: ctx.t('accounts.field.password') };
}

/** Name, e-mail and a new password; carries an invitation token when there is one. */
export function SignupForm({ ctx, form, invitationToken }: { ctx: PageContext; form: FormState; invitationToken?: string | undefined }) {
  const { t } = ctx;
  const labels = signupLabels(ctx);
  return (
    <Form ctx={ctx} action="/signup">
      {invitationToken ? <input type="hidden" name="invitationToken" value={invitationToken} /> : null}
      <TextField ctx={ctx} form={form} name="name" label={labels.name} autocomplete="name" required maxLength={NAME_MAX_LENGTH} />
      <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="email" required maxLength={254} />
      <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} hint={t('accounts.field.passwordHint')} autocomplete="new-password" required maxLength={PASSWORD_MAX_LENGTH} />
      <div class="actions">
        <SubmitButton>{t('accounts.signup.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

export function SignupPage({ ctx, form = emptyForm, inviteOnly }: { ctx: PageContext; form?: FormState; inviteOnly: boolean }) {
  const { t } = ctx;
  const invitationToken = form.values.invitationToken;
  return (
    <Layout ctx={ctx} title={t('accounts.signup.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={signupLabels(ctx)} />
      <h1>{t('accounts.signup.title')}</h1>
      <p>{t('accounts.signup.intro')}</p>
      {inviteOnly && !invitationToken ? <Notice kind="info" text={t('accounts.signup.inviteOnly')} /> : null}
      <SignupForm ctx={ctx} form={form} invitationToken={invitationToken} />
      <p>
        {t('accounts.signup.haveAccount')} <a href={ctx.href('/login')}>{t('nav.login')}</a>
      </p>
    </Layout>
  );
}
