import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, OrganizationRole } from '../../../platform/auth/actor.js';
import { importPolicy } from './import.policy.js';

const ORG = 'org-1';
const user = (role?: OrganizationRole, isSiteAdmin = false): Actor => ({ kind: 'user', userId: 'u', email: 'a@b.se', name: 'A', isSiteAdmin, roles: role ? { [ORG]: role } : {}, via: 'session' });

test('organisation admins and site admins import; editors, members, others and the anonymous do not', () => {
  const cases: [Actor, boolean][] = [
    [user('admin'), true],
    [user(undefined, true), true],
    [user('editor'), false],
    [user('member'), false],
    [user(), false],
    [{ kind: 'anonymous' }, false],
  ];
  for (const [actor, expected] of cases) assert.equal(importPolicy.canImport(actor, ORG), expected, JSON.stringify(actor));
  assert.equal(importPolicy.canImport(user('admin'), 'another-org'), false, 'admin of one organisation only');
});
