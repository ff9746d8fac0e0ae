// The distribution form through app.inject: a multipart upload streamed to storage (checksum, size
// and preview of a ;-separated CSV with decimal commas and of a Windows-1252 CSV), a file over the
// limit (413, nothing stored), a file that is not what its format says (400), a distribution as a
// link with edit and removal, and CSRF on the streamed form.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { addMember, createOrg, createUser, formSession, multipartBody, sessionCookie, urlencoded, type TestUser } from '../organizations/testing.js';
import { startApp, type CatalogTestApp } from './testing.js';

const UPLOAD_LIMIT = 4096;
const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';

/** The text of an HTML page without tags (what a reader sees). */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

const revisionIn = (html: string) => /name="revision" value="([^"]*)"/.exec(html)?.[1]?.replace(/&quot;/g, '"') ?? '';

describe('distribution pages', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let session = '';

  const get = (url: string, signedIn = true) => t.app.inject({ method: 'GET', url, cookies: signedIn ? { allmanning_session: session } : {} });
  /** Opens the form as the editor and posts it as a browser does: multipart, the file last. */
  const upload = async (formUrl: string, action: string, fields: Record<string, string>, file?: { data: Buffer; filename: string; type: string }) => {
    const form = await formSession(t, formUrl, session);
    assert.equal(form.status, 200, `the form page ${formUrl} opens`);
    const body = await multipartBody({ _csrf: form.csrf, revision: revisionIn(form.body), ...fields }, file ? { file } : {});
    return t.app.inject({ method: 'POST', url: action, headers: { 'content-type': body.contentType }, cookies: form.cookies, payload: body.payload });
  };
  const post = async (formUrl: string, action: string, fields: Record<string, string>) => {
    const form = await formSession(t, formUrl, session);
    return t.app.inject({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: form.cookies, payload: urlencoded({ _csrf: form.csrf, ...fields }) });
  };
  const catalog = () => domainsOf(t.deps).catalog.catalog;

  before(async () => {
    t = await startApp({ ALLMANNING_UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) });
    editor = await createUser(t, { name: 'Eva Redaktör' });
    const org = await createOrg(t, { name: { sv: 'Statistikverket' }, slug: 'statistikverket' });
    await addMember(t, org.id, editor, 'editor');
    session = await sessionCookie(t, editor);
    const actor = await editor.actor();
    await catalog().datasets.create(actor, { organization: 'statistikverket', title: { sv: 'Befolkning per kommun' }, description: { sv: 'Antal invånare.' }, slug: 'befolkning' });
    await catalog().datasets.publish(actor, 'befolkning', { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true });
    await catalog().datasets.create(actor, { organization: 'statistikverket', title: { sv: 'Skolor i Sverige' }, slug: 'skolor-i-sverige' });
  });
  after(() => t.close());

  test('an uploaded ;-separated CSV with decimal commas: stored, checksum and size shown, previewed', async () => {
    const csv = Buffer.from('Kommun;Andel;Antal\nStockholm;12,5;1000\nGöteborg;7,25;2000\n', 'utf8');
    const res = await upload('/datasets/befolkning/distributions/new', '/datasets/befolkning/distributions/new', { 'title.sv': 'Andelar', license: CC_BY, format: '' }, { data: csv, filename: 'andelar.csv', type: 'text/csv' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/datasets/befolkning');
    const page = await get('/datasets/befolkning');
    const sha = createHash('sha256').update(csv).digest('hex');
    assert.match(page.body.replace(/<wbr\/>/g, ''), new RegExp(`<code class="checksum">${sha}</code>`), 'the checksum (with break opportunities)');
    assert.match(text(page.body), new RegExp(`Storlek ${csv.length} byte`));
    assert.match(page.body, /<caption id="preview-caption">De första raderna i Andelar<\/caption>/);
    assert.match(page.body, /<th scope="col">Andel<\/th>/);
    assert.match(page.body, /<td>12,5<\/td><td>1000<\/td>/);
    assert.match(page.body, /<div class="table-scroll" role="region" aria-labelledby="preview-caption" tabindex="0">/);
    const download = /href="(\/datasets\/befolkning\/distributions\/[^"]+\/download\/andelar.csv)"/.exec(page.body)![1]!;
    const file = await t.app.inject({ method: 'GET', url: download });
    assert.equal(createHash('sha256').update(file.rawPayload).digest('hex'), sha);
    const previewHref = /href="(\/datasets\/befolkning\/distributions\/[^"]+\/preview)"/.exec(page.body)![1]!;
    const preview = await get(`/en${previewHref}`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h1>Preview of Andelar<\/h1>/);
    assert.match(preview.body, /<td>Göteborg<\/td><td>7,25<\/td>/);
  });

  test('a Windows-1252 CSV shows å, ä and ö correctly', async () => {
    const csv = Buffer.from('Län;Kommun;Invånare\nJämtlands län;Åre;11 000\nÖrebro län;Örebro;160 000\n', 'latin1');
    const res = await upload('/datasets/skolor-i-sverige/distributions/new', '/datasets/skolor-i-sverige/distributions/new', { 'title.sv': 'Invånare', license: CC_BY }, { data: csv, filename: 'invanare.csv', type: 'text/csv' });
    assert.equal(res.statusCode, 303, res.body);
    const page = await get('/datasets/skolor-i-sverige');
    assert.match(page.body, /<th scope="col">Invånare<\/th>/);
    assert.match(page.body, /<td>Jämtlands län<\/td><td>Åre<\/td>/);
    assert.match(page.body, /<td>Örebro län<\/td>/);
  });

  test('an upload over the limit: 413, the form again with the message, nothing stored', async () => {
    const before = t.storedFileCount();
    const distributions = (await catalog().datasets.get(await editor.actor(), 'befolkning')).state.distributions?.length;
    const big = Buffer.alloc(UPLOAD_LIMIT + 500, 'a;b\n');
    const res = await upload('/datasets/befolkning/distributions/new', '/datasets/befolkning/distributions/new', { 'title.sv': 'För stor' }, { data: big, filename: 'stor.csv', type: 'text/csv' });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /<a href="#field-file">Fil: Filen är för stor.<\/a>/);
    assert.match(res.body, /value="För stor"/);
    assert.equal(t.storedFileCount(), before);
    assert.equal((await catalog().datasets.get(await editor.actor(), 'befolkning')).state.distributions?.length, distributions);
  });

  test('a file that is not what the format says: 400 with the message', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
    const res = await upload('/datasets/befolkning/distributions/new', '/datasets/befolkning/distributions/new', { format: 'http://publications.europa.eu/resource/authority/file-type/CSV' }, { data: png, filename: 'bild.csv', type: 'text/csv' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Filens innehåll stämmer inte med det angivna formatet/);
  });

  test('a distribution as a link; edit and remove with confirmation', async () => {
    const res = await upload('/datasets/skolor-i-sverige/distributions/new', '/datasets/skolor-i-sverige/distributions/new', { 'title.sv': 'Hos SCB', accessUrl: 'https://example.se/scb', license: 'http://creativecommons.org/licenses/by-nc/4.0/' });
    assert.equal(res.statusCode, 303, res.body);
    const view = await catalog().datasets.get(await editor.actor(), 'skolor-i-sverige');
    const id = view.state.distributions!.find((d) => d.metadata.title.sv === 'Hos SCB')!.id;
    const page = text((await get('/datasets/skolor-i-sverige')).body);
    assert.match(page, /Inte öppna data Licensen begränsar/, 'a non-open licence is marked where it is shown');

    const edit = await get(`/datasets/skolor-i-sverige/distributions/${id}/edit`);
    assert.match(edit.body, /value="https:\/\/example.se\/scb"/);
    assert.match(edit.body, /<optgroup label="Rekommenderade licenser">/);
    const saved = await upload(`/datasets/skolor-i-sverige/distributions/${id}/edit`, `/datasets/skolor-i-sverige/distributions/${id}/edit`, { 'title.sv': 'Hos SCB', accessUrl: 'https://example.se/scb2', license: CC_BY });
    assert.equal(saved.statusCode, 303, saved.body);

    const confirm = await get(`/datasets/skolor-i-sverige/distributions/${id}/remove`);
    assert.match(confirm.body, /Ta bort Hos SCB\?/);
    const removed = await post(`/datasets/skolor-i-sverige/distributions/${id}/remove`, `/datasets/skolor-i-sverige/distributions/${id}/remove`, {
      revision: revisionIn(confirm.body),
    });
    assert.equal(removed.statusCode, 303);
    const after = await catalog().datasets.get(await editor.actor(), 'skolor-i-sverige');
    assert.equal(after.state.distributions!.some((d) => d.id === id), false);
  });

  test('the streamed form checks the CSRF token before anything is stored', async () => {
    const files = t.storedFileCount();
    const body = await multipartBody({ revision: '', 'title.sv': 'Utan token' }, { file: { data: Buffer.from('a;b\n1;2\n'), filename: 'x.csv', type: 'text/csv' } });
    const res = await t.app.inject({ method: 'POST', url: '/datasets/befolkning/distributions/new', headers: { 'content-type': body.contentType }, cookies: { allmanning_session: session }, payload: body.payload });
    assert.equal(res.statusCode, 403);
    assert.equal(t.storedFileCount(), files);
    assert.equal((await get('/datasets/befolkning/distributions/new', false)).statusCode, 404, 'no form for the anonymous');
  });
});
