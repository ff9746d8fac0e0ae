// Forgotten password: ask for a link, then choose a new password through it.
import { emptyForm, ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import { PASSWORD_MAX_LENGTH } from '../password.js';

export function ForgotPasswordPage({ ctx, form = emptyForm }: { ctx: PageContext; form?: FormState }) {
  const { t } = ctx;
  const labels = { email: t('accounts.field.email') };
  return (
    <Layout ctx={ctx} title={t('accounts.forgot.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      <Form ctx={ctx} action="/forgot-password">
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="email" required maxLength={254} />
        <div class="actions">
          <SubmitButton>{t('accounts.forgot.submit')}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, token, form = emptyForm }: { ctx: PageContext; token: string; form?: FormState }) {
  const { t } = ctx;
  const labels = { password: t('accounts.field.newPassword') };
  return (
    <Layout ctx={ctx} title={t('accounts.reset.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <h1>{t('accounts.reset.title')}</h1>
      <p>{t('accounts.reset.intro')}</p>
      <Form ctx={ctx} action="/reset-password">
        <input type="hidden" name="token" value={token} />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} hint={t('accounts.field.passwordHint')} autocomplete="new-password" required maxLength={PASSWORD_MAX_LENGTH} />
        <div class="actions">
          <SubmitButton>{t('accounts.reset.submit')}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
