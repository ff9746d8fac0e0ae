// The harvest's jobs with the real queue, worker and database (both dialects): a source is run by
// the `harvest.due` tick only once its schedule is due, once per tick however many workers look;
// "run now" (API and page) queues a run the worker does, and a second "run now" while one is queued
// adds nothing. The page lists sources with their latest run's counts (sv and en), and refuses
// people who do not manage the organisation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { domainsOf } from '../../domains.js';
import { Worker } from '../../platform/jobs/index.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import { addMember, bearer, createOrg, createUser, formSession, sessionCookie, urlencoded, type TestUser } from '../organizations/testing.js';
import { generatedPackages, startCkanServer, type CkanServer } from './testing.js';

const silent = pino({ level: 'silent' });

describe('harvest jobs and the harvest page', () => {
  let t: CatalogTestApp;
  let ckan: CkanServer;
  let admin: TestUser;
  let org: { id: string; slug: string };

  before(async () => {
    ckan = await startCkanServer(() => generatedPackages(7));
    t = await startApp({ ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' });
    admin = await createUser(t);
    org = await createOrg(t, { slug: 'jobb' });
    await addMember(t, org.id, admin, 'admin');
  });
  after(async () => {
    await t?.close();
    await ckan?.close();
  });

  const worker = () => new Worker({ db: t.deps.db, clock: t.clock, queue: t.deps.queue, registry: t.deps.jobs, log: silent }, { concurrency: 1, pollIntervalMs: 1_000 });
  const harvest = () => domainsOf(t.deps).harvest;

  test('the schedule runs a source once when it is due', async () => {
    t.clock.set(new Date('2026-11-28T10:00:00Z'));
    const source = await harvest().service.add(null, { organization: org.slug, type: 'ckan', url: ckan.url, schedule: '30 12 * * *' });
    assert.equal(source.next_run_at, '2026-11-28T11:30:00.000Z', '12:30 in Stockholm');
    await harvest().jobs.dueHandler(null, {});
    await worker().drain();
    assert.equal((await harvest().service.runsOf(null, source.id)).total, 0, 'not due yet');

    t.clock.set(new Date('2026-11-28T11:31:00Z'));
    await Promise.all([harvest().jobs.dueHandler(null, {}), harvest().jobs.dueHandler(null, {})]);
    await worker().drain();
    const runs = await harvest().service.runsOf(null, source.id);
    assert.equal(runs.total, 1);
    assert.equal(runs.items[0]!.trigger, 'schedule');
    assert.equal(runs.items[0]!.created_count, 7);
    assert.equal((await harvest().service.get(null, source.id)).next_run_at, '2026-11-29T11:30:00.000Z');
  });

  test('"run now" through the API queues one run, done by the worker', async () => {
    const [source] = await harvest().service.list(null);
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/harvest-sources/${source!.id}/run`, headers: bearer(admin) });
    assert.equal(first.statusCode, 202);
    assert.deepEqual(first.json(), { queued: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/harvest-sources/${source!.id}/run`, headers: bearer(admin) });
    assert.deepEqual(again.json(), { queued: false });
    await worker().drain();
    const runs = await harvest().service.runsOf(null, source!.id);
    assert.equal(runs.total, 2);
    assert.equal(runs.items[0]!.trigger, 'manual');
    assert.equal(runs.items[0]!.unchanged_count, 7);
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/harvest-sources/${source!.id}`, headers: bearer(admin) });
    assert.equal((shown.json() as { lastRun: { counts: { unchanged: number } } }).lastRun.counts.unchanged, 7);
  });

  test('the page lists sources with their latest run, adds one, and runs one now', async () => {
    const session = await sessionCookie(t, admin);
    const cookies = { allmanning_session: session };
    const sv = await t.app.inject({ method: 'GET', url: `/organizations/${org.slug}/harvest`, cookies });
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /Skörda kataloger/);
    assert.match(sv.body, /0 skapade, 0 uppdaterade, 7 oförändrade, 0 avpublicerade, 0 misslyckade/);
    const en = await t.app.inject({ method: 'GET', url: `/en/organizations/${org.slug}/harvest`, cookies });
    assert.match(en.body, /7 unchanged/);

    const form = await formSession(t, `/organizations/${org.slug}/harvest`, session);
    const bad = await t.app.inject({ method: 'POST', url: `/organizations/${org.slug}/harvest`, cookies: form.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: urlencoded({ _csrf: form.csrf, type: 'dcat', url: 'ftp://x', schedule: '' }) });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /börjar med http:\/\/ eller https:\/\//);
    const good = await t.app.inject({ method: 'POST', url: `/organizations/${org.slug}/harvest`, cookies: form.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: urlencoded({ _csrf: form.csrf, type: 'dcat', url: 'https://example.se/catalog.ttl', schedule: '15 4 * * 1' }) });
    assert.equal(good.statusCode, 303);
    const sources = await harvest().service.sourcesOf(null, org.slug);
    assert.equal(sources.sources.length, 2);
    assert.equal(sources.sources[1]!.schedule, '15 4 * * 1');

    const source = sources.sources[0]!;
    const run = await t.app.inject({ method: 'POST', url: `/organizations/${org.slug}/harvest/${source.id}/run`, cookies: form.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: urlencoded({ _csrf: form.csrf }) });
    assert.equal(run.statusCode, 303);
    await worker().drain();
    assert.equal((await harvest().service.runsOf(null, source.id)).total, 3);
    const runsPage = await t.app.inject({ method: 'GET', url: `/organizations/${org.slug}/harvest/${source.id}`, cookies });
    assert.equal(runsPage.statusCode, 200);
    assert.match(runsPage.body, /Kör nu/);
  });

  test("a source's schedule is changed (API, page) and the source removed (page); a bad schedule changes nothing", async () => {
    t.clock.set(new Date('2026-11-28T10:00:00Z'));
    const source = await harvest().service.add(null, { organization: org.slug, type: 'dcat', url: 'https://example.se/andra.ttl' });
    const patch = (schedule: unknown) => t.app.inject({ method: 'PATCH', url: `/api/v1/harvest-sources/${source.id}`, headers: { ...bearer(admin), 'content-type': 'application/json' }, payload: JSON.stringify({ schedule }) });
    const changed = await patch('30 12 * * *');
    assert.equal(changed.statusCode, 200);
    assert.deepEqual([changed.json().schedule, changed.json().nextRunAt], ['30 12 * * *', '2026-11-28T11:30:00.000Z']);
    for (const bad of ['every night', 'x'.repeat(101), 7]) {
      const refused = await patch(bad);
      assert.equal(refused.statusCode, 400, String(bad));
    }
    assert.equal((await harvest().service.get(null, source.id)).schedule, '30 12 * * *', 'unchanged by the refused ones');
    const outsider = await createUser(t);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/harvest-sources/${source.id}`, headers: { ...bearer(outsider), 'content-type': 'application/json' }, payload: '{"schedule":"0 1 * * *"}' })).statusCode, 404);

    const session = await sessionCookie(t, admin);
    const pageUrl = `/organizations/${org.slug}/harvest/${source.id}`;
    const form = await formSession(t, pageUrl, session);
    const post = (path: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: path, cookies: form.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: urlencoded({ _csrf: form.csrf, ...fields }) });
    const badForm = await post(`${pageUrl}/schedule`, { schedule: 'varje natt' });
    assert.equal(badForm.statusCode, 400);
    assert.match(badForm.body, /Ange ett giltigt cron-uttryck/);
    assert.match(badForm.body, /value="varje natt"/, 'what was typed is kept');
    const saved = await post(`${pageUrl}/schedule`, { schedule: '' });
    assert.equal(saved.statusCode, 303);
    assert.equal((await harvest().service.get(null, source.id)).schedule, '0 2 * * *', 'empty: nightly');
    const page = await t.app.inject({ method: 'GET', url: pageUrl, cookies: { allmanning_session: session } });
    assert.match(page.body, /Sluta skörda/);
    assert.match(page.body, /value="0 2 \* \* \*"/);
    const noToken = await t.app.inject({ method: 'POST', url: `${pageUrl}/remove`, cookies: form.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(noToken.statusCode, 403, 'no CSRF token, no removal');
    const removed = await post(`${pageUrl}/remove`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal((await harvest().service.sourcesOf(null, org.slug)).sources.some((s) => s.id === source.id), false);
  });

  test('people who do not manage the organisation get 404', async () => {
    const editor = await createUser(t);
    await addMember(t, org.id, editor, 'editor');
    const page = await t.app.inject({ method: 'GET', url: `/organizations/${org.slug}/harvest`, cookies: { allmanning_session: await sessionCookie(t, editor) } });
    assert.equal(page.statusCode, 404);
  });
});
