// A contact point's postal address on the pages: shown in the dataset's metadata, filled into the
// editor part by part, kept by an edit that does not touch it, changed or cleared by one that does,
// and a part over the limit answered with 400 and the message at the field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { addMember, createOrg, createUser, formSession, sessionCookie, type TestUser } from '../organizations/testing.js';
import { startApp, type CatalogTestApp } from './testing.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('contact addresses on the catalog pages', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let cookie: string;

  const get = (url: string) => t.app.inject({ method: 'GET', url, cookies: { allmanning_session: cookie } });
  const post = async (url: string, fields: Record<string, string>) => {
    const form = await formSession(t, url, cookie);
    assert.equal(form.status, 200, `the form page ${url} opens`);
    return t.app.inject({ method: 'POST', url, headers: FORM, cookies: form.cookies, payload: new URLSearchParams({ _csrf: form.csrf, ...fields }).toString() });
  };
  const stored = async () => (await domainsOf(t.deps).catalog.catalog.datasets.get(await editor.actor(), 'bibliotek')).state.metadata.contactPoint;

  before(async () => {
    t = await startApp();
    editor = await createUser(t, { name: 'Eva Redaktör' });
    const org = await createOrg(t, { name: { sv: 'Kulturrådet' }, slug: 'kulturradet' });
    await addMember(t, org.id, editor, 'editor');
    cookie = await sessionCookie(t, editor);
    await domainsOf(t.deps).catalog.catalog.datasets.create(await editor.actor(), {
      organization: 'kulturradet',
      slug: 'bibliotek',
      title: { sv: 'Bibliotek i Sverige' },
      contactPoint: { kind: 'organization', name: 'Öppna data', email: 'data@example.se', address: { street: 'Exempelgatan 1', postalCode: '700 00', locality: 'Teststaden', country: 'Sverige' } },
    });
  });
  after(() => t.close());

  test('the dataset page shows the address under its own label, in Swedish and English', async () => {
    const sv = (await get('/datasets/bibliotek')).body;
    assert.match(sv, /<dt>Postadress<\/dt><dd><address>Exempelgatan 1<br\/>700 00 Teststaden<br\/>Sverige<\/address><\/dd>/);
    assert.match((await get('/en/datasets/bibliotek')).body, /<dt>Postal address<\/dt>/);
  });

  test('the editor fills in the parts; an edit elsewhere keeps the address, clearing the parts removes it', async () => {
    const form = (await get('/datasets/bibliotek/edit')).body;
    for (const [part, value] of [['street', 'Exempelgatan 1'], ['postalCode', '700 00'], ['locality', 'Teststaden'], ['country', 'Sverige']]) {
      assert.match(form, new RegExp(`name="contactPoint\\.address\\.${part}"[^>]*value="${value}"`), part);
    }
    const fields = { 'title.sv': 'Bibliotek i Sverige', 'contactPoint.kind': 'organization', 'contactPoint.name': 'Öppna data', 'contactPoint.email': 'data@example.se' };
    const address = { 'contactPoint.address.street': 'Exempelgatan 1', 'contactPoint.address.postalCode': '700 00', 'contactPoint.address.locality': 'Teststaden', 'contactPoint.address.country': 'Sverige' };
    assert.equal((await post('/datasets/bibliotek/edit', { ...fields, ...address, 'title.sv': 'Bibliotek i hela Sverige' })).statusCode, 303);
    assert.deepEqual((await stored())?.address, { street: 'Exempelgatan 1', postalCode: '700 00', locality: 'Teststaden', country: 'Sverige' });

    const tooLong = await post('/datasets/bibliotek/edit', { ...fields, ...address, 'contactPoint.address.street': 'g'.repeat(201) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Gatuadress: För lång: högst 200 tecken\./);
    assert.equal((await stored())?.address?.street, 'Exempelgatan 1', 'nothing saved');

    assert.equal((await post('/datasets/bibliotek/edit', { ...fields, 'contactPoint.address.locality': 'Nystaden' })).statusCode, 303);
    assert.deepEqual((await stored())?.address, { locality: 'Nystaden' });
    assert.equal((await post('/datasets/bibliotek/edit', fields)).statusCode, 303);
    assert.equal((await stored())?.address, undefined);
  });
});
