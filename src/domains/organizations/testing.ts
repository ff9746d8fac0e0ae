// Helpers for the organisations tests (named *.test.ts so builds and the boundary check skip it;
// it has no tests of its own). Each test builds its own data through the services.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import type { Actor, OrganizationRole } from '../../platform/auth/actor.js';
import type { OrganizationInput } from './organization.input.js';

export const PASSWORD = 'Granskog-och-myrmark-2026';

export interface OrgTestApp extends TestApp {
  dataDir: string;
}

/** The real app on a fresh database, with its own data directory (for logos). */
export async function startApp(): Promise<OrgTestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-org-'));
  const t = await buildTestApp({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '100000' } });
  return {
    ...t,
    dataDir,
    async close() {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  /** Bearer token for the API. */
  token: string;
  /** The actor as the auth hook builds it (roles read now). */
  actor(): Promise<Actor>;
}

export async function createUser(t: TestApp, options: { name?: string; siteAdmin?: boolean } = {}): Promise<TestUser> {
  const { accounts, organizations } = domainsOf(t.deps);
  counter += 1;
  const email = `person${counter}.${Date.now()}@myndighet.example.se`;
  const name = options.name ?? `Person ${counter}`;
  const profile = await accounts.admin.createUserAsOperator({ email, name, password: PASSWORD, siteAdmin: options.siteAdmin ?? false });
  const { token } = await accounts.tokens.createForEmail(email, 'test');
  return {
    id: profile.id,
    email,
    name,
    token,
    async actor() {
      return { kind: 'user', userId: profile.id, email, name, isSiteAdmin: options.siteAdmin ?? false, roles: await organizations.rolesOf(profile.id), via: 'token' };
    },
  };
}

export async function createOrg(t: TestApp, input: Partial<OrganizationInput> = {}) {
  counter += 1;
  return domainsOf(t.deps).organizations.organizations.createAsOperator({ name: { sv: `Testmyndigheten ${counter}` }, type: 'state_agency', ...input });
}

export async function addMember(t: TestApp, organizationId: string, user: TestUser, role: OrganizationRole): Promise<void> {
  await domainsOf(t.deps).organizations.members.addAsOperator(organizationId, { email: user.email, role });
}

export function bearer(user: TestUser): Record<string, string> {
  return { authorization: `Bearer ${user.token}` };
}

/** A browser session: the signed session cookie, as the log-in page would set it. */
export async function sessionCookie(t: TestApp, user: TestUser): Promise<string> {
  const { sessionToken } = await domainsOf(t.deps).accounts.sessions.login({ email: user.email, password: PASSWORD, ip: '127.0.0.1' });
  return t.app.signCookie(sessionToken);
}

/**
 * Fetches a form page the way a browser does and returns what a post needs: the hidden _csrf
 * value and the cookies (session and _csrf).
 */
export async function formSession(t: TestApp, url: string, session?: string): Promise<{ csrf: string; cookies: Record<string, string>; status: number; body: string }> {
  const cookies: Record<string, string> = session ? { allmanning_session: session } : {};
  const page = await t.app.inject({ method: 'GET', url, cookies });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = page.cookies.find((c) => c.name === '_csrf');
  if (cookie) cookies._csrf = cookie.value;
  return { csrf, cookies, status: page.statusCode, body: page.body };
}

export function urlencoded(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** A multipart/form-data body, as a browser sends the edit form with a file. */
export async function multipartBody(fields: Record<string, string>, files: Record<string, { data: Buffer; filename: string; type: string }> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, file] of Object.entries(files)) form.append(name, new Blob([new Uint8Array(file.data)], { type: file.type }), file.filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

/** The activity records about an organisation, oldest first. */
export async function activityOf(t: TestApp, organizationId: string) {
  const rows = await t.deps.db.selectFrom('activity').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, diff: r.diff ? JSON.parse(r.diff) : null }));
}
