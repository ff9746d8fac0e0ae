// My account: profile, e-mail address, API tokens, my data, and account deletion.
import { emptyForm, ErrorSummary, Form, Notice, SelectField, SubmitButton, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import { NAME_MAX_LENGTH } from '../accounts.deps.js';
import type { ProfileView } from '../profile.service.js';
import type { ApiTokenView } from '../token.service.js';
import { DateTime, formatDateTime, RowAction } from './common.js';

/** Which of the page's forms was sent and came back with problems. */
export type AccountFormName = 'profile' | 'email' | 'token';

export interface AccountPageProps {
  ctx: PageContext;
  profile: ProfileView;
  tokens: ApiTokenView[];
  failed?: { form: AccountFormName; state: FormState } | undefined;
}

export const TOKEN_NAME_MAX_LENGTH = 100;

function labelsFor(ctx: PageContext, form: AccountFormName): Record<string, string> {
  const { t } = ctx;
  if (form === 'profile') return { name: t('accounts.field.name'), locale: t('accounts.field.locale') };
  if (form === 'email') return { email: t('accounts.email.newLabel'), currentPassword: t('accounts.field.currentPassword') };
  return { tokenName: t('accounts.tokens.nameLabel') };
}

export function AccountPage({ ctx, profile, tokens, failed }: AccountPageProps) {
  const { t } = ctx;
  const stateOf = (form: AccountFormName): FormState => (failed?.form === form ? failed.state : emptyForm);
  const profileForm = failed?.form === 'profile' ? failed.state : { values: { name: profile.name, locale: profile.locale }, errors: {} };
  const sections = [
    { id: 'profile', label: t('accounts.profile.heading') },
    { id: 'email', label: t('accounts.email.heading') },
    { id: 'tokens', label: t('accounts.tokens.heading') },
    { id: 'data', label: t('accounts.data.heading') },
    { id: 'delete', label: t('accounts.delete.heading') },
  ];
  return (
    <Layout ctx={ctx} title={t('accounts.account.title')}>
      {failed ? <ErrorSummary ctx={ctx} form={failed.state} labels={labelsFor(ctx, failed.form)} /> : null}
      <h1>{t('accounts.account.title')}</h1>
      <nav aria-labelledby="on-this-page">
        <h2 id="on-this-page" class="visually-hidden">
          {t('accounts.account.onThisPage')}
        </h2>
        <ul class="section-links">
          {sections.map((s) => (
            <li>
              <a href={`#${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="profile" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('accounts.profile.heading')}</h2>
        <Form ctx={ctx} action="/account/profile">
          <TextField ctx={ctx} form={profileForm} name="name" label={t('accounts.field.name')} autocomplete="name" required maxLength={NAME_MAX_LENGTH} />
          <SelectField
            ctx={ctx}
            form={profileForm}
            name="locale"
            label={t('accounts.field.locale')}
            hint={t('accounts.profile.localeHint')}
            required
            options={[
              { value: 'sv', label: t('accounts.locale.sv') },
              { value: 'en', label: t('accounts.locale.en') },
            ]}
          />
          <div class="actions">
            <SubmitButton>{t('accounts.profile.submit')}</SubmitButton>
          </div>
        </Form>
      </section>

      <section id="email" aria-labelledby="email-heading">
        <h2 id="email-heading">{t('accounts.email.heading')}</h2>
        <p>{t('accounts.email.current', { email: profile.email })}</p>
        <Form ctx={ctx} action="/account/email">
          <TextField ctx={ctx} form={stateOf('email')} name="email" type="email" label={t('accounts.email.newLabel')} hint={t('accounts.email.hint')} autocomplete="email" required maxLength={254} />
          <TextField ctx={ctx} form={stateOf('email')} name="currentPassword" type="password" label={t('accounts.field.currentPassword')} autocomplete="current-password" required />
          <div class="actions">
            <SubmitButton variant="secondary">{t('accounts.email.submit')}</SubmitButton>
          </div>
        </Form>
      </section>

      <section id="tokens" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('accounts.tokens.heading')}</h2>
        <p>{t('accounts.tokens.intro')}</p>
        {tokens.length === 0 ? (
          <p>{t('accounts.tokens.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('accounts.tokens.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.tokens.colName')}</th>
                  <th scope="col">{t('accounts.tokens.colPrefix')}</th>
                  <th scope="col">{t('accounts.tokens.colCreated')}</th>
                  <th scope="col">{t('accounts.tokens.colLastUsed')}</th>
                  <th scope="col">{t('accounts.tokens.colState')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => {
                  const name = token.name ?? t('accounts.tokens.unnamed');
                  return (
                    <tr>
                      <th scope="row">{name}</th>
                      <td>
                        <code>{token.prefix}…</code>
                      </td>
                      <td>
                        <DateTime ctx={ctx} iso={token.createdAt} />
                      </td>
                      <td>{token.lastUsedAt ? <DateTime ctx={ctx} iso={token.lastUsedAt} /> : t('accounts.date.never')}</td>
                      <td>
                        {token.revokedAt ? (
                          <span class="badge badge-muted">{t('accounts.tokens.revoked', { date: formatDateTime(ctx.locale, token.revokedAt) })}</span>
                        ) : (
                          <div class="actions">
                            <span class="badge">{t('accounts.tokens.active')}</span>
                            <RowAction ctx={ctx} action={`/account/tokens/${encodeURIComponent(token.id)}/revoke`} label={t('accounts.tokens.revoke')} context={`${name} (${token.prefix}…)`} variant="danger" />
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t('accounts.tokens.createHeading')}</h3>
        <Form ctx={ctx} action="/account/tokens">
          <TextField ctx={ctx} form={stateOf('token')} name="tokenName" label={t('accounts.tokens.nameLabel')} hint={t('accounts.tokens.nameHint')} autocomplete="off" maxLength={TOKEN_NAME_MAX_LENGTH} />
          <div class="actions">
            <SubmitButton variant="secondary">{t('accounts.tokens.create')}</SubmitButton>
          </div>
        </Form>
      </section>

      <section id="data" aria-labelledby="data-heading">
        <h2 id="data-heading">{t('accounts.data.heading')}</h2>
        <p>{t('accounts.data.text')}</p>
        <p>
          <a href={ctx.href('/account/export.json')} download>
            {t('accounts.data.download')}
          </a>
        </p>
      </section>

      <section id="delete" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('accounts.delete.heading')}</h2>
        <p>{t('accounts.delete.teaser')}</p>
        <p>
          <a href={ctx.href('/account/delete')}>{t('accounts.delete.link')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function TokenCreatedPage({ ctx, token, view, baseUrl }: { ctx: PageContext; token: string; view: ApiTokenView; baseUrl: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.tokenCreated.title')}>
      <h1>{t('accounts.tokenCreated.title')}</h1>
      <Notice kind="warning" text={t('accounts.tokenCreated.warning')} />
      <div class="token-box">
        <label for="new-token">
          {t('accounts.tokenCreated.label')}
          {view.name ? `: ${view.name}` : ''}
        </label>
        <input id="new-token" class="token-secret" type="text" readOnly value={token} autocomplete="off" spellcheck={false} />
      </div>
      <p>{t('accounts.tokenCreated.usage')}</p>
      <pre class="code-block">
        <code>{`curl -H "Authorization: Bearer ${token}" ${baseUrl}/api/v1/me`}</code>
      </pre>
      <p>
        <a href={ctx.href('/account#tokens')}>{t('accounts.tokenCreated.back')}</a>
      </p>
    </Layout>
  );
}

export function DeleteAccountPage({ ctx, form = emptyForm, lastAdmin = false }: { ctx: PageContext; form?: FormState; lastAdmin?: boolean }) {
  const { t } = ctx;
  const labels = { password: t('accounts.delete.passwordLabel') };
  return (
    <Layout ctx={ctx} title={t('accounts.delete.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <h1>{t('accounts.delete.title')}</h1>
      {lastAdmin ? <Notice kind="warning" text={t('accounts.delete.lastAdmin')} /> : null}
      <div class="notice notice-warning">
        <p>
          <strong>{t('accounts.delete.warning')}</strong>
        </p>
      </div>
      <p>
        {t('accounts.delete.exportFirst')} <a href={ctx.href('/account/export.json')}>{t('accounts.data.download')}</a>
      </p>
      <Form ctx={ctx} action="/account/delete">
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} autocomplete="current-password" required />
        <div class="actions">
          <SubmitButton variant="danger">{t('accounts.delete.submit')}</SubmitButton>
          <a href={ctx.href('/account')}>{t('accounts.delete.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
