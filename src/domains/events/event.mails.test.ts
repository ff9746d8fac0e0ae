// Workshop e-mails through the real job queue to a real SMTP server, read back as a mail client
// would: the address confirmation, the confirmation with its invitation (METHOD:REQUEST, stable
// UID, SEQUENCE), the waitlist notice, the reminder, the change (same UID, higher SEQUENCE) and the
// organiser's cancellation (METHOD:CANCEL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import pino from 'pino';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { firstLink, startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../test/support/test-smtp.js';
import { domainsOf } from '../../domains.js';
import { anonymous, type Actor } from '../../platform/auth/actor.js';
import { Worker } from '../../platform/jobs/index.js';

function invitation(mail: ReceivedMail) {
  const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(attachment, `no invitation in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { method: calendar.getFirstPropertyValue('method'), uid: event.uid, sequence: event.sequence, start: event.startDate.toString(), tzid: event.component.getFirstProperty('dtstart')!.getParameter('tzid'), status: event.component.getFirstPropertyValue('status'), location: event.location, attendee: String(event.component.getFirstPropertyValue('attendee')) };
}

describe('workshop e-mails over SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: Worker;
  let admin: Actor;

  before(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp({ env: { ALLMANNING_SMTP_URL: smtp.url, ALLMANNING_MAIL_FROM: 'Allmänning <workshops@allmanning.test>' } });
    worker = new Worker({ db: t.deps.db, clock: t.deps.clock, queue: t.deps.queue, registry: t.deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 25 });
    const user = await domainsOf(t.deps).accounts.admin.createUserAsOperator({ email: 'sara@digg.example.se', name: 'Sara', password: 'Granskog-och-myrmark-2026', siteAdmin: true });
    admin = { kind: 'user', userId: user.id, email: 'sara@digg.example.se', name: 'Sara', isSiteAdmin: true, roles: {}, via: 'token' };
  });
  after(async () => {
    await worker.stop(1000);
    await t.close();
    await smtp.close();
  });

  test('confirmation, waitlist, reminder, change and cancellation arrive with the right invitations', async () => {
    const { events, registrations } = domainsOf(t.deps).events;
    const event = await events.create(admin, { title: { sv: 'Datadelning', en: 'Data sharing' }, startsAt: '2026-12-01T13:00', endsAt: '2026-12-01T15:00', place: 'Sundsvall', onlineUrl: 'https://meet.example.se/dd', capacity: 1 });

    await registrations.register(anonymous, event.slug, { name: 'Anna', email: 'anna@example.se' });
    await worker.drain();
    const confirmAddress = await smtp.waitFor((m) => m.to.includes('anna@example.se'));
    assert.equal(confirmAddress.subject, 'Bekräfta din anmälan: Datadelning');
    assert.equal(confirmAddress.parsed.attachments.length, 0);
    const token = new URL(firstLink(confirmAddress)).searchParams.get('token')!;
    await registrations.confirm(token);
    await worker.drain();

    const confirmed = await smtp.waitFor((m) => m.to.includes('anna@example.se') && m.subject.startsWith('Du har en plats'));
    assert.match(confirmed.text, /tisdag 1 december 2026, 13:00–15:00/);
    assert.match(confirmed.text, /Länk till mötet: https:\/\/meet\.example\.se\/dd/, 'a confirmed participant gets the online link');
    assert.match(confirmed.text, /http:\/\/allmanning\.test\/events\/registration\?token=/);
    const first = invitation(confirmed);
    assert.deepEqual(
      { method: first.method, sequence: first.sequence, start: first.start.slice(0, 16), tzid: first.tzid },
      { method: 'REQUEST', sequence: 0, start: '2026-12-01T13:00', tzid: 'Europe/Stockholm' },
    );
    assert.equal(first.uid, `${event.id}@allmanning.test`);
    assert.match(first.attendee, /anna@example\.se/i);
    assert.match(first.location ?? '', /meet\.example\.se/);

    await registrations.register(admin, event.slug, { name: 'Bo', email: 'bo@example.se', locale: 'en' });
    await worker.drain();
    const waitlisted = await smtp.waitFor((m) => m.to.includes('bo@example.se'));
    assert.equal(waitlisted.subject, 'You are on the waitlist: Data sharing');
    assert.match(waitlisted.text, /number 1 on the waitlist/);
    assert.doesNotMatch(waitlisted.text, /meet\.example\.se/, 'no online link for the waitlist');

    t.clock.set(new Date('2026-11-29T13:00:00.000Z'));
    await domainsOf(t.deps).events.sendReminders();
    await worker.drain();
    const reminder = await smtp.waitFor((m) => m.to.includes('anna@example.se') && m.subject.startsWith('Påminnelse'));
    assert.equal(invitation(reminder).uid, first.uid);

    await events.update(admin, event.slug, { startsAt: '2026-12-01T14:00', endsAt: '2026-12-01T16:00' });
    await worker.drain();
    const changed = await smtp.waitFor((m) => m.to.includes('anna@example.se') && m.subject.startsWith('Ändrat'));
    const second = invitation(changed);
    assert.deepEqual({ method: second.method, uid: second.uid, sequence: second.sequence, start: second.start.slice(0, 16) }, { method: 'REQUEST', uid: first.uid, sequence: 1, start: '2026-12-01T14:00' });

    const boChanged = await smtp.waitFor((m) => m.to.includes('bo@example.se') && m.subject.startsWith('Changed'));
    assert.match(boChanged.text, /still on the waitlist/);
    assert.equal(boChanged.parsed.attachments.length, 0, 'no invitation for the waitlist');
    assert.doesNotMatch(boChanged.text, /meet\.example\.se/);

    await events.cancel(admin, event.slug);
    await worker.drain();
    const cancelled = await smtp.waitFor((m) => m.to.includes('anna@example.se') && m.subject.startsWith('Inställt'));
    const third = invitation(cancelled);
    assert.deepEqual({ method: third.method, uid: third.uid, sequence: third.sequence, status: third.status }, { method: 'CANCEL', uid: first.uid, sequence: 2, status: 'CANCELLED' });
    const boCancelled = await smtp.waitFor((m) => m.to.includes('bo@example.se') && m.subject.startsWith('Cancelled'));
    assert.equal(boCancelled.parsed.attachments.length, 0, 'the waitlist had no invitation to withdraw');
  });
});
