// The exhaustive actor × action matrix for catalog resources, for a public published resource and
// for a draft (private behaves as a draft). Adding an action without a row does not compile.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../platform/auth/actor.js';
import { abilitiesOf, catalogActions, catalogPolicy, type CatalogAction, type PolicyTarget } from './catalog.policy.js';

const ORG = 'org-this';
const OTHER = 'org-other';

const user = (userId: string, roles: Record<string, 'admin' | 'editor' | 'member'>, isSiteAdmin = false): Actor => ({
  kind: 'user', userId, email: `${userId}@example.se`, name: userId, isSiteAdmin, roles, via: 'session',
});

const actors: Actor[] = [
  { kind: 'anonymous' },
  user('u-none', {}),
  user('u-member', { [ORG]: 'member' }),
  user('u-editor', { [ORG]: 'editor' }),
  user('u-admin', { [ORG]: 'admin' }),
  user('u-other-editor', { [OTHER]: 'editor' }),
  user('u-site', {}, true),
];

const Y = true, N = false;
type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
//                                   anon signed member editor admin otherEditor site
const published: Record<CatalogAction, Row> = {
  view:        [Y, Y, Y, Y, Y, Y, Y],
  edit:        [N, N, N, Y, Y, N, Y],
  publish:     [N, N, N, Y, Y, N, Y],
  delete:      [N, N, N, Y, Y, N, Y],
  viewHistory: [N, N, N, Y, Y, N, Y],
  restore:     [N, N, N, Y, Y, N, Y],
};
const draft: Record<CatalogAction, Row> = { ...published, view: [N, N, Y, Y, Y, N, Y] };

function check(target: PolicyTarget, matrix: Record<CatalogAction, Row>) {
  assert.deepEqual(Object.keys(matrix).sort(), [...catalogActions].sort());
  for (const action of catalogActions) {
    actors.forEach((actor, column) => {
      const allowed = abilitiesOf(actor, target)[action];
      assert.equal(allowed, matrix[action][column], `${action} for ${actor.kind === 'user' ? actor.userId : 'anonymous'}`);
    });
  }
}

describe('catalog policy: actor × action', () => {
  test('published and public', () => check({ organizationId: ORG, status: 'published', visibility: 'public' }, published));
  test('draft', () => check({ organizationId: ORG, status: 'draft', visibility: 'public' }, draft));
  test('published but private', () => check({ organizationId: ORG, status: 'published', visibility: 'private' }, draft));
  test('creating: editors and admins of the organisation, site admins', () => {
    assert.deepEqual(actors.map((a) => catalogPolicy.canCreate(a, ORG)), [N, N, N, Y, Y, N, Y]);
  });
});
