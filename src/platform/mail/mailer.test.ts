import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import pino from 'pino';
import { type TestDatabase, sharedEmptyDatabase } from '../../../test/support/test-database.js';
import type { AddressObject } from 'mailparser';
import { startTestSmtp, type TestSmtp } from '../../../test/support/test-smtp.js';
import { FixedClock } from '../clock.js';
import { ValidationError } from '../errors.js';
import { JobQueue } from '../jobs/job-queue.js';
import { JobRegistry, Worker } from '../jobs/worker.js';
import { MAIL_DELIVER_JOB, Mailer, type MailMessage } from './mailer.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const FROM = 'Allmänning <noreply@allmanning.test>';

const INVITE_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Allmänning//Events//SV',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:oppna-data-dagen@allmanning.test',
  'DTSTART:20261203T080000Z',
  'SUMMARY:Öppna data-dagen',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const invitation: MailMessage = {
  to: 'anna.andersson@myndighet.se',
  subject: 'Inbjudan: Öppna data-dagen',
  text: 'Hej Anna!\nVälkommen till Öppna data-dagen den 3 december.',
  html: '<p>Hej Anna!</p><p>Välkommen till <b>Öppna data-dagen</b>.</p>',
  attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: INVITE_ICS }],
};

async function startSmtp(t: TestContext): Promise<TestSmtp> {
  const smtp = await startTestSmtp();
  t.after(() => smtp.close());
  return smtp;
}

// --- set-up ------------------------------------------------------------------------------------

interface Setup {
  database: TestDatabase;
  clock: FixedClock;
  queue: JobQueue;
  mailer: Mailer;
  worker: Worker;
}

// One migrated database for this file, emptied before each use (see sharedEmptyDatabase).
const emptyDatabase = sharedEmptyDatabase();

async function setup(t: TestContext, smtpUrl: string | undefined): Promise<Setup> {
  const database = await emptyDatabase();
  const clock = new FixedClock(NOW);
  const queue = new JobQueue({ db: database.db, dialect: database.dialect, clock });
  const mailer = new Mailer({ db: database.db, clock, queue, smtpUrl, from: FROM });
  const registry = new JobRegistry();
  mailer.registerJobs(registry);
  const worker = new Worker({ db: database.db, clock, queue, registry, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 1_000 });
  t.after(() => mailer.close());
  return { database, clock, queue, mailer, worker };
}

