// The import page through app.inject, with the real job queue and worker: only the organisation's
// admins and site admins see it (404 for others, the run pages too); a POST (CSRF token required)
// stores an upload under the data directory, queues a run and redirects (303) at once to the run's
// page, which shows it queued — with an Update link, no refresh — and, once a worker has run the
// job, succeeded with the report (counts announced in role="status", a table with caption and
// headers) or failed with the source's one line. The stored upload is gone when the run is over.
// Field errors stay on the form (400) and queue nothing. English at /en/….
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { domainsOf } from '../../../domains.js';
import { Worker } from '../../../platform/jobs/index.js';
import { BUSY_RETRY_MS } from './import.job.js';
import type { ImportTables } from './import.table.js';
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
  let orgId: string;

  before(async () => {
    t = await startApp();
    [admin, editor, siteAdmin] = await Promise.all([createUser(t), createUser(t), createUser(t, { siteAdmin: true })]);
    const org = await createOrg(t, { slug: 'kulturarvet', name: { sv: 'Kulturarvet' } });
    orgSlug = org.slug;
    orgId = org.id;
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

  /**
   * Runs the jobs as a worker does (`allmanning worker --once`), letting time pass while some wait:
   * an organisation's imports run one at a time, so the second of two waits BUSY_RETRY_MS.
   */
  async function runJobs(): Promise<void> {
    const worker = new Worker({ db: t.deps.db, clock: t.clock, queue: t.deps.queue, registry: t.deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 1_000 });
    for (let i = 0; i < 10; i++) {
      await worker.drain();
      if ((await t.deps.queue.counts()).queued === 0) return;
      t.clock.advance(BUSY_RETRY_MS);
    }
    assert.fail('jobs still queued after 10 passes');
  }

  const db = () => t.deps.db as unknown as Kysely<ImportTables>;
  const runRow = (id: string) => db().selectFrom('import_run').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const runCount = async () => Number((await db().selectFrom('import_run').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const importsDir = () => path.join(t.dataDir, 'imports');
  const runIdOf = (location: string | undefined) => /\/import\/([0-9a-f-]{36})$/.exec(location ?? '')?.[1];

  test('only admins of the organisation and site admins may open it', async () => {
    assert.equal((await get(`/organizations/${orgSlug}/import`)).statusCode, 404);
    assert.equal((await get(`/organizations/${orgSlug}/import`, editor)).statusCode, 404);
    assert.equal((await get(`/organizations/${orgSlug}/import`, admin)).statusCode, 200);
    assert.equal((await get(`/organizations/${orgSlug}/import`, siteAdmin)).statusCode, 200);
    assert.equal((await get('/organizations/finns-inte/import', siteAdmin)).statusCode, 404);
  });

  test('the form: one h1, labelled fields with hints, says it runs in the background, no runs yet; English at /en', async () => {
    const page = await get(`/organizations/${orgSlug}/import`, admin);
    assert.equal((page.body.match(/<h1\b/g) ?? []).length, 1);
    assert.match(page.body, /<html lang="sv"/);
    assert.match(page.body, /<form [^>]*enctype="multipart\/form-data"/);
    assert.match(page.body, /<label for="field-url">/);
    assert.match(page.body, /<input id="field-url" name="url" type="url"[^>]*aria-describedby="field-url-hint"/);
    assert.match(page.body, /<label for="field-file">/);
    assert.match(text(page.body), /Importen görs i bakgrunden/);
    assert.match(text(page.body), /Inga importer ännu\./);
    const english = await get(`/en/organizations/${orgSlug}/import`, admin);
    assert.match(english.body, /<html lang="en"/);
    assert.match(text(english.body), /Import a DCAT catalog/);
    assert.match(text(english.body), /The import runs in the background/);
  });

  test('a file is queued at once (303 to its run page, kept under the data directory), then the job imports it into the organisation', async () => {
    const data = fs.readFileSync(path.join(fixtures, 'se', 'raa-ksamsok-maquette.ttl'));
    const response = await upload(admin, { url: '' }, { data, filename: 'katalog.ttl', type: 'text/turtle' });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const runId = runIdOf(response.headers.location as string);
    assert.ok(runId, String(response.headers.location));
    assert.equal(response.headers.location, `/organizations/${orgSlug}/import/${runId}`);
    const queuedRow = await runRow(runId);
    assert.equal(queuedRow.status, 'queued');
    assert.equal(queuedRow.created_by, admin.id);
    assert.deepEqual(fs.readFileSync(path.join(importsDir(), runId)), data, 'the upload is stored durably by run id');
    assert.equal((await t.deps.queue.counts()).queued, 1, 'a dcat.import job waits');

    // Queued: the state in the status region, an Update link to the page itself, no refresh.
    const queued = await get(`/organizations/${orgSlug}/import/${runId}`, admin);
    assert.equal(queued.statusCode, 200);
    assert.match(queued.body, /<div id="import-status" class="notice notice-info" role="status" data-status="queued">/);
    assert.match(text(queued.body), /Läge I kö/);
    assert.match(text(queued.body), /Importen väntar på sin tur\./);
    assert.match(queued.body, new RegExp(`<a id="import-update" class="button button-secondary" href="/organizations/${orgSlug}/import/${runId}"[^>]*>Uppdatera</a>`));
    assert.doesNotMatch(queued.body, /http-equiv="refresh"|<script\b(?![^>]*\bsrc=)/i, 'no refresh and no inline script');
    assert.doesNotMatch(queued.body, /<caption>Vad som importerades/);
    assert.equal((await get(`/organizations/${orgSlug}/import/${runId}`, editor)).statusCode, 404);
    assert.equal((await get(`/organizations/${orgSlug}/import/${runId}`)).statusCode, 404);

    await runJobs();
    const doneRow = await runRow(runId);
    assert.equal(doneRow.status, 'succeeded', doneRow.error ?? '');
    assert.equal(doneRow.created_count, 1);
    assert.equal(fs.existsSync(path.join(importsDir(), runId)), false, 'the upload is deleted once the run is over');
    const datasets = await domainsOf(t.deps).catalog.catalog.datasets.list({ kind: 'anonymous' }, { organization: orgSlug, limit: 10, offset: 0 });
    assert.deepEqual(datasets.items.map((i) => i.metadata.title.sv), ['FMIS']);

    const done = await get(`/organizations/${orgSlug}/import/${runId}`, admin);
    assert.match(done.body, /<div id="import-status" class="notice notice-info" role="status" data-status="succeeded">/);
    const page = text(done.body);
    assert.match(page, /Importen är klar\./);
    assert.match(page, /1 skapade, 0 uppdaterade, 0 oförändrade och 0 misslyckade av 1 resurser\./);
    assert.match(page, /1 datamängder med 2 distributioner/);
    assert.doesNotMatch(done.body, /id="import-update"/, 'nothing left to update');
    assert.match(done.body, /<caption>Vad som importerades, per resurs<\/caption>/);
    assert.match(done.body, /<th scope="col">Resurs<\/th>/);
    assert.match(page, /dcat:distribution\[1\]\/dct:format: "application\/rdf\+xml" blev http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/RDF_XML/);
    assert.match(page, /togs bort – katalogen sparar inte den egenskapen/);

    const form = await get(`/organizations/${orgSlug}/import`, admin);
    assert.match(form.body, /<caption class="visually-hidden">De senaste importerna till organisationen<\/caption>/);
    assert.match(form.body, new RegExp(`href="/organizations/kulturarvet/import/${runId}"`));
    assert.match(text(form.body), /katalog\.ttl Klar 1 skapade, 0 uppdaterade, 0 oförändrade, 0 misslyckade/);

    // The same file again: a new run, and nothing changes.
    const again = await upload(admin, {}, { data, filename: 'katalog.ttl', type: 'text/turtle' });
    assert.equal(again.statusCode, 303);
    await runJobs();
    const againPage = await get(again.headers.location as string, admin);
    assert.match(text(againPage.body), /0 skapade, 0 uppdaterade, 1 oförändrade/);
  });

  test('in English the redirect and the run page stay in English', async () => {
    const response = await upload(admin, {}, { data: fs.readFileSync(path.join(fixtures, 'se', 'raa-ksamsok-maquette.ttl')), filename: 'katalog-en.ttl', type: 'text/turtle' }, `/en/organizations/${orgSlug}/import`);
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/en\/organizations\/kulturarvet\/import\/[0-9a-f-]{36}$/);
    const queued = await get(response.headers.location as string, admin);
    assert.match(queued.body, /<html lang="en"/);
    assert.match(text(queued.body), /Status Queued/);
    assert.match(text(queued.body), /This page does not refresh itself\. Choose Update/);
    assert.match(queued.body, /href="\/en\/organizations\/kulturarvet\/import\/[0-9a-f-]{36}"[^>]*>Update<\/a>/);
    await runJobs();
    const done = await get(response.headers.location as string, admin);
    assert.match(text(done.body), /The import has finished\./);
    assert.match(text(done.body), /Status Done/);
  });

  test('the status URL (for the page\'s optional script) answers the status and a sentence in the page\'s language; others get 404', async () => {
    const response = await upload(admin, {}, { data: fs.readFileSync(path.join(fixtures, 'se', 'raa-ksamsok-maquette.ttl')), filename: 'katalog.ttl', type: 'text/turtle' });
    const location = response.headers.location as string;
    const queuedPage = await get(location, admin);
    assert.match(queuedPage.body, new RegExp(`data-status-url="${location}/status"`));
    assert.match(queuedPage.body, /<script src="\/static\/import-status\.js" defer><\/script>/);
    const queued = await get(`${location}/status`, admin);
    assert.equal(queued.statusCode, 200);
    assert.equal(queued.headers['cache-control'], 'no-store');
    assert.deepEqual(queued.json(), { status: 'queued', finished: false, message: 'Importen väntar på sin tur.' });
    assert.equal((await get(`${location}/status`, editor)).statusCode, 404);
    assert.equal((await get(`${location}/status`)).statusCode, 404);
    await runJobs();
    assert.deepEqual((await get(`/en${location}/status`, admin)).json(), { status: 'succeeded', finished: true, message: 'The import has finished. Choose Update to see the result.' });
    assert.doesNotMatch((await get(location, admin)).body, /import-status\.js/, 'no script once the run is over');
  });

  test('a broken file and a refused URL end as failed runs showing their one line', async () => {
    const broken = await upload(admin, {}, { data: fs.readFileSync(path.join(fixtures, 'piveau', 'example_dataset.ttl')), filename: 'piveau.ttl', type: 'text/turtle' });
    assert.equal(broken.statusCode, 303);
    const refused = await upload(admin, { url: 'http://127.0.0.1:9/dcat' });
    assert.equal(refused.statusCode, 303);
    await runJobs();

    const brokenId = runIdOf(broken.headers.location as string)!;
    assert.equal((await runRow(brokenId)).status, 'failed');
    assert.equal(fs.existsSync(path.join(importsDir(), brokenId)), false, 'a failed run deletes its upload too');
    const brokenPage = await get(broken.headers.location as string, admin);
    assert.match(brokenPage.body, /<div id="import-status" class="notice notice-warning" role="status" data-status="failed">/);
    assert.match(text(brokenPage.body), /Importen misslyckades\. Källan kunde inte läsas: piveau\.ttl:17:1: expected declaration to end with a dot/);
    assert.doesNotMatch(brokenPage.body, /id="import-update"/);

    const refusedPage = await get(refused.headers.location as string, admin);
    assert.match(text(refusedPage.body), /Källan kunde inte läsas: .*private or loopback address/);
    const form = await get(`/organizations/${orgSlug}/import`, admin);
    assert.match(text(form.body), /piveau\.ttl Misslyckades/);
  });

  test('neither or both sources and a bad URL are field errors on the form (400); nothing is queued or kept', async () => {
    const before = await runCount();
    const none = await upload(admin, { url: '' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /class="error-summary" role="alert"/);
    assert.match(none.body, /<a href="#field-url">Katalogens webbadress: Ange en webbadress eller välj en fil\.<\/a>/);
    const both = await upload(admin, { url: 'https://example.se/dcat' }, { data: Buffer.from('x'), filename: 'a.ttl', type: 'text/turtle' });
    assert.equal(both.statusCode, 400);
    assert.match(text(both.body), /Ange antingen en webbadress eller en fil, inte båda\./);
    const bad = await upload(admin, { url: 'ftp://example.se' });
    assert.match(text(bad.body), /Ange en webbadress som börjar med http/);
    assert.equal(await runCount(), before);
    const incoming = path.join(importsDir(), 'incoming');
    assert.deepEqual(fs.existsSync(incoming) ? fs.readdirSync(incoming) : [], [], 'the refused upload is not kept');
  });

  test('a post without the CSRF token is refused and queues nothing', async () => {
    const before = await runCount();
    const form = await formSession(t, `/organizations/${orgSlug}/import`, await sessionCookie(t, admin));
    const body = await multipartBody({ url: 'https://example.se/dcat' });
    const response = await t.app.inject({ method: 'POST', url: `/organizations/${orgSlug}/import`, headers: { 'content-type': body.contentType }, cookies: form.cookies, payload: body.payload });
    assert.equal(response.statusCode, 403);
    const wrong = await multipartBody({ _csrf: `${form.csrf}x`, url: 'https://example.se/dcat' });
    assert.equal((await t.app.inject({ method: 'POST', url: `/organizations/${orgSlug}/import`, headers: { 'content-type': wrong.contentType }, cookies: form.cookies, payload: wrong.payload })).statusCode, 403);
    assert.equal(await runCount(), before);
  });

  test('an editor cannot post to it, nor see another organisation\'s run', async () => {
    const form = await formSession(t, `/organizations/${orgSlug}/import`, await sessionCookie(t, admin));
    const body = await multipartBody({ _csrf: form.csrf, url: 'https://example.se/dcat' });
    const response = await t.app.inject({ method: 'POST', url: `/organizations/${orgSlug}/import`, headers: { 'content-type': body.contentType }, cookies: { ...form.cookies, allmanning_session: await sessionCookie(t, editor) }, payload: body.payload });
    assert.ok([403, 404].includes(response.statusCode), String(response.statusCode));

    // A run of this organisation is not found under another one, even by a site admin.
    const other = await createOrg(t, { slug: 'annan-myndighet' });
    const runs = await domainsOf(t.deps).dcatImport.service.runsOf(orgId);
    assert.ok(runs[0]);
    assert.equal((await get(`/organizations/${other.slug}/import/${runs[0].id}`, siteAdmin)).statusCode, 404);
    assert.equal((await get(`/organizations/${orgSlug}/import/${runs[0].id}`, siteAdmin)).statusCode, 200);
    assert.equal((await get(`/organizations/${orgSlug}/import/finns-inte`, siteAdmin)).statusCode, 404);
  });
});
