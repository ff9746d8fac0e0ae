// The workshop policy as a table: who may do what, where seats go, when registration is open.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anonymous, type Actor } from '../../platform/auth/actor.js';
import { abilitiesFor, eventPolicy, registrationWindow, seatDecision } from './event.policy.js';

const user = (userId: string, isSiteAdmin = false): Actor => ({ kind: 'user', userId, email: `${userId}@x.se`, name: userId, isSiteAdmin, roles: { org1: 'admin' }, via: 'session' });
const event = { organiserIds: ['organiser'] };

describe('event policy', () => {
  test('role × action', () => {
    const actors: [string, Actor][] = [
      ['anonymous', anonymous],
      ['member of an organisation', user('someone')],
      ['named organiser', user('organiser')],
      ['site admin', user('admin', true)],
    ];
    const expected: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
      //                          create manage  view   others register online series
      anonymous: /*            */ [false, false, false, false, true, false, false],
      'member of an organisation': [false, false, false, false, true, false, false],
      'named organiser': /*      */ [false, true, true, true, true, true, true],
      'site admin': /*           */ [true, true, true, true, true, true, true],
    };
    for (const [name, actor] of actors) {
      assert.deepEqual(
        [eventPolicy.canCreate(actor), eventPolicy.canManage(actor, event), eventPolicy.canViewRegistrations(actor, event), eventPolicy.canRegisterOthers(actor, event), eventPolicy.canRegister(actor), eventPolicy.canSeeOnlineLink(actor, event), eventPolicy.canManageSeries(actor, event)],
        expected[name],
        name,
      );
    }
    assert.deepEqual(abilitiesFor(user('organiser'), event), { manage: true, viewRegistrations: true, registerOthers: true, seeOnlineLink: true });
    assert.equal(eventPolicy.canManageSeries(user('organiser'), { organiserIds: ['someone-else'] }), false, 'organising one occurrence is not organising the series');
    assert.deepEqual(abilitiesFor(user('organiser'), { organiserIds: [] }), { manage: false, viewRegistrations: false, registerOthers: false, seeOnlineLink: false });
  });

  test('seats: free seats within the quota are taken, otherwise the waitlist', () => {
    assert.equal(seatDecision({ capacity: 30, confirmed: 29, quota: null, confirmedFromOrganization: 0 }), 'confirmed');
    assert.equal(seatDecision({ capacity: 30, confirmed: 30, quota: null, confirmedFromOrganization: 0 }), 'waitlisted');
    assert.equal(seatDecision({ capacity: 30, confirmed: 31, quota: null, confirmedFromOrganization: 0 }), 'waitlisted');
    assert.equal(seatDecision({ capacity: 30, confirmed: 5, quota: 2, confirmedFromOrganization: 2 }), 'waitlisted');
    assert.equal(seatDecision({ capacity: 30, confirmed: 5, quota: 2, confirmedFromOrganization: 1 }), 'confirmed');
  });

  test('registration window', () => {
    const base = { status: 'scheduled', starts_at: '2026-12-01T12:00:00.000Z', registration_opens_at: '2026-11-01T00:00:00.000Z', registration_closes_at: null };
    assert.equal(registrationWindow(base, new Date('2026-10-31T23:59:59Z')), 'not_yet_open');
    assert.equal(registrationWindow(base, new Date('2026-11-15T00:00:00Z')), 'open');
    assert.equal(registrationWindow(base, new Date('2026-12-01T12:00:00Z')), 'closed', 'closes at the start by default');
    assert.equal(registrationWindow({ ...base, registration_closes_at: '2026-11-20T00:00:00.000Z' }, new Date('2026-11-20T00:00:00Z')), 'closed');
    assert.equal(registrationWindow({ ...base, status: 'cancelled' }, new Date('2026-11-15T00:00:00Z')), 'cancelled');
  });
});
