// Helpers for the accounts domain's tests: users made through the services, mails read back from
// the outbox, and a tiny browser (cookie jar + CSRF) for page tests through app.inject().
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { UserActor } from '../../platform/auth/actor.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  actor: UserActor;
}

let counter = 0;

/** A confirmed user (made the way the CLI makes them). */
export async function createUser(accounts: AccountsDomain, options: { email?: string; name?: string; password?: string; siteAdmin?: boolean } = {}): Promise<TestUser> {
  counter += 1;
  const email = options.email ?? `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.se`;
  const name = options.name ?? `Test User ${counter}`;
  const password = options.password ?? PASSWORD;
  const profile = await accounts.admin.createUserAsOperator({ email, name, password, siteAdmin: options.siteAdmin ?? false });
  return { id: profile.id, email: profile.email, name, password, actor: actorFor(profile) };
}

export function actorFor(user: { id: string; email: string; name: string; isSiteAdmin?: boolean }): UserActor {
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, isSiteAdmin: user.isSiteAdmin ?? false, roles: {}, via: 'session' };
}

export interface SentMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Mails to `to` in the outbox, oldest first. */
export async function mailsTo(db: Kysely<AccountsTables>, to: string): Promise<SentMail[]> {
  const rows = await db.selectFrom('mail_message').select(['id', 'to_address', 'subject', 'text_body', 'created_at']).where('to_address', '=', to).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, text: r.text_body }));
}

/** The token of the newest link to `path` (e.g. '/confirm-email') mailed to `to`. */
export async function mailedToken(db: Kysely<AccountsTables>, to: string, path: string): Promise<string> {
  const mails = await mailsTo(db, to);
  for (const mail of mails.reverse()) {
    const match = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
    if (match) return match[1]!;
  }
  throw new Error(`no mail to ${to} with a link to ${path}`);
}

/** A browser for app.inject(): keeps cookies and reads the CSRF token of the last form page. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly defaults: { remoteAddress?: string } = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (csrf) this.csrf = csrf[1]!;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers }, ...this.defaults });
    this.remember(response);
    return response;
  }

  /** Posts a form with the CSRF token of the last page (GET `formPage` first when given). */
  async post(url: string, fields: Record<string, string>, options: { formPage?: string; remoteAddress?: string } = {}): Promise<LightMyRequestResponse> {
    if (options.formPage) await this.get(options.formPage);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
      ...this.defaults,
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    this.remember(response);
    return response;
  }

  /** Logs in through the form; returns the POST's response. */
  async login(email: string, password: string = PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/login', { email, password }, { formPage: '/login' });
  }
}

/** The text of <main>, tags stripped, for assertions on what a page says. */
export function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
