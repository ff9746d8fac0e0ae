// Site administration: overview with the sign-up mode, users, invitations and the mail outbox.
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { emptyForm, ErrorSummary, Form, Notice, SelectField, SubmitButton, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { OutboxMessageView } from '../admin.service.js';
import type { InvitationView } from '../invitation.service.js';
import type { ProfileView } from '../profile.service.js';
import type { SignupMode } from '../registration.service.js';
import { DateTime, Paging, RowAction } from './common.js';

type AdminSection = 'overview' | 'users' | 'invitations' | 'outbox';

const sections: { id: AdminSection; path: string; label: MessageKey }[] = [
  { id: 'overview', path: '/admin', label: 'admin.nav.overview' },
  { id: 'users', path: '/admin/users', label: 'admin.nav.users' },
  { id: 'invitations', path: '/admin/invitations', label: 'admin.nav.invitations' },
  { id: 'outbox', path: '/admin/outbox', label: 'admin.nav.outbox' },
];

/** The frame of every admin page: title, error summary, heading and the sections' navigation. */
function AdminLayout({ ctx, current, title, summary, children }: { ctx: PageContext; current: AdminSection; title: string; summary?: ComponentChildren; children: ComponentChildren }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${title} – ${t('nav.admin')}`}>
      {summary}
      <h1>{title}</h1>
      <nav class="sub-nav" aria-label={t('admin.nav.label')}>
        <ul>
          {sections.map((s) => (
            <li>
              <a href={ctx.href(s.path)} aria-current={s.id === current ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

export function AdminOverviewPage({ ctx, signupMode, form }: { ctx: PageContext; signupMode: SignupMode; form?: FormState }) {
  const { t } = ctx;
  const state = form ?? { values: { mode: signupMode }, errors: {} };
  return (
    <AdminLayout ctx={ctx} current="overview" title={t('nav.admin')} summary={<ErrorSummary ctx={ctx} form={state} labels={{ mode: t('admin.signup.label') }} />}>
      <p>{t('admin.overview.intro')}</p>
      <section aria-labelledby="signup-heading">
        <h2 id="signup-heading">{t('admin.signup.heading')}</h2>
        <Form ctx={ctx} action="/admin/signup-mode">
          <SelectField
            ctx={ctx}
            form={state}
            name="mode"
            label={t('admin.signup.label')}
            required
            options={[
              { value: 'open', label: t('admin.signup.open') },
              { value: 'invite_only', label: t('admin.signup.inviteOnly') },
            ]}
          />
          <div class="actions">
            <SubmitButton>{t('admin.signup.submit')}</SubmitButton>
          </div>
        </Form>
      </section>
    </AdminLayout>
  );
}

export interface AdminUsersPageProps {
  ctx: PageContext;
  q: string;
  users: ProfileView[];
  total: number;
  offset: number;
  limit: number;
  /** Set when the last change was refused (e.g. removing the last site admin). */
  problem?: 'lastAdmin' | undefined;
}

export function AdminUsersPage({ ctx, q, users, total, offset, limit, problem }: AdminUsersPageProps) {
  const { t } = ctx;
  const query = (o: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (o > 0) params.set('offset', String(o));
    const s = params.toString();
    return ctx.href(`/admin/users${s ? `?${s}` : ''}`);
  };
  return (
    <AdminLayout ctx={ctx} current="users" title={t('admin.users.title')}>
      {problem === 'lastAdmin' ? <Notice kind="warning" text={t('admin.users.lastAdmin')} /> : null}
      <form action={ctx.href('/admin/users')} method="get" class="search-form" role="search">
        <label for="user-search">{t('admin.users.search')}</label>
        <div class="actions">
          <input id="user-search" name="q" type="search" value={q} maxLength={200} />
          <SubmitButton variant="secondary">{t('admin.users.searchSubmit')}</SubmitButton>
        </div>
      </form>
      {users.length === 0 ? (
        <p>{t('admin.users.none')}</p>
      ) : (
        <>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('admin.users.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.field.name')}</th>
                  <th scope="col">{t('accounts.field.email')}</th>
                  <th scope="col">{t('admin.users.colConfirmed')}</th>
                  <th scope="col">{t('admin.users.colCreated')}</th>
                  <th scope="col">{t('admin.users.colSiteAdmin')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr>
                    <th scope="row">{user.name}</th>
                    <td>{user.email}</td>
                    <td>{user.emailConfirmed ? t('admin.users.yes') : t('admin.users.no')}</td>
                    <td>
                      <DateTime ctx={ctx} iso={user.createdAt} />
                    </td>
                    <td>
                      <div class="actions">
                        <span>{user.isSiteAdmin ? t('admin.users.yes') : t('admin.users.no')}</span>
                        <RowAction
                          ctx={ctx}
                          action={`/admin/users/${encodeURIComponent(user.id)}/site-admin`}
                          label={user.isSiteAdmin ? t('admin.users.removeAdmin') : t('admin.users.makeAdmin')}
                          context={user.name}
                          hidden={{ value: user.isSiteAdmin ? 'off' : 'on', q, offset: String(offset) }}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Paging ctx={ctx} total={total} offset={offset} limit={limit} hrefFor={query} />
    </AdminLayout>
  );
}

export function AdminInvitationsPage({ ctx, invitations, form = emptyForm }: { ctx: PageContext; invitations: InvitationView[]; form?: FormState }) {
  const { t } = ctx;
  const labels = { email: t('admin.invitations.emailLabel') };
  return (
    <AdminLayout ctx={ctx} current="invitations" title={t('admin.invitations.title')} summary={<ErrorSummary ctx={ctx} form={form} labels={labels} />}>
      <p>{t('admin.invitations.intro')}</p>
      <Form ctx={ctx} action="/admin/invitations">
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="off" required maxLength={254} />
        <div class="actions">
          <SubmitButton>{t('admin.invitations.submit')}</SubmitButton>
        </div>
      </Form>
      <h2>{t('admin.invitations.openHeading')}</h2>
      {invitations.length === 0 ? (
        <p>{t('admin.invitations.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('admin.invitations.openHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.field.email')}</th>
                <th scope="col">{t('admin.invitations.colSent')}</th>
                <th scope="col">{t('admin.invitations.colExpires')}</th>
                <th scope="col">{t('admin.invitations.colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr>
                  <th scope="row">{invitation.email}</th>
                  <td>
                    <DateTime ctx={ctx} iso={invitation.createdAt} />
                  </td>
                  <td>
                    <DateTime ctx={ctx} iso={invitation.expiresAt} />
                  </td>
                  <td>
                    <RowAction ctx={ctx} action={`/admin/invitations/${encodeURIComponent(invitation.id)}/revoke`} label={t('admin.invitations.revoke')} context={invitation.email} variant="danger" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** The mail's text with its web addresses as links (so an admin can follow a sign-up link). */
function linkify(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    parts.push(text.slice(last, match.index));
    parts.push(<a href={match[0]}>{match[0]}</a>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

const statusKeys: Record<string, MessageKey> = {
  queued: 'admin.outbox.status.queued',
  sent: 'admin.outbox.status.sent',
  outbox: 'admin.outbox.status.outbox',
  failed: 'admin.outbox.status.failed',
};

function statusText(ctx: PageContext, status: string): string {
  const key = statusKeys[status];
  return key ? ctx.t(key) : status;
}

export function AdminOutboxPage({ ctx, messages, total, offset, limit }: { ctx: PageContext; messages: OutboxMessageView[]; total: number; offset: number; limit: number }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} current="outbox" title={t('admin.outbox.title')}>
      <p>{t('admin.outbox.intro')}</p>
      {messages.length === 0 ? (
        <p>{t('admin.outbox.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('admin.outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.colCreated')}</th>
                <th scope="col">{t('admin.outbox.colTo')}</th>
                <th scope="col">{t('admin.outbox.colSubject')}</th>
                <th scope="col">{t('admin.outbox.colState')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr>
                  <td>
                    <DateTime ctx={ctx} iso={m.createdAt} />
                  </td>
                  <td>{m.to}</td>
                  <td>
                    <a href={ctx.href(`/admin/outbox/${encodeURIComponent(m.id)}`)}>{m.subject}</a>
                  </td>
                  <td>{statusText(ctx, m.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Paging ctx={ctx} total={total} offset={offset} limit={limit} hrefFor={(o) => ctx.href(o > 0 ? `/admin/outbox?offset=${o}` : '/admin/outbox')} />
    </AdminLayout>
  );
}

export function AdminOutboxMessagePage({ ctx, message }: { ctx: PageContext; message: OutboxMessageView }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} current="outbox" title={message.subject}>
      <dl class="meta-list">
        <dt>{t('admin.outbox.colTo')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('admin.outbox.colCreated')}</dt>
        <dd>
          <DateTime ctx={ctx} iso={message.createdAt} />
        </dd>
        <dt>{t('admin.outbox.colState')}</dt>
        <dd>{statusText(ctx, message.status)}</dd>
        {message.sentAt ? (
          <>
            <dt>{t('admin.outbox.sentAt')}</dt>
            <dd>
              <DateTime ctx={ctx} iso={message.sentAt} />
            </dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>{t('admin.outbox.lastError')}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('admin.outbox.text')}</h2>
      <pre class="mail-text">{linkify(message.text)}</pre>
      <p>
        <a href={ctx.href('/admin/outbox')}>{t('admin.outbox.back')}</a>
      </p>
    </AdminLayout>
  );
}
