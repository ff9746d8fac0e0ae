// Local Stockholm time ↔ UTC and series expansion, across the spring and autumn daylight-saving
// changes (2026-03-29 and 2026-10-25): a meeting at 13:00 stays at 13:00 local time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { checkRrule, DEFAULT_RRULE, EVENT_TIMEZONE, occurrencesOf, offsetMinutes, utcToWallTime, wallTimeToUtc } from './time.js';

const tz = EVENT_TIMEZONE;

describe('Stockholm time', () => {
  test('wall time → UTC on both sides of each change', () => {
    assert.equal(wallTimeToUtc('2026-03-28T13:00', tz).toISOString(), '2026-03-28T12:00:00.000Z');
    assert.equal(wallTimeToUtc('2026-03-30T13:00', tz).toISOString(), '2026-03-30T11:00:00.000Z');
    assert.equal(wallTimeToUtc('2026-10-24T13:00', tz).toISOString(), '2026-10-24T11:00:00.000Z');
    assert.equal(wallTimeToUtc('2026-10-26T13:00', tz).toISOString(), '2026-10-26T12:00:00.000Z');
    assert.equal(offsetMinutes(new Date('2026-07-01T00:00:00Z'), tz), 120);
    assert.equal(offsetMinutes(new Date('2026-01-01T00:00:00Z'), tz), 60);
  });

  test('UTC → wall time, and back again', () => {
    for (const local of ['2026-01-06T13:00', '2026-03-29T01:30', '2026-03-29T03:30', '2026-06-30T23:59', '2026-10-25T03:00', '2026-12-31T00:00']) {
      assert.equal(utcToWallTime(wallTimeToUtc(local, tz), tz), local);
    }
  });

  test('the default rule: the first Tuesday of every month at 13:00 local, whatever the season', () => {
    const occurrences = occurrencesOf({ rrule: DEFAULT_RRULE, startsOn: '2026-01-01', startTime: '13:00', timezone: tz }, { max: 12 });
    assert.deepEqual(
      occurrences.map((o) => o.key),
      ['2026-01-06', '2026-02-03', '2026-03-03', '2026-04-07', '2026-05-05', '2026-06-02', '2026-07-07', '2026-08-04', '2026-09-01', '2026-10-06', '2026-11-03', '2026-12-01'].map((d) => `${d}T13:00`),
    );
    // Winter (CET, UTC+1) → 12:00Z; summer (CEST, UTC+2) → 11:00Z.
    assert.deepEqual(
      occurrences.map((o) => o.startsAt.toISOString().slice(11, 16)),
      ['12:00', '12:00', '12:00', '11:00', '11:00', '11:00', '11:00', '11:00', '11:00', '11:00', '12:00', '12:00'],
    );
  });

  test('a weekly series over the night of each change keeps its local time', () => {
    const spring = occurrencesOf({ rrule: 'FREQ=WEEKLY', startsOn: '2026-03-22', startTime: '09:30', timezone: tz }, { max: 2 });
    assert.deepEqual(spring.map((o) => o.startsAt.toISOString()), ['2026-03-22T08:30:00.000Z', '2026-03-29T07:30:00.000Z']);
    const autumn = occurrencesOf({ rrule: 'FREQ=WEEKLY', startsOn: '2026-10-18', startTime: '09:30', timezone: tz }, { max: 2 });
    assert.deepEqual(autumn.map((o) => o.startsAt.toISOString()), ['2026-10-18T07:30:00.000Z', '2026-10-25T08:30:00.000Z']);
    assert.deepEqual(autumn.map((o) => utcToWallTime(o.startsAt, tz)), ['2026-10-18T09:30', '2026-10-25T09:30']);
  });

  test('occurrences after a date and before another', () => {
    const rule = { rrule: DEFAULT_RRULE, startsOn: '2026-01-01', startTime: '13:00', timezone: tz };
    const some = occurrencesOf(rule, { max: 10, after: new Date('2026-05-01T00:00:00Z'), until: new Date('2026-08-01T00:00:00Z') });
    assert.deepEqual(some.map((o) => o.key), ['2026-05-05T13:00', '2026-06-02T13:00', '2026-07-07T13:00']);
  });

  test('rules are checked: RFC 5545 RRULE values only', () => {
    assert.equal(checkRrule('rrule:freq=monthly;byday=1tu'), 'FREQ=MONTHLY;BYDAY=1TU');
    for (const bad of ['', 'MONTHLY', 'FREQ=SOMETIMES', 'FREQ=DAILY;DTSTART=20260101T000000Z', 'FREQ=DAILY\nX:Y']) {
      assert.throws(() => checkRrule(bad), (e: unknown) => e instanceof AppError && e.status === 400, bad);
    }
  });
});
