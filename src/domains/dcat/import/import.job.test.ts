// The `dcat.import` job with the real queue, worker and database (both dialects): an organisation's
// imports never run at once (the second waits without spending an attempt, other organisations
// are not held up); a run left running by a worker that died is taken over when its lease runs
// out and imported again from the start, idempotently; one whose worker died on every attempt, and
// one whose last attempt hit a fault, end failed with a clear line on the run page, while a fault
// before the last attempt queues the run again with its upload kept.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { domainsOf } from '../../../domains.js';
import { Worker } from '../../../platform/jobs/index.js';
import { addMember, createOrg, createUser, sessionCookie, startApp, type OrgTestApp, type TestUser } from '../../organizations/testing.js';
import { BUSY_RETRY_MS, IMPORT_JOB, IMPORT_JOB_ATTEMPTS, RUN_LEASE_MS, shownStatus } from './import.job.js';
import { importRepository } from './import.repository.js';
import type { ImportTables } from './import.table.js';

const fixtures = fileURLToPath(new URL('../../../../../shared/fixtures/catalogs/', import.meta.url));
const CATALOG = fs.readFileSync(path.join(fixtures, 'se', 'raa-ksamsok-maquette.ttl'));
const silent = pino({ level: 'silent' });

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the dcat.import job', () => {
  let t: OrgTestApp;
  let admin: TestUser;
  let counter = 0;

  before(async () => {
    t = await startApp();
    admin = await createUser(t);
  });
  after(() => t.close());

  const db = () => t.deps.db as unknown as Kysely<ImportTables>;
  const jobs = () => domainsOf(t.deps).dcatImport.jobs;
  const row = (id: string) => importRepository.findRun(db(), id).then((r) => r!);
  const worker = () => new Worker({ db: t.deps.db, clock: t.clock, queue: t.deps.queue, registry: t.deps.jobs, log: silent }, { concurrency: 2, pollIntervalMs: 1_000 });
  const uploadOf = (runId: string) => path.join(t.dataDir, 'imports', runId);

  async function org() {
    counter += 1;
    const created = await createOrg(t, { slug: `myndighet-${counter}` });
    await addMember(t, created.id, admin, 'admin');
    return created;
  }

  /** What the page does on a valid POST: the upload into the incoming directory, then submit. */
  async function submitFile(organizationId: string, name: string, data = CATALOG): Promise<string> {
    const file = await jobs().incomingFile();
    fs.writeFileSync(file, data);
    return jobs().submit({ organizationId, actorId: admin.id, upload: { file, name, type: 'text/turtle' } });
  }

  async function datasetsOf(slug: string) {
    return (await domainsOf(t.deps).catalog.catalog.datasets.list({ kind: 'anonymous' }, { organization: slug, limit: 10, offset: 0 })).items;
  }

  const page = async (slug: string, runId: string) =>
    text((await t.app.inject({ method: 'GET', url: `/organizations/${slug}/import/${runId}`, cookies: { allmanning_session: await sessionCookie(t, admin) } })).body);

  /** Claims the run's job as a worker that then dies would: the job and the run stay 'running'. */
  async function claimAndDie(runId: string, organizationId: string): Promise<void> {
    const [job] = await t.deps.queue.claim('dead-worker', [IMPORT_JOB], 1, RUN_LEASE_MS);
    assert.equal((job?.payload as { runId: string } | undefined)?.runId, runId);
    const now = t.clock.now();
    const claim = await importRepository.claimRun(db(), runId, organizationId, { now: now.toISOString(), leaseUntil: new Date(now.getTime() + RUN_LEASE_MS).toISOString(), cliRunsFrom: now.toISOString() });
    assert.equal(claim, 'claimed');
  }

  test('two imports of one organisation run one after the other; another organisation is not held up', async () => {
    const [a, b] = [await org(), await org()];
    // The same file twice (its blank-node dataset is identified within the file name's source).
    const first = await submitFile(a.id, 'katalog.ttl');
    const second = await submitFile(a.id, 'katalog.ttl');
    const elsewhere = await submitFile(b.id, 'katalog.ttl');
    assert.deepEqual([(await row(first)).status, (await row(second)).status], ['queued', 'queued']);

    // Two workers' worth of slots: the jobs of both runs of `a` are taken at the same time.
    await worker().drain();
    const statuses = [(await row(first)).status, (await row(second)).status].sort();
    assert.deepEqual(statuses, ['queued', 'succeeded'], 'only one of the two ran');
    assert.equal((await row(elsewhere)).status, 'succeeded');
    const waiting = (await row(first)).status === 'queued' ? first : second;
    assert.equal((await row(waiting)).attempts, 0, 'waiting spent no attempt');
    assert.ok(fs.existsSync(uploadOf(waiting)), 'the waiting run keeps its upload');
    assert.equal((await t.deps.queue.counts()).queued, 1, 'its job looks again a little later');

    t.clock.advance(BUSY_RETRY_MS);
    await worker().drain();
    const done = await row(waiting);
    assert.equal(done.status, 'succeeded', done.error ?? '');
    assert.equal(done.unchanged_count, 1, 'the same dataset, imported by the first run');
    assert.equal(fs.existsSync(uploadOf(waiting)), false);
    assert.equal((await datasetsOf(a.slug)).length, 1);
  });

  test('a run left running by a dead worker holds the organisation until its lease runs out, then is imported again from the start', async () => {
    const o = await org();
    const runId = await submitFile(o.id, 'katalog.ttl');
    // The dead worker got as far as writing everything, but not as far as finishing the run.
    await claimAndDie(runId, o.id);
    await domainsOf(t.deps).dcatImport.service.run({ runId, source: uploadOf(runId), displayName: 'katalog.ttl', contentType: 'text/turtle', organization: o.id, actorId: admin.id });
    await importRepository.finishRun(db(), runId, { status: 'running', finished_at: null });
    assert.equal((await datasetsOf(o.slug)).length, 1);

    // Meanwhile the organisation's next import waits: the dead worker's lease still holds.
    const next = await submitFile(o.id, 'katalog.ttl');
    await worker().drain();
    assert.equal((await row(next)).status, 'queued');
    assert.equal((await row(runId)).status, 'running');
    assert.match(await page(o.slug, runId), /Läge Pågår/);

    // The leases run out: the page says it waits for another attempt; the job's retry takes it over.
    t.clock.advance(RUN_LEASE_MS + 1_000);
    assert.equal(shownStatus(await row(runId), t.clock.now().toISOString()), 'queued');
    assert.match(await page(o.slug, runId), /Läge I kö/);
    await worker().drain();
    t.clock.advance(BUSY_RETRY_MS);
    await worker().drain();
    const taken = await row(runId);
    assert.equal(taken.status, 'succeeded', taken.error ?? '');
    assert.equal(taken.attempts, 2);
    assert.deepEqual([taken.created_count, taken.unchanged_count], [0, 1], 'the same dataset again: unchanged, not a second copy');
    assert.equal((await datasetsOf(o.slug)).length, 1);
    assert.equal(fs.existsSync(uploadOf(runId)), false);
    assert.equal((await row(next)).status, 'succeeded');
  });

  test('a run whose worker died on every attempt ends failed with a clear line', async () => {
    const o = await org();
    const runId = await submitFile(o.id, 'katalog.ttl');
    for (let attempt = 1; attempt <= IMPORT_JOB_ATTEMPTS; attempt++) {
      await claimAndDie(runId, o.id);
      t.clock.advance(RUN_LEASE_MS + 1_000);
    }
    await worker().drain();
    const jobRows = await t.deps.db.selectFrom('job').select(['status', 'payload', 'last_error']).where('name', '=', IMPORT_JOB).execute();
    const theJob = jobRows.find((j) => (JSON.parse(j.payload) as { runId: string }).runId === runId);
    assert.equal(theJob?.status, 'failed', 'the queue gives up on the job itself');
    assert.match(theJob?.last_error ?? '', /lease expired/);
    const shown = await page(o.slug, runId);
    assert.match(shown, /Läge Misslyckades/);
    assert.match(shown, /Något gick fel under importen: the worker running this import stopped before it finished, 3 times/);
    assert.equal((await row(runId)).status, 'failed');
  });

  test('a fault queues the run again with its upload; on the last attempt the run fails with the fault\'s line', async () => {
    const o = await org();
    const runId = await submitFile(o.id, 'katalog.ttl');
    const stopped = AbortSignal.abort(new Error('worker stopping'));
    const context = (attempt: number) => ({ jobId: 'j', attempt, maxAttempts: IMPORT_JOB_ATTEMPTS, log: silent, signal: stopped });
    const payload = { runId, file: true, contentType: 'text/turtle' };

    await assert.rejects(jobs().handler(payload, context(1)), /worker stopping/);
    let now = await row(runId);
    assert.equal(now.status, 'queued');
    assert.equal(now.error, 'worker stopping');
    assert.equal(now.report, null);
    assert.ok(fs.existsSync(uploadOf(runId)), 'kept for the next attempt');
    assert.match(await page(o.slug, runId), /Förra försöket avbröts \(worker stopping\); importen görs om från början\./);

    await assert.rejects(jobs().handler(payload, context(IMPORT_JOB_ATTEMPTS)), /worker stopping/);
    now = await row(runId);
    assert.equal(now.status, 'failed');
    assert.equal(fs.existsSync(uploadOf(runId)), false);
    assert.match(await page(o.slug, runId), /Importen misslyckades\. Något gick fel under importen: worker stopping/);

    // A finished run's job (a duplicate, say) does nothing.
    await jobs().handler(payload, { ...context(1), signal: new AbortController().signal });
    assert.equal((await row(runId)).status, 'failed');
  });
});
