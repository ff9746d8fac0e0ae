// The exhaustive role × action matrix: every kind of actor against every action. Adding an action
// without a row here does not compile (the table is typed by the action list).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../platform/auth/actor.js';
import { abilitiesOf, can, organizationActions, organizationPolicy, type OrganizationAction } from './organization.policy.js';

const ORG = 'org-this';
const OTHER = 'org-other';

const user = (userId: string, roles: Record<string, 'admin' | 'editor' | 'member'>, isSiteAdmin = false): Actor => ({
  kind: 'user',
  userId,
  email: `${userId}@example.se`,
  name: userId,
  isSiteAdmin,
  roles,
  via: 'session',
});

const actors = {
  anonymous: { kind: 'anonymous' } as Actor,
  signedInNonMember: user('u-none', {}),
  member: user('u-member', { [ORG]: 'member' }),
  editor: user('u-editor', { [ORG]: 'editor' }),
  admin: user('u-admin', { [ORG]: 'admin' }),
  adminOfAnother: user('u-other-admin', { [OTHER]: 'admin' }),
  siteAdmin: user('u-site', {}, true),
} as const;
type ActorName = keyof typeof actors;

const Y = true, N = false;
//                                   anon signed member editor admin otherAdmin site
const matrix: Record<OrganizationAction, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  view:             [Y, Y, Y, Y, Y, Y, Y],
  create:           [N, Y, Y, Y, Y, Y, Y],
  edit:             [N, N, N, N, Y, N, Y],
  uploadLogo:       [N, N, N, N, Y, N, Y],
  delete:           [N, N, N, N, N, N, Y],
  viewMembers:      [N, N, Y, Y, Y, N, Y],
  manageMembers:    [N, N, N, N, Y, N, Y],
  invite:           [N, N, N, N, Y, N, Y],
  revokeInvitation: [N, N, N, N, Y, N, Y],
  leave:            [N, N, Y, Y, Y, N, N],
};
const columns: ActorName[] = ['anonymous', 'signedInNonMember', 'member', 'editor', 'admin', 'adminOfAnother', 'siteAdmin'];

describe('organisation policy: role × action matrix', () => {
  test('the matrix covers every action and every actor', () => {
    assert.deepEqual(Object.keys(matrix).sort(), [...organizationActions].sort());
    assert.deepEqual(columns.slice().sort(), (Object.keys(actors) as ActorName[]).sort());
  });

  for (const action of organizationActions) {
    columns.forEach((name, index) => {
      const expected = matrix[action][index]!;
      test(`${name} ${expected ? 'may' : 'may not'} ${action}`, () => {
        assert.equal(can(actors[name], action, ORG), expected);
      });
    });
  }

  test('abilitiesOf agrees with can() for every actor', () => {
    for (const name of columns) {
      const abilities = abilitiesOf(actors[name], ORG);
      for (const action of organizationActions) assert.equal(abilities[action], can(actors[name], action, ORG), `${name} ${action}`);
    }
  });

  test('an admin of another organisation has in it exactly the rights an admin has here', () => {
    for (const action of organizationActions) assert.equal(can(actors.adminOfAnother, action, OTHER), can(actors.admin, action, ORG), action);
  });

  test('removing a member: managers remove anyone, others only themselves', () => {
    const { canRemoveMember } = organizationPolicy;
    assert.equal(canRemoveMember(actors.admin, ORG, 'u-member'), true);
    assert.equal(canRemoveMember(actors.siteAdmin, ORG, 'u-member'), true);
    assert.equal(canRemoveMember(actors.member, ORG, 'u-member'), true, 'a member may leave');
    assert.equal(canRemoveMember(actors.editor, ORG, 'u-editor'), true, 'an editor may leave');
    assert.equal(canRemoveMember(actors.member, ORG, 'u-editor'), false);
    assert.equal(canRemoveMember(actors.editor, ORG, 'u-member'), false);
    assert.equal(canRemoveMember(actors.signedInNonMember, ORG, 'u-none'), false, 'not a member: nothing to leave');
    assert.equal(canRemoveMember(actors.adminOfAnother, ORG, 'u-member'), false);
    assert.equal(canRemoveMember(actors.anonymous, ORG, 'u-member'), false);
  });
});
