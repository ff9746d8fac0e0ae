// /api/v1/organizations through app.inject: the contract's shapes, paging, and every kind of bad
// input answered with the right 4xx (never a 500).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { addMember, bearer, createOrg, createUser, startApp, type OrgTestApp, type TestUser } from './testing.js';

describe('organisations API', () => {
  let t: OrgTestApp;
  let siteAdmin: TestUser;
  let orgAdmin: TestUser;
  let editor: TestUser;
  let outsider: TestUser;
  let orgId: string;

  before(async () => {
    t = await startApp();
    [siteAdmin, orgAdmin, editor, outsider] = await Promise.all([createUser(t, { siteAdmin: true }), createUser(t, { name: 'Ada Admin' }), createUser(t, { name: 'Erik Redaktör' }), createUser(t)]);
    const org = await createOrg(t, { name: { sv: 'Trafikverket', en: 'Swedish Transport Administration' }, slug: 'trafikverket', orgNumber: '2021006297', website: 'https://www.trafikverket.se' });
    orgId = org.id;
    await addMember(t, org.id, orgAdmin, 'admin');
    await addMember(t, org.id, editor, 'editor');
  });
  after(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, user?: TestUser, payload?: unknown) =>
    t.app.inject({ method, url, headers: user ? bearer(user) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

  test('GET one by slug or id: the Organization shape, absolute URLs', async () => {
    const bySlug = await api('GET', '/api/v1/organizations/trafikverket');
    assert.equal(bySlug.statusCode, 200);
    const body = bySlug.json();
    assert.deepEqual(Object.keys(body).sort(), ['contactEmail', 'createdAt', 'description', 'effectivePublisherType', 'id', 'logoUrl', 'name', 'orgNumber', 'publisherType', 'slug', 'type', 'updatedAt', 'website']);
    assert.deepEqual(body.name, { sv: 'Trafikverket', en: 'Swedish Transport Administration' });
    assert.equal(body.orgNumber, '2021006297');
    assert.deepEqual(body.description, { sv: null, en: null });
    assert.equal(body.logoUrl, null);
    const byId = await api('GET', `/api/v1/organizations/${orgId}`);
    assert.deepEqual(byId.json(), body);
    assert.equal((await api('GET', '/api/v1/organizations/finns-inte')).statusCode, 404);
  });

  test('POST: any signed-in user creates (201 + Location) and the creator administers it; without a token 401', async () => {
    const payload = { name: { sv: 'Naturvårdsverket', en: 'Swedish Environmental Protection Agency' }, orgNumber: '202100-1975', type: 'state_agency', website: 'https://www.naturvardsverket.se' };
    assert.equal((await api('POST', '/api/v1/organizations', undefined, payload)).statusCode, 401);
    const byUser = await api('POST', '/api/v1/organizations', orgAdmin, { name: { sv: 'Startad av en användare' }, type: 'other' });
    assert.equal(byUser.statusCode, 201, byUser.body);
    const members = await api('GET', `/api/v1/organizations/${byUser.json().slug}/members`, orgAdmin);
    assert.equal(members.statusCode, 200, 'the creator is a member');
    assert.deepEqual(members.json().items.map((m: { role: string }) => m.role), ['admin']);
    const created = await api('POST', '/api/v1/organizations', siteAdmin, payload);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().slug, 'naturvardsverket');
    assert.equal(created.json().orgNumber, '2021001975');
    assert.equal(created.headers.location, 'http://allmanning.test/api/v1/organizations/naturvardsverket');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { authorization: 'Bearer alm_not-a-real-token' }, payload });
    assert.equal(bad.statusCode, 401);
  });

  test('bad input → 400 validation_failed naming the field: unknown fields, too-long text, a bad organisation number', async () => {
    const cases: [unknown, string][] = [
      [{ name: { sv: 'X' }, color: 'red' }, 'color'],
      [{ name: { sv: 'X', de: 'Y' } }, 'name.de'],
      [{ name: { sv: 'x'.repeat(201) } }, 'name.sv'],
      [{ name: { sv: 'X' }, description: { sv: 'y'.repeat(10_001) } }, 'description.sv'],
      [{ name: { sv: 'X' }, website: 'w'.repeat(501) }, 'website'],
      [{ name: { sv: 'X' }, orgNumber: '202100-5488' }, 'orgNumber'],
      [{ name: { sv: 'X' }, orgNumber: '1'.repeat(21) }, 'orgNumber'],
      [{ name: { sv: 'X' }, type: 'church' }, 'type'],
      [{ name: { sv: 'X' }, slug: 'Inte giltig!' }, 'slug'],
      [{ name: { sv: 'X' }, contactEmail: 'not-an-address' }, 'contactEmail'],
      [{ name: { sv: 'X' }, website: 'javascript:alert(1)' }, 'website'],
      [{}, 'name'],
      [{ name: { sv: '   ' } }, 'name.sv'],
    ];
    for (const [payload, field] of cases) {
      const res = await api('POST', '/api/v1/organizations', siteAdmin, payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload).slice(0, 80)} → ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, 'validation_failed');
      assert.ok(error.details[field], `names ${field}: ${JSON.stringify(error.details)}`);
      for (const message of error.details[field]) assert.doesNotMatch(message, /^validation\./, 'messages are English text, not catalog keys');
    }
    const nonJson = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { ...bearer(siteAdmin), 'content-type': 'application/json' }, payload: '{"name":' });
    assert.equal(nonJson.statusCode, 400);
  });

  test('a duplicate slug → 409 slug_taken with details; a duplicate organisation number → 409', async () => {
    const dup = await api('POST', '/api/v1/organizations', siteAdmin, { name: { sv: 'Annat verk' }, slug: 'trafikverket' });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(dup.json(), { error: { code: 'slug_taken', message: 'The slug is already used by another organisation.', details: { slug: ['The address is already used by another organisation.'] } } });
    const dupNumber = await api('POST', '/api/v1/organizations', siteAdmin, { name: { sv: 'Annat verk' }, orgNumber: '2021006297' });
    assert.equal(dupNumber.statusCode, 409);
    assert.equal(dupNumber.json().error.code, 'org_number_taken');
    assert.ok(dupNumber.json().error.details.orgNumber);
  });

  test('PATCH: the organisation’s admins and site admins; editors and outsiders 403; no token 401; null clears', async () => {
    assert.equal((await api('PATCH', '/api/v1/organizations/trafikverket', undefined, { website: null })).statusCode, 401);
    assert.equal((await api('PATCH', '/api/v1/organizations/trafikverket', editor, { website: null })).statusCode, 403);
    assert.equal((await api('PATCH', '/api/v1/organizations/trafikverket', outsider, { website: null })).statusCode, 403);
    const ok = await api('PATCH', '/api/v1/organizations/trafikverket', orgAdmin, { description: { sv: 'Vi bygger **vägar**.' }, contactEmail: 'trafikverket@example.se' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().description.sv, 'Vi bygger **vägar**.');
    const cleared = await api('PATCH', `/api/v1/organizations/${orgId}`, siteAdmin, { contactEmail: null });
    assert.equal(cleared.json().contactEmail, null);
    const unknown = await api('PATCH', '/api/v1/organizations/trafikverket', orgAdmin, { id: 'x' });
    assert.equal(unknown.statusCode, 400);
    assert.ok(unknown.json().error.details.id);
    const tooLong = await api('PATCH', '/api/v1/organizations/trafikverket', orgAdmin, { name: { en: 'e'.repeat(201) } });
    assert.equal(tooLong.statusCode, 400);
    assert.ok(tooLong.json().error.details['name.en']);
    assert.equal((await api('PATCH', '/api/v1/organizations/finns-inte', siteAdmin, {})).statusCode, 404);
  });

  test('PATCH publisherType: an ADMS code is kept and used, null follows the type again; anything else → 400 naming the field', async () => {
    const created = await api('POST', '/api/v1/organizations', siteAdmin, { name: { sv: 'Föreningen för öppna data' }, slug: 'oppna-data-foreningen', type: 'other' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().publisherType, null);
    assert.equal(created.json().effectivePublisherType, null, 'type other implies no publisher type');

    const chosen = await api('PATCH', '/api/v1/organizations/oppna-data-foreningen', siteAdmin, { publisherType: 'NonProfitOrganisation' });
    assert.equal(chosen.statusCode, 200, chosen.body);
    assert.equal(chosen.json().publisherType, 'NonProfitOrganisation');
    assert.equal(chosen.json().effectivePublisherType, 'NonProfitOrganisation');
    assert.equal((await api('GET', '/api/v1/organizations/oppna-data-foreningen')).json().publisherType, 'NonProfitOrganisation', 'stored');

    const retyped = await api('PATCH', '/api/v1/organizations/oppna-data-foreningen', siteAdmin, { type: 'region', publisherType: null });
    assert.equal(retyped.statusCode, 200, retyped.body);
    assert.equal(retyped.json().publisherType, null);
    assert.equal(retyped.json().effectivePublisherType, 'RegionalAuthority', 'unset: the type decides');

    for (const publisherType of ['Church', 'http://purl.org/adms/publishertype/NonProfitOrganisation', 'nonprofitorganisation', 42, '']) {
      const bad = await api('PATCH', '/api/v1/organizations/oppna-data-foreningen', siteAdmin, { publisherType });
      assert.equal(bad.statusCode, 400, `${JSON.stringify(publisherType)} → ${bad.body}`);
      assert.equal(bad.json().error.code, 'validation_failed');
      assert.ok(bad.json().error.details.publisherType, JSON.stringify(bad.json().error.details));
    }
    assert.equal((await api('GET', '/api/v1/organizations/oppna-data-foreningen')).json().effectivePublisherType, 'RegionalAuthority', 'a refused change changes nothing');
    const onCreate = await api('POST', '/api/v1/organizations', siteAdmin, { name: { sv: 'Standardiseringsorganet' }, type: 'other', publisherType: 'StandardisationBody' });
    assert.equal(onCreate.statusCode, 201, onCreate.body);
    assert.equal(onCreate.json().effectivePublisherType, 'StandardisationBody');
    assert.equal((await api('POST', '/api/v1/organizations', siteAdmin, { name: { sv: 'X' }, publisherType: 'Church' })).statusCode, 400);
  });

  test('list: { total, items }, limit/offset, q and type filters, Link headers', async () => {
    for (const [sv, slug] of [
      ['Ystads kommun', 'ystad'],
      ['Ängelholms kommun', 'angelholm'],
      ['Östra Göinge kommun', 'ostra-goinge'],
    ]) {
      await createOrg(t, { name: { sv: sv! }, slug: slug!, type: 'municipality' });
    }
    const page = await api('GET', '/api/v1/organizations?type=municipality&limit=2&offset=1');
    assert.equal(page.statusCode, 200);
    const body = page.json();
    assert.equal(body.total, 3);
    assert.deepEqual(
      body.items.map((o: { slug: string }) => o.slug),
      ['angelholm', 'ostra-goinge'],
    );
    const link = String(page.headers.link);
    assert.match(link, /<http:\/\/allmanning\.test\/api\/v1\/organizations\?type=municipality&limit=2&offset=0>; rel="first"/);
    assert.match(link, /offset=0>; rel="prev"/);
    assert.doesNotMatch(link, /rel="next"/);
    assert.match(link, /offset=2>; rel="last"/);
    const search = await api('GET', `/api/v1/organizations?q=${encodeURIComponent('ängelholm')}`);
    assert.deepEqual(
      search.json().items.map((o: { slug: string }) => o.slug),
      ['angelholm'],
    );
    const first = await api('GET', '/api/v1/organizations');
    assert.ok(first.json().total >= 4);
    assert.match(String(first.headers.link), /limit=20&offset=0>; rel="first"/);
    for (const bad of ['limit=0', 'limit=1001', 'offset=-1', 'limit=abc', 'type=church', `q=${'q'.repeat(201)}`]) {
      const res = await api('GET', `/api/v1/organizations?${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assert.equal(res.json().error.code, 'validation_failed');
    }
  });

  test('members: visible to members and site admins (404 to outsiders, 401 without token); e-mails only for admins', async () => {
    assert.equal((await api('GET', '/api/v1/organizations/trafikverket/members')).statusCode, 401);
    assert.equal((await api('GET', '/api/v1/organizations/trafikverket/members', outsider)).statusCode, 404);
    const asEditor = await api('GET', '/api/v1/organizations/trafikverket/members', editor);
    assert.equal(asEditor.statusCode, 200);
    assert.equal(asEditor.json().total, 2);
    assert.deepEqual(
      asEditor.json().items.map((m: { name: string; role: string; email?: string }) => [m.name, m.role, m.email]),
      [
        ['Ada Admin', 'admin', undefined],
        ['Erik Redaktör', 'editor', undefined],
      ],
    );
    const asAdmin = await api('GET', '/api/v1/organizations/trafikverket/members', orgAdmin);
    assert.equal(asAdmin.json().items[0].email, orgAdmin.email);
    assert.ok(asAdmin.headers.link);
  });

  test('members: add, change role, remove; the last admin stays (409 last_admin); bad input 400', async () => {
    const newcomer = await createUser(t, { name: 'Nina Ny' });
    const forbidden = await api('POST', '/api/v1/organizations/trafikverket/members', editor, { email: newcomer.email, role: 'member' });
    assert.equal(forbidden.statusCode, 403);
    const added = await api('POST', '/api/v1/organizations/trafikverket/members', orgAdmin, { email: newcomer.email, role: 'member' });
    assert.equal(added.statusCode, 201, added.body);
    assert.deepEqual({ ...(added.json() as object), createdAt: undefined }, { userId: newcomer.id, name: 'Nina Ny', email: newcomer.email, role: 'member', createdAt: undefined });
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/members', orgAdmin, { email: newcomer.email, role: 'editor' })).statusCode, 200);
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/members', orgAdmin, { email: 'ingen@example.se', role: 'member' })).statusCode, 400);
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/members', orgAdmin, { email: newcomer.email, role: 'owner' })).statusCode, 400);
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/members', orgAdmin, { email: newcomer.email, role: 'member', extra: 1 })).statusCode, 400);

    const changed = await api('PATCH', `/api/v1/organizations/trafikverket/members/${newcomer.id}`, orgAdmin, { role: 'admin' });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().role, 'admin');
    assert.equal((await api('PATCH', `/api/v1/organizations/trafikverket/members/${newcomer.id}`, orgAdmin, { role: 'member' })).statusCode, 200);
    const lastAdmin = await api('PATCH', `/api/v1/organizations/trafikverket/members/${orgAdmin.id}`, orgAdmin, { role: 'member' });
    assert.equal(lastAdmin.statusCode, 409);
    assert.equal(lastAdmin.json().error.code, 'last_admin');
    assert.equal((await api('DELETE', `/api/v1/organizations/trafikverket/members/${orgAdmin.id}`, siteAdmin)).statusCode, 409);
    assert.equal((await api('DELETE', `/api/v1/organizations/trafikverket/members/${newcomer.id}`, editor)).statusCode, 403);
    assert.equal((await api('DELETE', `/api/v1/organizations/trafikverket/members/${newcomer.id}`, orgAdmin)).statusCode, 204);
    assert.equal((await api('DELETE', `/api/v1/organizations/trafikverket/members/${newcomer.id}`, orgAdmin)).statusCode, 404);
    assert.equal((await api('DELETE', `/api/v1/organizations/trafikverket/members/${newcomer.id}`, outsider)).statusCode, 404);
  });

  test('invitations: admins invite, list and withdraw; others cannot', async () => {
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/invitations', editor, { email: 'ny@example.se', role: 'editor' })).statusCode, 403);
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/invitations', outsider, { email: 'ny@example.se', role: 'editor' })).statusCode, 404);
    const created = await api('POST', '/api/v1/organizations/trafikverket/invitations', orgAdmin, { email: 'ny@example.se', role: 'editor', locale: 'en' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().role, 'editor');
    assert.equal(created.json().token, undefined, 'the secret link goes only by mail');
    const list = await api('GET', '/api/v1/organizations/trafikverket/invitations', orgAdmin);
    assert.deepEqual(
      list.json().items.map((i: { email: string }) => i.email),
      ['ny@example.se'],
    );
    assert.equal((await api('GET', '/api/v1/organizations/trafikverket/invitations', editor)).statusCode, 403);
    assert.equal((await api('DELETE', `/api/v1/organizations/trafikverket/invitations/${created.json().id}`, orgAdmin)).statusCode, 204);
    assert.equal((await api('GET', '/api/v1/organizations/trafikverket/invitations', orgAdmin)).json().total, 0);
    assert.equal((await api('POST', '/api/v1/organizations/trafikverket/invitations', orgAdmin, { email: 'bad', role: 'editor' })).statusCode, 400);
  });

  test('logo: PUT an image (PNG stored, resized); a text file 400; SVG 415; too large 413; DELETE removes it', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 11, g: 79, b: 60 } } }).jpeg().toBuffer();
    const put = (body: Buffer, type: string, user: TestUser | null = orgAdmin) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/organizations/trafikverket/logo', headers: { ...(user ? bearer(user) : {}), 'content-type': type }, payload: body });
    assert.equal((await put(jpeg, 'image/jpeg', null)).statusCode, 401);
    assert.equal((await put(jpeg, 'image/jpeg', editor)).statusCode, 403);
    const ok = await put(jpeg, 'image/jpeg');
    assert.equal(ok.statusCode, 200, ok.body);
    const logoUrl: string = ok.json().logoUrl;
    assert.match(logoUrl, /^http:\/\/allmanning\.test\/organizations\/trafikverket\/logo\?v=[0-9a-f]{16}$/);
    const image = await t.app.inject({ method: 'GET', url: logoUrl.replace('http://allmanning.test', '') });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.match(String(image.headers['cache-control']), /max-age=31536000, immutable/);
    const meta = await sharp(image.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 512, 256], 'fits inside 512×512, aspect kept');

    const text = await put(Buffer.from('this is not an image at all'), 'image/png');
    assert.equal(text.statusCode, 400);
    assert.ok(text.json().error.details.logo);
    const svg = await put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml');
    assert.equal(svg.statusCode, 415);
    const huge = await put(Buffer.alloc(2 * 1024 * 1024 + 1, 1), 'image/png');
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'payload_too_large');

    const removed = await t.app.inject({ method: 'DELETE', url: '/api/v1/organizations/trafikverket/logo', headers: bearer(orgAdmin) });
    assert.equal(removed.statusCode, 204);
    assert.equal((await api('GET', '/api/v1/organizations/trafikverket')).json().logoUrl, null);
    assert.equal((await t.app.inject({ method: 'GET', url: '/organizations/trafikverket/logo' })).statusCode, 404);
  });

  test('DELETE an organisation: site admins only', async () => {
    const doomed = await createOrg(t, { slug: 'ska-bort' });
    await addMember(t, doomed.id, orgAdmin, 'admin');
    assert.equal((await api('DELETE', '/api/v1/organizations/ska-bort')).statusCode, 401);
    assert.equal((await api('DELETE', '/api/v1/organizations/ska-bort', orgAdmin)).statusCode, 403);
    assert.equal((await api('DELETE', '/api/v1/organizations/ska-bort', siteAdmin)).statusCode, 204);
    assert.equal((await api('GET', '/api/v1/organizations/ska-bort')).statusCode, 404);
  });

  test('the operations are in the OpenAPI document', async () => {
    const spec = (await api('GET', '/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/organizations', '/api/v1/organizations/{idOrSlug}', '/api/v1/organizations/{idOrSlug}/members', '/api/v1/organizations/{idOrSlug}/members/{userId}', '/api/v1/organizations/{idOrSlug}/invitations', '/api/v1/organizations/{idOrSlug}/logo']) {
      assert.ok(spec.paths[path], path);
    }
  });
});
