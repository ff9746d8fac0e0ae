// Sign-up (open and invite-only), duplicate sign-ups, e-mail confirmation links and invitations.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { AccountsTables } from './accounts.table.js';
import { EMAIL_CONFIRM_TTL_MS, INVITATION_TTL_MS } from './accounts.deps.js';
import type { AccountsDomain } from './index.js';
import { PASSWORD, createUser, mailedToken, mailsTo } from './testing.js';
import type { Kysely } from 'kysely';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;
let admin: Awaited<ReturnType<typeof createUser>>;

before(async () => {
  t = await buildTestApp();
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
  admin = await createUser(accounts, { siteAdmin: true });
  admin.actor.isSiteAdmin = true;
});
after(() => t.close());

let n = 0;
const freshEmail = () => `signup${++n}@kommun.se`;

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => assert.fail('expected a ValidationError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError, String(error));
  return error.details ?? {};
}

describe('sign-up', () => {
  beforeEach(() => accounts.registration.setSignupMode(admin.actor, 'open'));

  test('open sign-up creates an unconfirmed account and mails a confirmation link', async () => {
    const email = freshEmail();
    const result = await accounts.registration.signup({ name: 'Anna Andersson', email: ` ${email.toUpperCase()} `, password: PASSWORD, locale: 'en' });
    assert.deepEqual(result, { outcome: 'check_email' });
    const user = await db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    assert.equal(user.email_confirmed_at, null);
    assert.equal(user.locale, 'en');
    assert.match(user.password_hash ?? '', /^scrypt\$/);
    assert.ok(!user.password_hash?.includes(PASSWORD));
    const mails = await mailsTo(db, email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Confirm your e-mail address/);
    assert.match(mails[0]!.text, /http:\/\/allmanning\.test\/en\/confirm-email\?token=/);
  });

  test('bad input names every field, and nothing is created', async () => {
    const details = await fieldsOf(accounts.registration.signup({ name: ' ', email: 'not-an-address', password: 'short' }));
    assert.deepEqual(details, { name: ['validation.required'], email: ['validation.email'], password: ['validation.passwordTooShort'] });
    assert.deepEqual(await fieldsOf(accounts.registration.signup({ name: 'x'.repeat(201), email: freshEmail(), password: 'aaaaaaaaaaaa' })), {
      name: ['validation.tooLong'],
      password: ['validation.passwordTooCommon'],
    });
    assert.deepEqual(await fieldsOf(accounts.registration.signup({ name: 'A', email: freshEmail(), password: 'p'.repeat(201) + 'x1' })), { password: ['validation.tooLong'] });
  });

  test('signing up with a taken address answers the same and mails the owner instead', async () => {
    const owner = await createUser(accounts);
    const before = await db.selectFrom('user').select('password_hash').where('id', '=', owner.id).executeTakeFirstOrThrow();
    const result = await accounts.registration.signup({ name: 'Someone Else', email: owner.email, password: 'another password 123', locale: 'sv' });
    assert.deepEqual(result, { outcome: 'check_email' });
    const after = await db.selectFrom('user').select(['password_hash', 'name']).where('id', '=', owner.id).executeTakeFirstOrThrow();
    assert.equal(after.password_hash, before.password_hash, 'the account is untouched');
    assert.equal(after.name, owner.name);
    const mails = await mailsTo(db, owner.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /redan ett konto/);
    assert.match(mails[0]!.text, /\/forgot-password/);
    assert.doesNotMatch(mails[0]!.text, /confirm-email/);
  });

  test('two sign-ups for one address at the same moment: one account, both answered alike', async () => {
    const email = freshEmail();
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => accounts.registration.signup({ name: `Racer ${i}`, email, password: PASSWORD })));
    assert.deepEqual(results, Array(6).fill({ outcome: 'check_email' }));
    const rows = await db.selectFrom('user').select('id').where('email', '=', email).execute();
    assert.equal(rows.length, 1);
  });

  test('invite-only: refused without an invitation; a site invitation lets the invited address in, confirmed', async () => {
    await accounts.registration.setSignupMode(admin.actor, 'invite_only');
    assert.equal(await accounts.registration.signupMode(), 'invite_only');
    assert.deepEqual(await fieldsOf(accounts.registration.signup({ name: 'Nobody', email: freshEmail(), password: PASSWORD })), { email: ['validation.signupInviteOnly'] });

    const email = freshEmail();
    const { token } = await accounts.invitations.inviteToSite(admin.actor, email, 'sv');
    const invitationMail = await mailsTo(db, email);
    assert.match(invitationMail[0]!.text, /\/invitations\/accept\?token=/);
    // The token must belong to the address: someone else cannot use it.
    assert.deepEqual(await fieldsOf(accounts.registration.signup({ name: 'Thief', email: freshEmail(), password: PASSWORD, invitationToken: token })), { email: ['validation.signupInviteOnly'] });

    const result = await accounts.registration.signup({ name: 'Invited Person', email, password: PASSWORD, invitationToken: token });
    assert.equal(result.outcome, 'confirmed');
    const user = await db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    assert.ok(user.email_confirmed_at, 'the invitation proves the address');
    const invitation = await accounts.invitations.listOpen({ organizationId: null });
    assert.ok(!invitation.some((i) => i.email === email), 'the invitation is used up');
    await assert.rejects(accounts.invitations.describe(token), (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token');
  });

  test('invite-only: an open invitation for the address also allows signing up without its link (then confirmed by mail)', async () => {
    await accounts.registration.setSignupMode(admin.actor, 'invite_only');
    const email = freshEmail();
    await accounts.invitations.inviteToSite(admin.actor, email);
    assert.deepEqual(await accounts.registration.signup({ name: 'Typed It', email, password: PASSWORD }), { outcome: 'check_email' });
    assert.ok(await mailedToken(db, email, '/confirm-email'));
  });

  test('an expired or revoked invitation does not open invite-only sign-up', async () => {
    await accounts.registration.setSignupMode(admin.actor, 'invite_only');
    const late = freshEmail();
    const { token } = await accounts.invitations.inviteToSite(admin.actor, late);
    t.clock.advance(INVITATION_TTL_MS + 1000);
    try {
      assert.deepEqual(await fieldsOf(accounts.registration.signup({ name: 'Late', email: late, password: PASSWORD, invitationToken: token })), { email: ['validation.signupInviteOnly'] });
    } finally {
      t.clock.advance(-(INVITATION_TTL_MS + 1000));
    }
    const withdrawn = freshEmail();
    const { invitation, token: token2 } = await accounts.invitations.inviteToSite(admin.actor, withdrawn);
    await accounts.invitations.revoke(invitation.id, { organizationId: null }, admin.actor);
    assert.deepEqual(await fieldsOf(accounts.registration.signup({ name: 'Withdrawn', email: withdrawn, password: PASSWORD, invitationToken: token2 })), { email: ['validation.signupInviteOnly'] });
  });

  test('only site admins set the sign-up mode, and only to a known mode', async () => {
    const user = await createUser(accounts);
    await assert.rejects(accounts.registration.setSignupMode(user.actor, 'invite_only'), ForbiddenError);
    await assert.rejects(accounts.registration.setSignupMode(anonymous, 'invite_only'), ForbiddenError);
    assert.deepEqual(await fieldsOf(accounts.registration.setSignupMode(admin.actor, 'closed')), { mode: ['validation.invalidChoice'] });
    assert.equal(await accounts.registration.signupMode(), 'open');
    const activity = await db.selectFrom('activity').selectAll().where('action', '=', 'site.signupModeChanged').execute();
    assert.ok(activity.length > 0 && activity.every((a) => a.actor_id === admin.id));
  });
});

