// The catalog API end to end through app.inject against a real database (SQLite, or PostgreSQL
// with TEST_DATABASE_URL): drafts, publishing rules, HVD, visibility, soft delete, If-Match, uploads,
// downloads, previews, history and restore.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addMember, bearer, createOrg, createUser, multipartBody, type TestUser } from '../organizations/testing.js';
import { startApp as startCatalogApp, type CatalogTestApp } from './testing.js';

const CONFIRM = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };
const HVD_LAW = 'http://data.europa.eu/eli/reg_impl/2023/138/oj';
const MAX_UPLOAD = 64 * 1024;

/** Every file stored under the data directory's files/ tree (temporary ones included). */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(root, p)).isFile());
}

describe('catalog API', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let org: { id: string; slug: string };

  const call = (method: string, url: string, user?: TestUser, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'GET', url, headers: { ...(user ? bearer(user) : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  async function draft(extra: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/v1/datasets', editor, { organization: org.slug, title: { sv: 'Förskolor i Malmö' }, description: { sv: 'Alla förskolor med adress.' }, ...extra });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; slug: string; revision: number };
  }

  async function upload(slug: string, data: Buffer, filename: string, metadata: Record<string, unknown> = {}, user = editor) {
    const body = await multipartBody({ metadata: JSON.stringify({ title: { sv: 'Fil' }, license: 'CC0', ...metadata }) }, { file: { data, filename, type: 'text/csv' } });
    return t.app.inject({ method: 'POST', url: `/api/v1/datasets/${slug}/distributions`, headers: { ...bearer(user), 'content-type': body.contentType }, payload: body.payload });
  }

  before(async () => {
    t = await startCatalogApp({ ALLMANNING_UPLOAD_MAX_BYTES: String(MAX_UPLOAD) });
    org = await createOrg(t, { name: { sv: 'Malmö stad' }, slug: 'malmo-stad', type: 'municipality' });
    editor = await createUser(t);
    member = await createUser(t);
    outsider = await createUser(t);
    await addMember(t, org.id, editor, 'editor');
    await addMember(t, org.id, member, 'member');
  });
  after(() => t.close());

  test('POST {} → 400 naming organization and title', async () => {
    const res = await call('POST', '/api/v1/datasets', editor, {});
    assert.equal(res.statusCode, 400);
    const details = res.json().error.details as Record<string, string[]>;
    assert.ok(details.organization, res.body);
    assert.ok(Object.keys(details).some((k) => k.startsWith('title')), res.body);
  });

  test('a contact point’s postal address: stored and shown; a part over 200 characters or an unknown part → 400 naming it', async () => {
    const contactPoint = { name: 'Kundcenter', email: 'kundcenter@malmo.se' };
    const address = { street: 'August Palms plats 1', postalCode: '205 80', locality: 'Malmö', country: 'Sverige' };
    const created = await draft({ contactPoint: { ...contactPoint, address: { ...address, street: ` ${address.street} ` } } });
    const shown = await call('GET', `/api/v1/datasets/${created.slug}`, editor);
    assert.deepEqual(shown.json().contactPoint, { kind: 'organization', ...contactPoint, address });

    for (const [part, value] of [['street', 'g'.repeat(201)], ['country', 'S'.repeat(201)], ['region', 'Skåne']] as const) {
      const bad = await call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { contactPoint: { ...contactPoint, address: { ...address, [part]: value } } }, { 'if-match': `"${created.id}.${created.revision}"` });
      assert.equal(bad.statusCode, 400, `${part}: ${bad.body}`);
      assert.equal(bad.json().error.code, 'validation_failed');
      const fields = Object.keys(bad.json().error.details);
      assert.ok(fields.some((f) => f.includes('address') && (f.includes(part) || part === 'region')), `${part}: ${fields.join(', ')}`);
    }
    const atLimit = await call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { contactPoint: { ...contactPoint, address: { street: 'g'.repeat(200) } } }, { 'if-match': `"${created.id}.${created.revision}"` });
    assert.equal(atLimit.statusCode, 200, atLimit.body);
    assert.deepEqual(atLimit.json().contactPoint.address, { street: 'g'.repeat(200) });
    const removed = await call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { contactPoint: { ...contactPoint, address: null } }, { 'if-match': `"${created.id}.${atLimit.json().revision}"` });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().contactPoint.address, undefined);
  });

  test('a draft needs only organisation and Swedish title; outsiders cannot see it; members can', async () => {
    const res = await call('POST', '/api/v1/datasets', editor, { organization: org.slug, title: { sv: 'Bara en titel' } });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.equal(created.status, 'draft');
    assert.equal(created.slug, 'bara-en-titel');
    assert.equal(res.headers.etag, `"${created.id}.1"`);
    assert.equal(created.readiness.canPublish, false);
    assert.deepEqual(created.readiness.missing.map((m: { field: string }) => m.field), ['description.sv']);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`)).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`, outsider)).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`, member)).statusCode, 200);
    assert.equal((await call('POST', '/api/v1/datasets', outsider, { organization: org.slug, title: { sv: 'X' } })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/datasets', undefined, { organization: org.slug, title: { sv: 'X' } })).statusCode, 401);
    // "new" is the editor's path, never a dataset's slug.
    assert.equal((await call('POST', '/api/v1/datasets', editor, { organization: org.slug, title: { sv: 'New' } })).json().slug, 'new-2');
    assert.equal((await call('POST', '/api/v1/datasets', editor, { organization: org.slug, slug: 'new', title: { sv: 'X' } })).statusCode, 409);
    const list = (await call('GET', `/api/v1/datasets?organization=${org.slug}`)).json();
    assert.ok(!list.items.some((d: { id: string }) => d.id === created.id));
  });

  test('publishing without mandatory fields → 400 listing each; without confirmation → 400 per confirmation', async () => {
    const res = await call('POST', '/api/v1/datasets', editor, { organization: org.slug, title: { sv: 'Tom' } });
    const slug = res.json().slug;
    await call('POST', `/api/v1/datasets/${slug}/distributions`, editor, { title: { sv: 'Länk' }, downloadUrl: 'https://malmo.se/data.csv' });
    const publish = await call('POST', `/api/v1/datasets/${slug}/publish`, editor, { noSecrecy: false, personalDataAssessed: true, noThirdPartyRights: true, authorized: false });
    assert.equal(publish.statusCode, 400);
    assert.deepEqual(Object.keys(publish.json().error.details).sort(), ['confirmation.authorized', 'confirmation.noSecrecy', 'description.sv']);
    assert.match(publish.json().error.details['description.sv'][0], /Swedish description/);
  });

  test('publish, then the public sees it; edits that would break a published dataset are refused', async () => {
    const created = await draft();
    const published = await call('POST', `/api/v1/datasets/${created.slug}/publish`, editor, CONFIRM);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');
    assert.ok(published.json().publishedAt);
    const anon = await call('GET', `/api/v1/datasets/${created.slug}`);
    assert.equal(anon.statusCode, 200);
    assert.equal(anon.json().abilities.edit, false);
    const broken = await call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { description: { sv: null } });
    assert.equal(broken.statusCode, 400);
    assert.ok(broken.json().error.details['description.sv']);
    const history = await call('GET', `/api/v1/datasets/${created.slug}/history`, editor);
    assert.deepEqual(history.json().items.map((i: { action: string }) => i.action), ['published', 'created']);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}/history`, member)).statusCode, 403);
  });

  test('an HVD dataset under CC BY-NC → 400; under CC BY 4.0 with bulk download and API it publishes', async () => {
    const created = await draft({
      hvd: true,
      hvdCategories: ['http://data.europa.eu/bna/c_ac64a52d'],
      applicableLegislation: [HVD_LAW],
      contactPoint: { name: 'Öppna data', email: 'oppnadata@malmo.se' },
    });
    const link = await call('POST', `/api/v1/datasets/${created.slug}/distributions`, editor, { title: { sv: 'CSV' }, downloadUrl: 'https://malmo.se/f.csv', format: 'CSV', license: 'https://creativecommons.org/licenses/by-nc/4.0/' });
    assert.equal(link.statusCode, 201, link.body);
    assert.equal(link.json().isOpen, false);
    const service = await call('POST', '/api/v1/data-services', editor, {
      organization: org.slug,
      title: { sv: 'Förskole-API' },
      endpointUrls: ['https://api.malmo.se/forskolor'],
      endpointDescriptions: ['https://api.malmo.se/forskolor/openapi.json'],
      formats: ['application/json'],
      contactPoint: { name: 'API-stöd', email: 'api@malmo.se' },
      servesDatasets: [created.slug],
      license: 'CC_BY_4_0',
    });
    assert.equal(service.statusCode, 201, service.body);
    const refused = await call('POST', `/api/v1/datasets/${created.slug}/publish`, editor, CONFIRM);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(Object.keys(refused.json().error.details), ['hvd.licence']);
    const fixed = await call('PATCH', `/api/v1/datasets/${created.slug}/distributions/${link.json().id}`, editor, { license: 'CC BY 4.0' });
    assert.equal(fixed.json().license, 'http://creativecommons.org/licenses/by/4.0/');
    assert.equal(fixed.json().isOpen, true);
    const ok = await call('POST', `/api/v1/datasets/${created.slug}/publish`, editor, CONFIRM);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(ok.json().readiness.hvdChecklist.every((c: { ok: boolean }) => c.ok));
    assert.deepEqual(ok.json().dataServices.map((s: { slug: string }) => s.slug), ['forskole-api']);
  });

  test('two concurrent edits: the second gets 412 and overwrites nothing', async () => {
    const created = await draft();
    const etag = `"${created.id}.${created.revision}"`;
    const [first, second] = await Promise.all([
      call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { title: { sv: 'Först' } }, { 'if-match': etag }),
      call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { title: { sv: 'Sist' } }, { 'if-match': etag }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 412]);
    const winner = first.statusCode === 200 ? 'Först' : 'Sist';
    const now = await call('GET', `/api/v1/datasets/${created.id}`, editor);
    assert.equal(now.json().title.sv, winner);
    assert.equal(now.json().revision, 2);
    assert.equal((await call('GET', `/api/v1/datasets/${created.id}`, editor, undefined, { 'if-none-match': now.headers.etag as string })).statusCode, 304);
  });

  test('upload: checksum and size published, bytes downloaded with Content-Type, ETag and ranges', async () => {
    const created = await draft();
    const csv = Buffer.from('kommun;antal\nMalmö;12,5\nLund;7,25\n', 'utf8');
    const res = await upload(created.slug, csv, 'förskolor 2024.csv', { format: 'CSV' });
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json();
    assert.equal(d.byteSize, csv.length);
    assert.deepEqual(d.checksum, { algorithm: 'sha256', value: createHash('sha256').update(csv).digest('hex') });
    assert.equal(d.mediaType, 'text/csv');
    assert.ok(d.downloadUrl.startsWith('http://allmanning.test/datasets/'), d.downloadUrl);
    const downloads: unknown[] = [];
    t.deps.events.subscribe('catalog.distributionDownloaded', (event) => void downloads.push(event));
    const download = await t.app.inject({ method: 'GET', url: new URL(d.downloadUrl).pathname, headers: bearer(editor) });
    assert.equal(download.statusCode, 200);
    assert.equal(download.rawPayload.toString('hex'), csv.toString('hex'));
    assert.match(String(download.headers['content-type']), /^text\/csv/);
    assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''f%C3%B6rskolor%202024\.csv/);
    assert.equal(download.headers.etag, `"${d.checksum.value}"`);
    const range = await t.app.inject({ method: 'GET', url: new URL(d.downloadUrl).pathname, headers: { ...bearer(editor), range: 'bytes=0-6' } });
    assert.equal(range.statusCode, 206);
    assert.equal(range.body, 'kommun;');
    assert.equal((await t.app.inject({ method: 'HEAD', url: new URL(d.downloadUrl).pathname, headers: bearer(editor) })).statusCode, 200);
    assert.equal(downloads.length, 2, 'each GET is one download event (HEAD is none)');
    assert.deepEqual(Object.keys(downloads[0] as object).sort(), ['at', 'byteSize', 'datasetId', 'distributionId', 'organizationId']);
    const preview = await call('GET', `/api/v1/datasets/${created.slug}/distributions/${d.id}/preview`, editor);
    assert.equal(preview.json().delimiter, ';');
    assert.deepEqual(preview.json().rows, [['Malmö', '12,5'], ['Lund', '7,25']]);
  });

  test('a Windows-1252 CSV previews å, ä, ö correctly', async () => {
    const created = await draft();
    const text = 'ort;namn\nÅre;Älvdalens förskola\nÖrebro;Ängen\n';
    const latin1 = Buffer.from(text, 'latin1');
    const res = await upload(created.slug, latin1, 'orter.csv');
    assert.equal(res.statusCode, 201, res.body);
    const preview = (await call('GET', `/api/v1/datasets/${created.slug}/distributions/${res.json().id}/preview`, editor)).json();
    assert.equal(preview.encoding, 'windows-1252');
    assert.deepEqual(preview.columns, ['ort', 'namn']);
    assert.deepEqual(preview.rows, [['Åre', 'Älvdalens förskola'], ['Örebro', 'Ängen']]);
  });

  test('an upload over the limit → 413 and nothing is stored; a file that is not what it claims → 400', async () => {
    const created = await draft();
    const before = storedFiles(t.dataDir);
    const res = await upload(created.slug, Buffer.alloc(MAX_UPLOAD + 10, 'a'), 'stor.csv');
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().error.code, 'payload_too_large');
    assert.deepEqual(storedFiles(t.dataDir), before);
    const pdfAsCsv = await upload(created.slug, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'data.csv', { format: 'CSV' });
    assert.equal(pdfAsCsv.statusCode, 400, pdfAsCsv.body);
    assert.ok(pdfAsCsv.json().error.details.file);
    assert.deepEqual(storedFiles(t.dataDir), before);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`, editor)).json().distributions.length, 0);
    const anonymousUpload = await upload(created.slug, Buffer.from('a,b\n1,2\n'), 'x.csv', {}, outsider);
    assert.equal(anonymousUpload.statusCode, 404);
  });

  test('private datasets are for the organisation only; soft delete answers 410', async () => {
    const created = await draft({ visibility: 'private' });
    await call('POST', `/api/v1/datasets/${created.slug}/publish`, editor, CONFIRM);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`)).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`, member)).statusCode, 200);
    await call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { visibility: 'public' });
    assert.equal((await call('GET', `/api/v1/datasets/${created.slug}`)).statusCode, 200);
    assert.equal((await call('DELETE', `/api/v1/datasets/${created.slug}`, member)).statusCode, 403);
    assert.equal((await call('DELETE', `/api/v1/datasets/${created.slug}`, editor)).statusCode, 204);
    const gone = await call('GET', `/api/v1/datasets/${created.slug}`);
    assert.equal(gone.statusCode, 410);
    assert.equal(gone.json().error.code, 'gone');
    assert.ok(!(await call('GET', '/api/v1/datasets?limit=1000')).json().items.some((d: { id: string }) => d.id === created.id));
  });

  test('history shows field-level diffs with names; restore brings an earlier version back', async () => {
    const created = await draft({ keywords: { sv: ['förskola'] } });
    await call('PATCH', `/api/v1/datasets/${created.slug}`, editor, { title: { sv: 'Förskolor 2025' }, keywords: { sv: ['förskola', 'barn'] } });
    const history = (await call('GET', `/api/v1/datasets/${created.slug}/history`, editor)).json().items;
    assert.equal(history[0].action, 'updated');
    assert.equal(history[0].actor.name, editor.name);
    assert.deepEqual(history[0].changes, [
      { field: 'title.sv', before: 'Förskolor i Malmö', after: 'Förskolor 2025' },
      { field: 'keywords.sv', before: ['förskola'], after: ['förskola', 'barn'] },
    ]);
    const restored = await call('POST', `/api/v1/datasets/${created.slug}/history/1/restore`, editor);
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json().title.sv, 'Förskolor i Malmö');
    assert.deepEqual(restored.json().keywords, { sv: ['förskola'] });
    assert.equal(restored.json().revision, 3);
    assert.equal((await call('POST', `/api/v1/datasets/${created.slug}/history/99/restore`, editor)).statusCode, 404);
  });

  test('vocabularies and licences are served with isOpen and the recommended order', async () => {
    const licences = (await call('GET', '/api/v1/licences')).json().items;
    assert.deepEqual(licences.slice(0, 3).map((l: { code: string }) => l.code), ['CC0', 'CC_BY_4_0', 'CC_PDM_1_0']);
    assert.ok(licences.slice(0, 3).every((l: { recommended: boolean; isOpen: boolean }) => l.recommended && l.isOpen));
    assert.equal(licences.find((l: { code: string }) => l.code === 'CC_BYNC_4_0')?.isOpen, false);
    const themes = (await call('GET', '/api/v1/vocabularies/dataTheme')).json();
    assert.equal(themes.items.length, 13);
    assert.equal((await call('GET', '/api/v1/vocabularies/nope')).statusCode, 404);
    const openapi = (await call('GET', '/api/v1/openapi.json')).json();
    for (const p of ['/api/v1/datasets', '/api/v1/datasets/{idOrSlug}/distributions', '/api/v1/data-services', '/api/v1/series', '/api/v1/licences']) assert.ok(openapi.paths[p], p);
  });
});
