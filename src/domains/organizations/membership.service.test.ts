// Members, roles and invitations against a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { activityOf, addMember, createOrg, createUser, startApp, type OrgTestApp, type TestUser } from './testing.js';

async function rejects(promise: Promise<unknown>, status: number, code: string, details?: Record<string, string[]>) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    assert.equal(error.code, code);
    if (details) assert.deepEqual(error.details, details);
    return true;
  });
}

describe('membership service', () => {
  let t: OrgTestApp;
  let siteAdmin: TestUser;
  let members: ReturnType<typeof domainsOf>['organizations']['members'];
  const rolesOf = (user: TestUser) => domainsOf(t.deps).organizations.rolesOf(user.id);

  before(async () => {
    t = await startApp();
    members = domainsOf(t.deps).organizations.members;
    siteAdmin = await createUser(t, { siteAdmin: true });
  });
  after(() => t.close());

  /** An organisation with one admin, one editor and one member. */
  async function team() {
    const org = await createOrg(t);
    const [admin, editor, member, outsider] = await Promise.all([createUser(t), createUser(t), createUser(t), createUser(t)]);
    await addMember(t, org.id, admin, 'admin');
    await addMember(t, org.id, editor, 'editor');
    await addMember(t, org.id, member, 'member');
    return { org, admin, editor, member, outsider };
  }

  test('an admin adds an existing account; adding again sets the role; both are recorded', async () => {
    const { org, admin, outsider } = await team();
    const added = await members.add(await admin.actor(), org.slug, { email: outsider.email.toUpperCase(), role: 'editor' });
    assert.equal(added.created, true);
    assert.equal(added.member.role, 'editor');
    assert.deepEqual(await rolesOf(outsider), { [org.id]: 'editor' });
    const again = await members.add(await admin.actor(), org.slug, { email: outsider.email, role: 'member' });
    assert.equal(again.created, false);
    assert.equal(again.member.role, 'member');
    const log = (await activityOf(t, org.id)).filter((a) => a.actor_id === admin.id);
    assert.deepEqual(
      log.map((a) => [a.action, a.diff.role]),
      [
        ['organization.memberAdded', [null, 'editor']],
        ['organization.memberRoleChanged', ['editor', 'member']],
      ],
    );
  });

  test('adding needs an existing account and a valid role', async () => {
    const { org, admin } = await team();
    await rejects(members.add(await admin.actor(), org.id, { email: 'ingen@example.se', role: 'member' }), 400, 'validation_failed', { email: ['organizations.validation.noSuchUser'] });
    await rejects(members.add(await admin.actor(), org.id, { email: 'inte-en-adress', role: 'owner' }), 400, 'validation_failed', {
      email: ['validation.email'],
      role: ['validation.invalidChoice'],
    });
  });

  test('who may manage members: admins and site admins; members 403; outsiders 404; the anonymous 401', async () => {
    const { org, editor, member, outsider } = await team();
    const target = await createUser(t);
    for (const user of [editor, member]) await rejects(members.add(await user.actor(), org.id, { email: target.email, role: 'member' }), 403, 'forbidden');
    await rejects(members.add(await outsider.actor(), org.id, { email: target.email, role: 'member' }), 404, 'not_found');
    await rejects(members.add(anonymous, org.id, { email: target.email, role: 'member' }), 401, 'unauthorized');
    const viaSiteAdmin = await members.add(await siteAdmin.actor(), org.id, { email: target.email, role: 'member' });
    assert.equal(viaSiteAdmin.created, true);
  });

  test('the member list: visible to members (any role) and site admins, not to outsiders', async () => {
    const { org, admin, editor, member, outsider } = await team();
    const list = await members.list(await member.actor(), org.slug);
    assert.equal(list.total, 3);
    assert.deepEqual(
      list.items.map((m) => [m.user_id, m.role]),
      [
        [admin.id, 'admin'],
        [editor.id, 'editor'],
        [member.id, 'member'],
      ],
      'admins first',
    );
    assert.equal((await members.list(await siteAdmin.actor(), org.id)).total, 3);
    await rejects(members.list(await outsider.actor(), org.id), 404, 'not_found');
    await rejects(members.list(anonymous, org.id), 401, 'unauthorized');
  });

  test('roles change; the last admin can be neither demoted nor removed (409 last_admin), not even by a site admin', async () => {
    const { org, admin, editor } = await team();
    await rejects(members.changeRole(await admin.actor(), org.id, admin.id, 'editor'), 409, 'last_admin', { role: ['organizations.validation.lastAdmin'] });
    await rejects(members.remove(await siteAdmin.actor(), org.id, admin.id), 409, 'last_admin');
    await rejects(members.remove(await admin.actor(), org.id, admin.id), 409, 'last_admin', undefined);
    const promoted = await members.changeRole(await admin.actor(), org.id, editor.id, 'admin');
    assert.equal(promoted.role, 'admin');
    // Now there are two admins: the first may step down, and then the second is the last.
    await members.changeRole(await admin.actor(), org.id, admin.id, 'member');
    assert.deepEqual(await rolesOf(admin), { [org.id]: 'member' });
    await rejects(members.remove(await editor.actor(), org.id, editor.id), 409, 'last_admin');
    await rejects(members.changeRole(await editor.actor(), org.id, admin.id, 'owner'), 400, 'validation_failed', { role: ['validation.invalidChoice'] });
    await rejects(members.changeRole(await editor.actor(), org.id, (await createUser(t)).id, 'member'), 404, 'not_found');
  });

  test('two admins demoting each other at once: one of them stays admin', async () => {
    const org = await createOrg(t);
    const [a, b] = await Promise.all([createUser(t), createUser(t)]);
    await addMember(t, org.id, a, 'admin');
    await addMember(t, org.id, b, 'admin');
    const [actorA, actorB] = await Promise.all([a.actor(), b.actor()]);
    const results = await Promise.allSettled([members.changeRole(actorA, org.id, b.id, 'member'), members.changeRole(actorB, org.id, a.id, 'member')]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const admins = (await members.list(await siteAdmin.actor(), org.id)).items.filter((m) => m.role === 'admin');
    assert.equal(admins.length, 1);
  });

  test('removing: admins remove anyone; members may leave; members may not remove others', async () => {
    const { org, admin, editor, member } = await team();
    await rejects(members.remove(await member.actor(), org.id, editor.id), 403, 'forbidden');
    await members.remove(await member.actor(), org.id, member.id);
    assert.deepEqual(await rolesOf(member), {});
    await members.remove(await admin.actor(), org.id, editor.id);
    assert.deepEqual(await rolesOf(editor), {});
    await rejects(members.remove(await admin.actor(), org.id, editor.id), 404, 'not_found');
    assert.deepEqual(
      (await activityOf(t, org.id)).filter((a) => a.action === 'organization.memberRemoved').map((a) => [a.actor_id, a.diff.userId]),
      [
        [member.id, member.id],
        [admin.id, editor.id],
      ],
    );
  });

  test('an invitation: mailed, listed, joined on acceptance with its role; revocable; never lowers a role', async () => {
    const { org, admin, editor, member } = await team();
    const { accounts } = domainsOf(t.deps);
    await rejects(members.invite(await editor.actor(), org.id, { email: 'ny@example.se', role: 'member' }), 403, 'forbidden');
    await rejects(members.invite(await admin.actor(), org.id, { email: member.email, role: 'editor' }), 409, 'already_member', { email: ['organizations.validation.alreadyMember'] });
    await rejects(members.invite(await admin.actor(), org.id, { email: '', role: '' }), 400, 'validation_failed', { email: ['validation.required'], role: ['validation.required'] });

    const newcomer = await createUser(t);
    const invitation = await members.invite(await admin.actor(), org.id, { email: newcomer.email, role: 'editor' }, 'en');
    assert.equal(invitation.role, 'editor');
    const listed = await members.listInvitations(await admin.actor(), org.id);
    assert.deepEqual(
      listed.items.map((i) => i.id),
      [invitation.id],
    );
    await rejects(members.listInvitations(await member.actor(), org.id), 403, 'forbidden');
    const mail = await t.deps.db.selectFrom('mail_message').selectAll().where('to_address', '=', newcomer.email).executeTakeFirstOrThrow();
    const token = /token=([^\s&]+)/.exec(mail.text_body)?.[1];
    assert.ok(token, 'the mail carries the link');
    await accounts.invitations.accept(await newcomer.actor(), token!);
    assert.deepEqual(await rolesOf(newcomer), { [org.id]: 'editor' });
    assert.equal((await activityOf(t, org.id)).at(-1)?.action, 'organization.memberJoined');

    // A member invited as admin is raised; an admin invited as member stays admin.
    const raise = await accounts.invitations.inviteToOrganization(await admin.actor(), member.email, { organizationId: org.id, organizationName: org.name_sv, role: 'admin' });
    await accounts.invitations.accept(await member.actor(), raise.token);
    assert.deepEqual(await rolesOf(member), { [org.id]: 'admin' });
    const lower = await accounts.invitations.inviteToOrganization(await admin.actor(), admin.email, { organizationId: org.id, organizationName: org.name_sv, role: 'member' });
    await accounts.invitations.accept(await admin.actor(), lower.token);
    assert.deepEqual(await rolesOf(admin), { [org.id]: 'admin' });

    const revoked = await members.invite(await admin.actor(), org.id, { email: 'later@example.se', role: 'member' });
    await rejects(members.revokeInvitation(await editor.actor(), org.id, revoked.id), 403, 'forbidden');
    await members.revokeInvitation(await admin.actor(), org.id, revoked.id);
    assert.deepEqual((await members.listInvitations(await admin.actor(), org.id)).items, []);
    const otherOrg = await createOrg(t);
    await addMember(t, otherOrg.id, admin, 'admin');
    const elsewhere = await members.invite(await admin.actor(), otherOrg.id, { email: 'x@example.se', role: 'member' });
    await rejects(members.revokeInvitation(await admin.actor(), org.id, elsewhere.id), 404, 'not_found', undefined);
  });

  test('personal-data export lists the memberships', async () => {
    const { org, editor } = await team();
    const exported = await domainsOf(t.deps).accounts.profile.exportData(await editor.actor());
    assert.deepEqual(exported.memberships, [{ organization: { id: org.id, slug: org.slug, name: { sv: org.name_sv, en: null } }, role: 'editor', since: org.created_at, updatedAt: org.created_at }]);
  });
});