describe('confirming the address', () => {
  test('the link works once; a second use is refused and changes nothing', async () => {
    const email = freshEmail();
    await accounts.registration.signup({ name: 'Confirm Me', email, password: PASSWORD });
    const token = await mailedToken(db, email, '/confirm-email');
    const { userId } = await accounts.registration.confirmEmail(token);
    const user = await db.selectFrom('user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    assert.ok(user.email_confirmed_at);
    await assert.rejects(accounts.registration.confirmEmail(token), (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token');
    await assert.rejects(accounts.registration.confirmEmail('made-up'), (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token');
  });

  test('an expired link is refused and the account stays unconfirmed; a new link works', async () => {
    const email = freshEmail();
    await accounts.registration.signup({ name: 'Slow Reader', email, password: PASSWORD });
    const token = await mailedToken(db, email, '/confirm-email');
    t.clock.advance(EMAIL_CONFIRM_TTL_MS + 1);
    try {
      await assert.rejects(accounts.registration.confirmEmail(token), (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token');
      const user = await db.selectFrom('user').select('email_confirmed_at').where('email', '=', email).executeTakeFirstOrThrow();
      assert.equal(user.email_confirmed_at, null);
      await accounts.registration.resendConfirmation(email, 'sv');
      const fresh = await mailedToken(db, email, '/confirm-email');
      assert.notEqual(fresh, token);
      await accounts.registration.confirmEmail(fresh);
    } finally {
      t.clock.advance(-(EMAIL_CONFIRM_TTL_MS + 1));
    }
  });

  test('resending is silent for unknown and already confirmed addresses', async () => {
    const confirmed = await createUser(accounts);
    await accounts.registration.resendConfirmation(confirmed.email);
    await accounts.registration.resendConfirmation('nobody-here@example.se');
    assert.equal((await mailsTo(db, confirmed.email)).length, 0);
    assert.equal((await mailsTo(db, 'nobody-here@example.se')).length, 0);
    assert.deepEqual(await fieldsOf(accounts.registration.resendConfirmation('nope')), { email: ['validation.email'] });
  });
});
