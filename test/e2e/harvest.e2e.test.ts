// The harvest page in a real browser (Debian's Chromium): an organisation admin signs in, adds a
// CKAN source (a small local CKAN replaying envidat.ch-shaped packages) with the form, has it run
// now, and after the worker's run (in the test process) sees the latest run's counts on the page and
// the run on the source's runs page. axe (WCAG 2.1 A/AA) finds nothing on the page (sv and en, with
// and without sources, with a form error) or the runs page; no console errors (the CSP).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { domainsOf } from '../../src/domains.js';
import { generatedPackages, startCkanServer, type CkanServer } from '../../src/domains/harvest/testing.js';
import { PASSWORD } from '../../src/domains/organizations/testing.js';
import { Worker } from '../../src/platform/jobs/index.js';
import { PageSession, checkAccessibility, startE2E, type E2E } from './support/browser.js';

const SCREEN_DIR = '/tmp/allmanning-screens';
const ADMIN = { email: 'hugo@example.se', name: 'Hugo Skördare' };

describe('the harvest page in Chromium', () => {
  let e2e: E2E;
  let ckan: CkanServer;
  let dataDir: string;
  let admin: PageSession;

  before(async () => {
    ckan = await startCkanServer(() => generatedPackages(12));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-harvest-e2e-'));
    e2e = await startE2E({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000', ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
    const { accounts, organizations } = domainsOf(e2e.testApp.deps);
    await organizations.organizations.createAsOperator({ name: { sv: 'Naturvårdsverket', en: 'Swedish Environmental Protection Agency' }, slug: 'nv', type: 'state_agency' });
    await accounts.admin.createUserAsOperator({ email: ADMIN.email, name: ADMIN.name, password: PASSWORD });
    await organizations.members.addAsOperator('nv', { email: ADMIN.email, role: 'admin' });
    fs.mkdirSync(SCREEN_DIR, { recursive: true });
  });

  after(async () => {
    await e2e?.close();
    await ckan?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectAccessible(label: string) {
    const { violations, report } = await checkAccessibility(admin.page);
    assert.deepEqual(violations, [], `${label}: ${report}`);
    assert.deepEqual(await admin.settledErrors(), [], label);
    await admin.page.screenshot({ path: path.join(SCREEN_DIR, `harvest-${label.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  }

  test('an admin adds a CKAN source, runs it now and sees the run', async () => {
    admin = await PageSession.open(await e2e.newContext(), e2e.baseUrl);
    await admin.visit('/login');
    await admin.page.fill('form[action="/login"] input[name="email"]', ADMIN.email);
    await admin.page.fill('form[action="/login"] input[name="password"]', PASSWORD);
    await Promise.all([admin.page.waitForNavigation({ waitUntil: 'load' }), admin.page.click('form[action="/login"] button[type="submit"]')]);

    const empty = await admin.visit('/organizations/nv/harvest');
    assert.equal(empty.response.status(), 200);
    assert.equal(await admin.page.textContent('h1'), 'Skörda kataloger');
    await expectAccessible('empty sv');

    const page = admin.page;
    await page.selectOption('#field-type', 'ckan');
    await page.fill('#field-url', 'not a url');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[action="/organizations/nv/harvest"] button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', /Ange en webbadress som börjar med http/);
    await expectAccessible('form error sv');

    await page.selectOption('#field-type', 'ckan');
    await page.fill('#field-url', ckan.url);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[action="/organizations/nv/harvest"] button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', /Källan är tillagd/);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[action$="/run"] button[type=submit]')]);
    assert.match((await page.textContent('main')) ?? '', /En körning är lagd i kö/);

    const { deps, clock } = e2e.testApp;
    await new Worker({ db: deps.db, clock, queue: deps.queue, registry: deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 1, pollIntervalMs: 1_000 }).drain();

    await admin.visit('/organizations/nv/harvest');
    assert.match((await page.textContent('table')) ?? '', /12 skapade, 0 uppdaterade, 0 oförändrade, 0 avpublicerade, 0 misslyckade/);
    await expectAccessible('with source sv');
    await admin.visit('/en/organizations/nv/harvest');
    assert.match((await page.textContent('table')) ?? '', /12 created/);
    await expectAccessible('with source en');

    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`a[href$="/harvest/${(await domainsOf(deps).harvest.service.list(null))[0]!.id}"]`)]);
    assert.match((await page.textContent('table caption')) ?? '', /Runs, newest first/);
    assert.match((await page.textContent('table')) ?? '', /Run now/);
    await expectAccessible('runs en');

    // The schedule, changed on the source's page: a bad one is explained, a good one saved.
    const scheduleForm = 'form[action$="/schedule"]';
    await page.fill(`${scheduleForm} input[name="schedule"]`, 'every night');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`${scheduleForm} button[type=submit]`)]);
    assert.match((await page.textContent('main')) ?? '', /Enter a valid cron expression/);
    await expectAccessible('schedule error en');
    await page.fill(`${scheduleForm} input[name="schedule"]`, '15 3 * * *');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`${scheduleForm} button[type=submit]`)]);
    assert.match((await page.textContent('main')) ?? '', /The schedule has been saved/);
    assert.equal((await domainsOf(deps).harvest.service.list(null))[0]!.schedule, '15 3 * * *');
  });
});
