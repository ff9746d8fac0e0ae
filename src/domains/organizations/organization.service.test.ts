// Organisation use cases against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { activityOf, addMember, createOrg, createUser, startApp, type OrgTestApp, type TestUser } from './testing.js';

/** Asserts that `promise` fails with an AppError of this status and code (and details, if given). */
async function rejects(promise: Promise<unknown>, status: number, code: string, details?: Record<string, string[]>) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    assert.equal(error.code, code);
    if (details) assert.deepEqual(error.details, details);
    return true;
  });
}

describe('organisation service', () => {
  let t: OrgTestApp;
  let siteAdmin: TestUser;
  let service: ReturnType<typeof domainsOf>['organizations']['organizations'];

  before(async () => {
    t = await startApp();
    service = domainsOf(t.deps).organizations.organizations;
    siteAdmin = await createUser(t, { siteAdmin: true });
  });
  after(() => t.close());

  test('a site admin creates an organisation; it is stored normalised and the activity log has it', async () => {
    const org = await service.create(await siteAdmin.actor(), {
      name: { sv: '  Myndigheten för digital förvaltning ', en: 'Agency for Digital Government' },
      orgNumber: '202100-6883',
      type: 'state_agency',
      website: 'https://www.digg.se',
      description: { sv: 'Vi **samordnar**.' },
      contactEmail: 'info@digg.example.se',
    });
    assert.equal(org.slug, 'myndigheten-for-digital-forvaltning', 'slug made from the Swedish name');
    assert.equal(org.name_sv, 'Myndigheten för digital förvaltning', 'trimmed');
    assert.equal(org.org_number, '2021006883', 'ten digits');
    assert.equal(org.description_en, null);
    const [created] = await activityOf(t, org.id);
    assert.equal(created?.action, 'organization.created');
    assert.equal(created?.actor_id, siteAdmin.id);
    assert.equal(created?.diff.slug, org.slug);
  });

  test('the anonymous may not create (401); a signed-in user creates and becomes its admin; a site admin does not join', async () => {
    const founder = await createUser(t);
    await rejects(service.create(anonymous, { name: { sv: 'Ny myndighet' } }), 401, 'unauthorized');
    const { organizations } = domainsOf(t.deps);
    const founded = await service.create(await founder.actor(), { name: { sv: 'Ny myndighet' } });
    assert.equal((await organizations.rolesOf(founder.id))[founded.id], 'admin');
    const byAdmin = await service.create(await siteAdmin.actor(), { name: { sv: 'Myndighet startad av sajtadmin' } });
    assert.equal(await organizations.organizations.memberCount(byAdmin.id), 0);
  });

  test('validation names every bad field at once', async () => {
    const actor = await siteAdmin.actor();
    await rejects(
      service.create(actor, { name: { sv: 'x'.repeat(201) }, slug: 'Inte OK!', orgNumber: '202100-5488', type: 'church', website: 'ftp://example.se', contactEmail: 'nope', description: { sv: 'y'.repeat(10_001) } }),
      400,
      'validation_failed',
      {
        'name.sv': ['validation.tooLong'],
        slug: ['validation.slug'],
        orgNumber: ['validation.orgNumber'],
        type: ['validation.invalidChoice'],
        website: ['validation.url'],
        'description.sv': ['validation.tooLong'],
        contactEmail: ['validation.email'],
      },
    );
    await rejects(service.create(actor, {}), 400, 'validation_failed', { 'name.sv': ['validation.required'] });
  });

  test('slug rules: a–z, digits, single hyphens, 2–60 characters, not reserved, not an id', async () => {
    const actor = await siteAdmin.actor();
    for (const slug of ['a', '-abc', 'abc-', 'a--b', 'åäö', 'a b', 'a_b', 'new', 'edit', '01900000-0000-7000-8000-000000000999']) {
      await rejects(service.create(actor, { name: { sv: 'Slugtest' }, slug }), 400, 'validation_failed', { slug: ['validation.slug'] });
    }
    await rejects(service.create(actor, { name: { sv: 'Slugtest' }, slug: 'x'.repeat(61) }), 400, 'validation_failed', { slug: ['validation.tooLong'] });
    const ok = await service.create(actor, { name: { sv: 'Slugtest' }, slug: 'Region-Gavleborg-2' });
    assert.equal(ok.slug, 'region-gavleborg-2', 'upper case is lowered');
  });

  test('a duplicate slug is 409 slug_taken; a duplicate organisation number 409 org_number_taken', async () => {
    const actor = await siteAdmin.actor();
    await service.create(actor, { name: { sv: 'Lantmäteriet' }, slug: 'lantmateriet', orgNumber: '2021004888' });
    await rejects(service.create(actor, { name: { sv: 'Annan' }, slug: 'lantmateriet' }), 409, 'slug_taken', { slug: ['validation.slugTaken'] });
    await rejects(service.create(actor, { name: { sv: 'Annan' }, slug: 'annan', orgNumber: '202100-4888' }), 409, 'org_number_taken', {
      orgNumber: ['organizations.validation.orgNumberTaken'],
    });
    await rejects(service.create(actor, { name: { sv: 'Lantmäteriet' } }), 409, 'slug_taken', undefined);
  });

  test('concurrent creates with one slug: exactly one wins, the others get 409 (never a 500)', async () => {
    const actor = await siteAdmin.actor();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => service.create(actor, { name: { sv: 'Samtidigt' }, slug: 'samtidigt' })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as AppError).code, 'slug_taken');
  });

  test('org admins and site admins edit; the change is recorded with a diff; nothing changed → nothing written', async () => {
    const admin = await createUser(t);
    const org = await createOrg(t, { name: { sv: 'Skatteverket' }, slug: 'skatteverket' });
    await addMember(t, org.id, admin, 'admin');
    t.clock.advance(1000);
    const updated = await service.update(await admin.actor(), 'skatteverket', { name: { en: 'Swedish Tax Agency' }, orgNumber: '2021005448', website: 'https://www.skatteverket.se' });
    assert.equal(updated.name_en, 'Swedish Tax Agency');
    assert.equal(updated.name_sv, 'Skatteverket', 'fields not given stay');
    assert.equal(updated.org_number, '2021005448');
    const log = await activityOf(t, org.id);
    const last = log.at(-1)!;
    assert.equal(last.action, 'organization.updated');
    assert.equal(last.actor_id, admin.id);
    assert.deepEqual(last.diff, { name_en: [null, 'Swedish Tax Agency'], org_number: [null, '2021005448'], website: [null, 'https://www.skatteverket.se'] });

    const again = await service.update(await admin.actor(), org.id, { website: 'https://www.skatteverket.se' });
    assert.equal(again.updated_at, updated.updated_at);
    assert.equal((await activityOf(t, org.id)).length, log.length, 'no activity for a no-op');

    const cleared = await service.update(await siteAdmin.actor(), org.id, { website: null, name: { en: '' } });
    assert.equal(cleared.website, null);
    assert.equal(cleared.name_en, null);
    await rejects(service.update(await admin.actor(), org.id, { name: { sv: ' ' } }), 400, 'validation_failed', { 'name.sv': ['validation.required'] });
    await rejects(service.update(await admin.actor(), org.id, { slug: null }), 400, 'validation_failed', { slug: ['validation.required'] });
  });

  test('editors, members, other organisations’ admins may not edit (403); the anonymous 401; unknown 404', async () => {
    const org = await createOrg(t);
    const other = await createOrg(t);
    const editor = await createUser(t);
    const member = await createUser(t);
    const otherAdmin = await createUser(t);
    await addMember(t, org.id, editor, 'editor');
    await addMember(t, org.id, member, 'member');
    await addMember(t, other.id, otherAdmin, 'admin');
    for (const user of [editor, member, otherAdmin]) await rejects(service.update(await user.actor(), org.id, { website: 'https://x.se' }), 403, 'forbidden');
    await rejects(service.update(anonymous, org.id, { website: 'https://x.se' }), 401, 'unauthorized');
    await rejects(service.update(await siteAdmin.actor(), 'finns-inte', {}), 404, 'not_found');
  });

  test('renaming to a taken slug or number is 409; keeping one’s own is fine', async () => {
    const a = await createOrg(t, { slug: 'org-a', orgNumber: '2120000142' });
    await createOrg(t, { slug: 'org-b', orgNumber: '2120001355' });
    const actor = await siteAdmin.actor();
    await rejects(service.update(actor, a.id, { slug: 'org-b' }), 409, 'slug_taken');
    await rejects(service.update(actor, a.id, { orgNumber: '212000-1355' }), 409, 'org_number_taken');
    const same = await service.update(actor, a.id, { slug: 'org-a', orgNumber: '212000-0142', website: 'https://start.stockholm' });
    assert.equal(same.slug, 'org-a');
  });

  test('the list searches names case-insensitively (also å, ä, ö), filters by type and sorts in Swedish order', async () => {
    const fresh = await startApp();
    try {
      const svc = domainsOf(fresh.deps).organizations.organizations;
      for (const [name, type] of [
        ['Örebro kommun', 'municipality'],
        ['Ale kommun', 'municipality'],
        ['Åre kommun', 'municipality'],
        ['Älmhults kommun', 'municipality'],
        ['Zinkgruvan AB', 'state_company'],
        ['Region Östergötland', 'region'],
        ['Écoles et Co', 'other'],
      ] as const) {
        await svc.createAsOperator({ name: { sv: name }, type });
      }
      const names = async (query: Parameters<typeof svc.list>[0]) => (await svc.list(query)).items.map((r) => r.name_sv);
      assert.deepEqual(await names({ limit: 20, offset: 0 }), ['Ale kommun', 'Écoles et Co', 'Region Östergötland', 'Zinkgruvan AB', 'Åre kommun', 'Älmhults kommun', 'Örebro kommun']);
      assert.deepEqual(await names({ q: 'ÖREBRO', limit: 20, offset: 0 }), ['Örebro kommun']);
      assert.deepEqual(await names({ q: 'östergötland', limit: 20, offset: 0 }), ['Region Östergötland']);
      assert.deepEqual(await names({ q: 'kommun ä', limit: 20, offset: 0 }), ['Älmhults kommun'], 'all words must match');
      assert.deepEqual(await names({ q: '100%_', limit: 20, offset: 0 }), [], 'LIKE wildcards are literal');
      assert.deepEqual(await names({ type: 'municipality', limit: 2, offset: 1 }), ['Åre kommun', 'Älmhults kommun']);
      assert.equal((await svc.list({ type: 'municipality', limit: 2, offset: 0 })).total, 4);
      await svc.createAsOperator({ name: { sv: 'Digg' }, slug: 'digg', orgNumber: '2021006883' });
      assert.deepEqual(await names({ q: '202100-6883', limit: 20, offset: 0 }), ['Digg'], 'by organisation number');
    } finally {
      await fresh.close();
    }
  });

  test('site admins delete organisations; org admins may not', async () => {
    const admin = await createUser(t);
    const org = await createOrg(t);
    await addMember(t, org.id, admin, 'admin');
    await rejects(service.delete(await admin.actor(), org.id), 403, 'forbidden');
    await service.delete(await siteAdmin.actor(), org.id);
    await rejects(service.get(org.id), 404, 'not_found');
    assert.deepEqual(await domainsOf(t.deps).organizations.rolesOf(admin.id), {}, 'memberships went with it');
    assert.equal((await activityOf(t, org.id)).at(-1)?.action, 'organization.deleted');
  });

  test('the demo seeder is deterministic and idempotent, and its organisation numbers are valid', async () => {
    const fresh = await startApp();
    try {
      const domain = domainsOf(fresh.deps).organizations;
      assert.deepEqual(await domain.seedDemo(), { created: 7, existing: 0 });
      assert.deepEqual(await domain.seedDemo(), { created: 0, existing: 7 });
      const digg = await domain.organizations.get('digg');
      assert.equal(digg.id, '01900000-0000-7000-8000-000000000101');
      const { parseOrgNumber } = await import('./org-number.js');
      for (const row of (await domain.organizations.list({ limit: 100, offset: 0 })).items) assert.equal(parseOrgNumber(row.org_number!), row.org_number, row.slug);
    } finally {
      await fresh.close();
    }
  });
});
