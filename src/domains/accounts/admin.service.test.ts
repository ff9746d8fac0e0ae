// Site administration: the user list (search, paging), site admins, invitations and the outbox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';
import { actorFor, createUser, type TestUser } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;
let admin: TestUser;

before(async () => {
  t = await buildTestApp();
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
  admin = await createUser(accounts, { siteAdmin: true, name: 'Site Admin' });
  admin.actor = actorFor({ ...admin, isSiteAdmin: true });
});
after(() => t.close());

describe('users', () => {
  test('search matches name or e-mail, case-insensitively; % and _ are plain characters', async () => {
    await createUser(accounts, { name: 'Karin 100% Öppen', email: 'karin@region.se' });
    await createUser(accounts, { name: 'Karin 1000 Stängd', email: 'karin2@region.se' });
    await createUser(accounts, { name: 'Olle', email: 'olle_b@kommun.se' });
    await createUser(accounts, { name: 'Olle', email: 'olleb@kommun.se' });
    const names = async (q: string) => (await accounts.admin.listUsers(admin.actor, { q, limit: 50, offset: 0 })).items.map((u) => u.email).sort();
    assert.deepEqual(await names('KARIN'), ['karin2@region.se', 'karin@region.se']);
    assert.deepEqual(await names('100%'), ['karin@region.se']);
    assert.deepEqual(await names('olle_'), ['olle_b@kommun.se']);
    assert.deepEqual(await names('nothing like this'), []);
  });

  test('paging gives the total and a slice', async () => {
    const all = await accounts.admin.listUsers(admin.actor, { limit: 1000, offset: 0 });
    const page = await accounts.admin.listUsers(admin.actor, { limit: 2, offset: 1 });
    assert.equal(page.total, all.total);
    assert.deepEqual(page.items, all.items.slice(1, 3));
  });

  test('only site admins list users; the last site admin cannot be demoted', async () => {
    const user = await createUser(accounts);
    await assert.rejects(accounts.admin.listUsers(user.actor, { limit: 10, offset: 0 }), ForbiddenError);
    await assert.rejects(accounts.admin.setSiteAdmin(user.actor, user.id, true), ForbiddenError);
    await assert.rejects(accounts.admin.setSiteAdmin(admin.actor, admin.id, false), (e: unknown) => e instanceof ConflictError && e.code === 'last_site_admin');
    await accounts.admin.setSiteAdmin(admin.actor, user.id, true);
    assert.equal((await accounts.profile.get(user.actor)).isSiteAdmin, true);
    await accounts.admin.setSiteAdmin(admin.actor, user.id, false);
    assert.equal((await accounts.profile.get(user.actor)).isSiteAdmin, false);
    await assert.rejects(accounts.admin.setSiteAdmin(admin.actor, 'no-such-user', true), NotFoundError);
    const log = await db.selectFrom('activity').selectAll().where('subject_id', '=', user.id).orderBy('created_at').execute();
    assert.deepEqual(log.map((a) => [a.action, a.actor_id]), [['user.siteAdminChanged', admin.id], ['user.siteAdminChanged', admin.id]]);
  });

  test('users made by the operator are confirmed and announced', async () => {
    const created: string[] = [];
    t.deps.events.subscribe('accounts.userCreated', ({ email }) => void created.push(email));
    const profile = await accounts.admin.createUserAsOperator({ email: 'Operator.Made@Example.se', name: 'Operator Made', password: 'a long enough passphrase' });
    assert.equal(profile.email, 'operator.made@example.se');
    assert.equal(profile.emailConfirmed, true);
    assert.deepEqual(created, ['operator.made@example.se']);
    await assert.rejects(accounts.admin.createUserAsOperator({ email: 'operator.made@example.se', name: 'Again', password: 'a long enough passphrase' }), (e: unknown) => e instanceof ConflictError && e.code === 'email_taken');
    await assert.rejects(accounts.admin.createUserAsOperator({ email: 'x@example.se', name: 'Short', password: 'short' }), ValidationError);
  });
});

describe('invitations and outbox', () => {
  test('site invitations: sent by mail, listed while open, revocable; outbox shows every mail', async () => {
    const user = await createUser(accounts);
    await assert.rejects(accounts.invitations.inviteToSite(user.actor, 'guest@example.se'), ForbiddenError);
    const { invitation, token } = await accounts.invitations.inviteToSite(admin.actor, ' Guest@Example.se ', 'en');
    assert.equal(invitation.email, 'guest@example.se');
    const described = await accounts.invitations.describe(token);
    assert.equal(described.accountExists, false);
    assert.deepEqual((await accounts.invitations.listOpen({ organizationId: null })).map((i) => i.id), [invitation.id]);

    const outbox = await accounts.admin.listOutbox(admin.actor, { limit: 10, offset: 0 });
    const mail = outbox.items.find((m) => m.to === 'guest@example.se')!;
    assert.match(mail.subject, /Invitation to Allmänning/);
    assert.ok(mail.text.includes(`/en/invitations/accept?token=${token}`));
    assert.deepEqual(await accounts.admin.getOutboxMessage(admin.actor, mail.id), mail);
    await assert.rejects(accounts.admin.getOutboxMessage(admin.actor, 'missing'), NotFoundError);
    await assert.rejects(accounts.admin.listOutbox(user.actor, { limit: 10, offset: 0 }), ForbiddenError);

    await assert.rejects(accounts.invitations.revoke(invitation.id, { organizationId: 'some-org' }, admin.actor), NotFoundError);
    await accounts.invitations.revoke(invitation.id, { organizationId: null }, admin.actor);
    assert.deepEqual(await accounts.invitations.listOpen({ organizationId: null }), []);
    await assert.rejects(accounts.invitations.describe(token), (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token');
  });

  test('a signed-in user accepts an invitation once', async () => {
    const user = await createUser(accounts);
    const { token } = await accounts.invitations.inviteToSite(admin.actor, user.email);
    assert.equal((await accounts.invitations.describe(token)).accountExists, true);
    const accepted: string[] = [];
    t.deps.events.subscribe('accounts.invitationAccepted', ({ userId }) => void accepted.push(userId));
    await accounts.invitations.accept(user.actor, token);
    assert.deepEqual(accepted, [user.id]);
    await assert.rejects(accounts.invitations.accept(user.actor, token), (e: unknown) => e instanceof ConflictError && e.code === 'invitation_used');
  });
});
