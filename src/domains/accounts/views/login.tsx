// Log in, the page shown when log-ins are paused, and the resend-confirmation form.
import { emptyForm, ErrorSummary, Form, Notice, SubmitButton, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import { MessagePage } from './common.js';

export interface LoginPageProps {
  ctx: PageContext;
  form?: FormState;
  /** A safe local path to return to after logging in. */
  next?: string | undefined;
  /** Wrong e-mail or password (one message for both), or right password but unconfirmed address. */
  problem?: 'credentials' | 'unconfirmed' | undefined;
}

export function LoginPage({ ctx, form = emptyForm, next, problem }: LoginPageProps) {
  const { t } = ctx;
  const labels = { email: t('accounts.field.email'), password: t('accounts.field.password') };
  // The wrong-credentials message belongs to neither field, so it goes in the summary only (and
  // links to the first field): the page never says which of the two was wrong.
  const summary: FormState = problem === 'credentials' ? { values: {}, errors: { email: ['accounts.login.failed'] } } : form;
  return (
    <Layout ctx={ctx} title={t('accounts.login.title')}>
      <ErrorSummary ctx={ctx} form={summary} labels={problem === 'credentials' ? {} : labels} />
      <h1>{t('accounts.login.title')}</h1>
      {problem === 'unconfirmed' ? (
        <>
          <Notice kind="warning" text={t('accounts.login.unconfirmed')} />
          <Form ctx={ctx} action="/confirm-email/resend" class="inline-form">
            <input type="hidden" name="email" value={form.values.email ?? ''} />
            <SubmitButton variant="secondary">{t('accounts.login.resendSubmit')}</SubmitButton>
          </Form>
        </>
      ) : (
        <p>{t('accounts.login.intro')}</p>
      )}
      <Form ctx={ctx} action="/login">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="email" required maxLength={254} />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} autocomplete="current-password" required />
        <div class="actions">
          <SubmitButton>{t('accounts.login.submit')}</SubmitButton>
        </div>
      </Form>
      <ul class="link-list">
        <li>
          <a href={ctx.href('/forgot-password')}>{t('accounts.login.forgot')}</a>
        </li>
        <li>
          {t('accounts.login.noAccount')} <a href={ctx.href('/signup')}>{t('accounts.login.createAccount')}</a>
        </li>
        <li>
          <a href={ctx.href('/confirm-email/resend')}>{t('accounts.login.noConfirmation')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function LoginThrottledPage({ ctx, retryAfterSeconds }: { ctx: PageContext; retryAfterSeconds: number }) {
  const { t } = ctx;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return MessagePage({
    ctx,
    title: t('accounts.throttled.title'),
    paragraphs: [t('accounts.throttled.text', { minutes }), t('accounts.throttled.reset')],
    links: [{ href: ctx.href('/forgot-password'), label: t('accounts.login.forgot') }],
  });
}

export function ResendConfirmationPage({ ctx, form = emptyForm }: { ctx: PageContext; form?: FormState }) {
  const { t } = ctx;
  const labels = { email: t('accounts.field.email') };
  return (
    <Layout ctx={ctx} title={t('accounts.resend.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <h1>{t('accounts.resend.title')}</h1>
      <p>{t('accounts.resend.intro')}</p>
      <Form ctx={ctx} action="/confirm-email/resend">
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="email" required maxLength={254} />
        <div class="actions">
          <SubmitButton>{t('accounts.resend.submit')}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