function mailRow(s: Setup, id: string) {
  return s.database.db.selectFrom('mail_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function deliveryJob(s: Setup) {
  return s.database.db.selectFrom('job').selectAll().where('name', '=', MAIL_DELIVER_JOB).executeTakeFirstOrThrow();
}

describe('Mailer', () => {
  test('send records the message and queues its delivery job', async (t) => {
    const s = await setup(t, undefined);
    const id = await s.mailer.send(invitation);
    const row = await mailRow(s, id);
    assert.equal(row.status, 'queued');
    assert.equal(row.to_address, invitation.to);
    assert.equal(row.subject, invitation.subject);
    assert.equal(row.text_body, invitation.text);
    assert.equal(row.html_body, invitation.html);
    assert.deepEqual(JSON.parse(row.attachments!), invitation.attachments);
    assert.equal(row.created_at, NOW.toISOString());
    const job = await deliveryJob(s);
    assert.deepEqual(JSON.parse(job.payload), { id });
    assert.equal(job.status, 'queued');
    assert.equal(job.max_attempts, 8);
  });

  test('without SMTP the delivery job leaves the message in the outbox', async (t) => {
    const s = await setup(t, undefined);
    const id = await s.mailer.send({ to: 'bo@kommun.se', subject: 'Hej', text: 'Plain text only.' });
    await s.worker.drain();
    const row = await mailRow(s, id);
    assert.equal(row.status, 'outbox');
    assert.equal(row.sent_at, null);
    assert.equal(row.html_body, null);
    assert.equal(row.attachments, null);
    assert.equal((await deliveryJob(s)).status, 'succeeded');
  });

  test('with SMTP the message arrives with subject, bodies and the .ics invite, and is marked sent', async (t) => {
    const smtp = await startSmtp(t);
    const s = await setup(t, smtp.url);
    const id = await s.mailer.send(invitation);
    assert.equal(smtp.received.length, 0, 'nothing is sent before the job runs');
    s.clock.advance(5_000);
    await s.worker.drain();

    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    assert.equal(mail!.from, 'noreply@allmanning.test');
    assert.deepEqual(mail!.to, ['anna.andersson@myndighet.se']);
    const { parsed } = mail!;
    assert.equal(parsed.subject, 'Inbjudan: Öppna data-dagen');
    assert.equal((parsed.to as AddressObject).text, 'anna.andersson@myndighet.se');
    assert.equal(parsed.from?.text, '"Allmänning" <noreply@allmanning.test>');
    assert.equal(parsed.text?.replace(/\r\n/g, '\n').trimEnd(), invitation.text);
    assert.equal(parsed.html, invitation.html);
    const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    assert.ok(ics, 'a text/calendar attachment');
    assert.equal(ics.filename, 'invite.ics');
    assert.equal((ics.headers.get('content-type') as { params: Record<string, string> }).params.method, 'REQUEST');
    assert.equal(ics.content.toString('utf8'), INVITE_ICS);

    const row = await mailRow(s, id);
    assert.equal(row.status, 'sent');
    assert.equal(row.sent_at, new Date(NOW.getTime() + 5_000).toISOString());
    assert.equal(row.last_error, null);
    assert.equal(row.transport_message_id, parsed.messageId);
    assert.equal((await deliveryJob(s)).status, 'succeeded');

    // Delivering a sent message again (a job run twice) sends nothing more.
    await s.mailer.deliver(id);
    assert.equal(smtp.received.length, 1);
  });

  for (const stage of ['rcpt', 'data'] as const) {
    test(`a refusal at ${stage === 'rcpt' ? 'RCPT TO' : 'DATA'} is retried later and the message is sent once the server accepts`, async (t) => {
      const smtp = await startSmtp(t);
      const s = await setup(t, smtp.url);
      smtp.refuse(stage);
      const id = await s.mailer.send(invitation);
      await s.worker.drain();

      assert.equal(smtp.received.length, 0);
      const job = await deliveryJob(s);
      assert.equal(job.status, 'queued', 'the job waits for its retry');
      assert.equal(job.attempts, 1);
      assert.ok(job.run_at > NOW.toISOString());
      assert.match(job.last_error ?? '', stage === 'rcpt' ? /550/ : /451/);
      let row = await mailRow(s, id);
      assert.equal(row.status, 'queued');
      assert.match(row.last_error ?? '', stage === 'rcpt' ? /Mailbox unavailable/ : /spool full/);

      smtp.refuse(false);
      await s.worker.drain();
      assert.equal(smtp.received.length, 0, 'not before the retry is due');
      s.clock.set(new Date(job.run_at));
      await s.worker.drain();
      assert.equal(smtp.received.length, 1);
      row = await mailRow(s, id);
      assert.equal(row.status, 'sent');
      assert.equal(row.last_error, null);
      assert.equal((await deliveryJob(s)).status, 'succeeded');
    });
  }

  test('a message the server refuses on every attempt ends failed, with the job', async (t) => {
    const smtp = await startSmtp(t);
    const s = await setup(t, smtp.url);
    smtp.refuse('rcpt');
    const id = await s.mailer.send({ to: 'gone@myndighet.se', subject: 'Hej', text: 'x' });
    for (let attempt = 1; attempt <= 8; attempt++) {
      await s.worker.drain();
      const job = await deliveryJob(s);
      assert.equal(job.attempts, attempt);
      if (attempt < 8) {
        assert.equal(job.status, 'queued');
        assert.equal((await mailRow(s, id)).status, 'queued', `still on its way after attempt ${attempt}`);
        s.clock.set(new Date(job.run_at));
      }
    }
    assert.equal((await deliveryJob(s)).status, 'failed');
    const row = await mailRow(s, id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /Mailbox unavailable/);
    assert.equal(smtp.received.length, 0);
  });

  test('an invalid address is a ValidationError on `to` and nothing is recorded', async (t) => {
    const s = await setup(t, undefined);
    const invalid = ['', 'anna', 'anna@', '@myndighet.se', 'anna@myndighet', 'anna andersson@myndighet.se', 'a@b.se, c@d.se', 'a@b.se\r\nBcc: evil@example.com', '<a@b.se>'];
    for (const to of invalid) {
      await assert.rejects(
        s.mailer.send({ ...invitation, to }),
        (error) => error instanceof ValidationError && Array.isArray(error.details?.to),
        JSON.stringify(to),
      );
    }
    assert.deepEqual(await s.database.db.selectFrom('mail_message').select('id').execute(), []);
    assert.deepEqual(await s.queue.counts(), { queued: 0, running: 0, succeeded: 0, failed: 0 });
    assert.ok(await s.mailer.send({ ...invitation, to: 'anna.andersson+data@myndighet.se' }), 'a plain address with a tag is fine');
  });

  test('a mail sent inside a transaction that rolls back is never sent; one that commits is', async (t) => {
    const smtp = await startSmtp(t);
    const s = await setup(t, smtp.url);
    await assert.rejects(
      s.database.db.transaction().execute(async (trx) => {
        await s.mailer.send({ ...invitation, subject: 'Rolled back' }, trx);
        throw new Error('the registration failed');
      }),
      /the registration failed/,
    );
    assert.deepEqual(await s.database.db.selectFrom('mail_message').select('id').execute(), []);
    assert.deepEqual(await s.queue.counts(), { queued: 0, running: 0, succeeded: 0, failed: 0 });

    const id = await s.database.db.transaction().execute((trx) => s.mailer.send({ ...invitation, subject: 'Committed' }, trx));
    await s.worker.drain();
    assert.deepEqual(
      smtp.received.map((m) => m.subject),
      ['Committed'],
    );
    assert.equal((await mailRow(s, id)).status, 'sent');
  });
});
