// The import page through app.inject: only the organisation's admins and site admins see it (404
// for others), a file upload (multipart, streamed) and a URL are imported into the organisation and
// answered with the report — counts announced, a table with caption and headers — a broken file
// gives the one line, a too large one 413, and earlier runs are listed and can be opened. English
// at /en/…; the accessibility conventions of the other pages (one h1, labelled fields, error summary).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { domainsOf } from '../../../domains.js';
import { addMember, createOrg, createUser, formSession, multipartBody, sessionCookie, startApp, type OrgTestApp, type TestUser } from '../../organizations/testing.js';

const fixtures = fileURLToPath(new URL('../../../../../shared/fixtures/catalogs/', import.meta.url));

/** The text of an HTML page without tags (what a reader sees). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the import page', () => {
  let t: OrgTestApp;
  let admin: TestUser;
  let editor: TestUser;
  let siteAdmin: TestUser;
  let orgSlug: string;

  before(async () => {
    t = await startApp();
    [admin, editor, siteAdmin] = await Promise.all([createUser(t), createUser(t), createUser(t, { siteAdmin: true })]);
    const org = await createOrg(t, { slug: 'kulturarvet', name: { sv: 'Kulturarvet' } });
    orgSlug = org.slug;
    await addMember(t, org.id, admin, 'admin');
    await addMember(t, org.id, editor, 'editor');
  });
  after(() => t.close());

  const get = async (url: string, user?: TestUser) => t.app.inject({ method: 'GET', url, cookies: user ? { allmanning_session: await sessionCookie(t, user) } : {} });

  async function upload(user: TestUser, fields: Record<string, string>, file?: { data: Buffer; filename: string; type: string }, url = `/organizations/${orgSlug}/import`) {
    const form = await formSession(t, url, await sessionCookie(t, user));
    assert.equal(form.status, 200);
    const body = await multipartBody({ _csrf: form.csrf, ...fields }, file ? { file } : {});
    return t.app.inject({ method: 'POST', url, headers: { 'content-type': body.contentType }, cookies: form.cookies, payload: body.payload });
  }

  test('only admins of the organisation and site admins may open it', async () => {
    assert.equal((await get(`/organizations/${orgSlug}/import`)).statusCode, 404);
    assert.equal((await get(`/organizations/${orgSlug}/import`, editor)).statusCode, 404);
    assert.equal((await get(`/organizations/${orgSlug}/import`, admin)).statusCode, 200);
    assert.equal((await get(`/organizations/${orgSlug}/import`, siteAdmin)).statusCode, 200);
    assert.equal((await get('/organizations/finns-inte/import', siteAdmin)).statusCode, 404);
  });

  test('the form: one h1, labelled fields with hints, no runs yet; English at /en', async () => {
    const page = await get(`/organizations/${orgSlug}/import`, admin);
    assert.equal((page.body.match(/<h1\b/g) ?? []).length, 1);
    assert.match(page.body, /<html lang="sv"/);
    assert.match(page.body, /<form [^>]*enctype="multipart\/form-data"/);
    assert.match(page.body, /<label for="field-url">/);
    assert.match(page.body, /<input id="field-url" name="url" type="url"[^>]*aria-describedby="field-url-hint"/);
    assert.match(page.body, /<label for="field-file">/);
    assert.match(text(page.body), /Inga importer ännu\./);
    const english = await get(`/en/organizations/${orgSlug}/import`, admin);
    assert.match(english.body, /<html lang="en"/);
    assert.match(text(english.body), /Import a DCAT catalog/);
  });

  test('a file is imported into the organisation and the report is shown; the run is listed', async () => {
    const data = fs.readFileSync(path.join(fixtures, 'se', 'raa-ksamsok-maquette.ttl'));
    const response = await upload(admin, { url: '' }, { data, filename: 'katalog.ttl', type: 'text/turtle' });
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    assert.match(response.body, /<div class="notice notice-info" role="status">/);
    const page = text(response.body);
    assert.match(page, /1 skapade, 0 uppdaterade, 0 oförändrade och 0 misslyckade av 1 resurser\./);
    assert.match(page, /1 datamängder med 2 distributioner/);
    assert.match(response.body, /<caption>Vad som importerades, per resurs<\/caption>/);
    assert.match(response.body, /<th scope="col">Resurs<\/th>/);
    assert.match(page, /dcat:distribution\[1\]\/dct:format: "application\/rdf\+xml" blev http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/RDF_XML/);
    assert.match(page, /togs bort – katalogen sparar inte den egenskapen/);
    const datasets = await domainsOf(t.deps).catalog.catalog.datasets.list({ kind: 'anonymous' }, { organization: orgSlug, limit: 10, offset: 0 });
    assert.deepEqual(datasets.items.map((i) => i.metadata.title.sv), ['FMIS']);

    const form = await get(`/organizations/${orgSlug}/import`, admin);
    assert.match(form.body, /<caption class="visually-hidden">De senaste importerna till organisationen<\/caption>/);
    const runLink = /href="(\/organizations\/kulturarvet\/import\/[0-9a-f-]+)"/.exec(form.body)?.[1];
    assert.ok(runLink, 'the run links to its report');
    assert.match(text(form.body), /katalog\.ttl Klar 1 skapade, 0 uppdaterade, 0 oförändrade, 0 misslyckade/);
    const earlier = await get(runLink, admin);
    assert.equal(earlier.statusCode, 200);
    assert.match(text(earlier.body), /Importrapport/);
    assert.equal((await get(runLink, editor)).statusCode, 404);

    const again = await upload(admin, {}, { data, filename: 'katalog.ttl', type: 'text/turtle' });
    assert.match(text(again.body), /0 skapade, 0 uppdaterade, 1 oförändrade/);
  });

  test('a broken file gives its one line; neither or both sources, a bad URL and a refused one are field errors', async () => {
    const broken = await upload(admin, {}, { data: fs.readFileSync(path.join(fixtures, 'piveau', 'example_dataset.ttl')), filename: 'piveau.ttl', type: 'text/turtle' });
    assert.equal(broken.statusCode, 422);
    assert.match(text(broken.body), /Källan kunde inte läsas: piveau\.ttl:17:1: expected declaration to end with a dot/);

    const none = await upload(admin, { url: '' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /class="error-summary" role="alert"/);
    assert.match(none.body, /<a href="#field-url">Katalogens webbadress: Ange en webbadress eller välj en fil\.<\/a>/);
    const both = await upload(admin, { url: 'https://example.se/dcat' }, { data: Buffer.from('x'), filename: 'a.ttl', type: 'text/turtle' });
    assert.match(text(both.body), /Ange antingen en webbadress eller en fil, inte båda\./);
    const bad = await upload(admin, { url: 'ftp://example.se' });
    assert.match(text(bad.body), /Ange en webbadress som börjar med http/);
    const refused = await upload(admin, { url: 'http://127.0.0.1:9/dcat' });
    assert.equal(refused.statusCode, 422);
    assert.match(text(refused.body), /private or loopback address/);
  });

  test('an editor cannot post to it', async () => {
    const form = await formSession(t, `/organizations/${orgSlug}/import`, await sessionCookie(t, admin));
    const body = await multipartBody({ _csrf: form.csrf, url: 'https://example.se/dcat' });
    const response = await t.app.inject({ method: 'POST', url: `/organizations/${orgSlug}/import`, headers: { 'content-type': body.contentType }, cookies: { ...form.cookies, allmanning_session: await sessionCookie(t, editor) }, payload: body.payload });
    assert.ok([403, 404].includes(response.statusCode), String(response.statusCode));
  });
});
