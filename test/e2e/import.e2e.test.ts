// The DCAT import page in a real browser (Debian's Chromium, scripts/ensure-chromium.sh): an
// organisation admin signs in, opens the import page in Swedish and English, and submits a catalog
// file with the keyboard only; the browser lands at once on the run's page, which shows the run
// queued (its status region, an Update link, nothing refreshing by itself). The test process then
// runs the background job as a worker would; the page's script announces the change in the status
// region without reloading, and Update (by keyboard) shows the finished run and its report. axe (WCAG 2.1 A/AA) finds nothing on the form, the queued run, the report (both
// languages) or a failed run; no console errors (the CSP) on any of them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import pino from 'pino';
import { domainsOf } from '../../src/domains.js';
import { PASSWORD } from '../../src/domains/organizations/testing.js';
import { Worker } from '../../src/platform/jobs/index.js';
import { PageSession, checkAccessibility, focusedElement, startE2E, type E2E, type FocusedElement } from './support/browser.js';

const SCREEN_DIR = '/tmp/allmanning-screens';
const ADMIN = { email: 'ida@example.se', name: 'Ida Importör' };
const fixtures = fileURLToPath(new URL('../../../shared/fixtures/catalogs/', import.meta.url));

/** Presses Tab until `wanted` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, wanted: (el: FocusedElement) => boolean, what: string, max = 200): Promise<FocusedElement> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focusedElement(page);
    if (el && wanted(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('the import page in Chromium', () => {
  let e2e: E2E;
  let dataDir: string;
  let admin: PageSession;
  let runUrl = '';

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-import-e2e-'));
    e2e = await startE2E({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
    const { accounts, organizations } = domainsOf(e2e.testApp.deps);
    await organizations.organizations.createAsOperator({ name: { sv: 'Riksantikvarieämbetet', en: 'Swedish National Heritage Board' }, slug: 'raa', type: 'state_agency' });
    await accounts.admin.createUserAsOperator({ email: ADMIN.email, name: ADMIN.name, password: PASSWORD });
    await organizations.members.addAsOperator('raa', { email: ADMIN.email, role: 'admin' });
    fs.mkdirSync(SCREEN_DIR, { recursive: true });
  });

  after(async () => {
    await e2e?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The worker's part, in this process: everything due, and what waits its turn once time passes. */
  async function runJobs(): Promise<void> {
    const { deps, clock } = e2e.testApp;
    const worker = new Worker({ db: deps.db, clock, queue: deps.queue, registry: deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 1_000 });
    for (let i = 0; i < 10 && (await deps.queue.counts()).queued > 0; i++) {
      await worker.drain();
      clock.advance(15_000);
    }
    assert.equal((await deps.queue.counts()).queued, 0);
  }

  /** axe on the page now, and no console errors. */
  async function expectAccessible(label: string) {
    const { violations, report } = await checkAccessibility(admin.page);
    assert.deepEqual(violations, [], `${label}: ${report}`);
    assert.deepEqual(await admin.settledErrors(), [], label);
    await admin.page.screenshot({ path: path.join(SCREEN_DIR, `import-${label.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  }

  test('an organisation admin signs in and opens the import page in Swedish and English', async () => {
    admin = await PageSession.open(await e2e.newContext(), e2e.baseUrl);
    await admin.visit('/login');
    await admin.page.fill('form[action="/login"] input[name="email"]', ADMIN.email);
    await admin.page.fill('form[action="/login"] input[name="password"]', PASSWORD);
    await Promise.all([admin.page.waitForNavigation({ waitUntil: 'load' }), admin.page.click('form[action="/login"] button[type="submit"]')]);

    const sv = await admin.visit('/organizations/raa/import');
    assert.equal(sv.response.status(), 200);
    assert.equal(await admin.page.getAttribute('html', 'lang'), 'sv');
    assert.equal(await admin.page.textContent('h1'), 'Importera en DCAT-katalog');
    await expectAccessible('form sv');

    const en = await admin.visit('/en/organizations/raa/import');
    assert.equal(en.response.status(), 200);
    assert.equal(await admin.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await admin.page.textContent('h1'), 'Import a DCAT catalog');
    await expectAccessible('form en');
  });

  test('a file chosen and submitted with the keyboard only is queued; after the job, Update shows the report', async () => {
    const page = admin.page;
    // Listening for file choosers turns Playwright's interception on, asynchronously: do it before the
    // page loads, or the key press can open the (headless, invisible) native dialog instead.
    const keepIntercepting = () => undefined;
    page.on('filechooser', keepIntercepting);
    await admin.visit('/organizations/raa/import');
    await tabTo(page, (el) => el.id === 'field-file', 'the file field');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 20_000 }), page.keyboard.press('Space')]);
    page.off('filechooser', keepIntercepting);
    await chooser.setFiles(path.join(fixtures, 'se', 'raa-ksamsok-maquette.ttl'));
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Importera', 'the submit button');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL(/\/organizations\/raa\/import\/[0-9a-f-]{36}$/, { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(response.status(), 303, 'answered at once with a redirect to the run');
    runUrl = new URL(page.url()).pathname;

    // Queued: said in the status region, with an Update link; the job has not run.
    assert.equal(await page.getAttribute('#import-status', 'role'), 'status');
    assert.equal(await page.getAttribute('#import-status', 'data-status'), 'queued');
    assert.match((await page.textContent('#import-status')) ?? '', /Importen väntar på sin tur\./);
    assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
    await expectAccessible('run queued sv');

    await runJobs();

    // The page's script notices the change and announces it in the status region, without reloading.
    await page.waitForFunction(() => (globalThis as unknown as { document: { getElementById(id: string): { getAttribute(name: string): string | null } | null } }).document.getElementById('import-status')?.getAttribute('data-status') === 'succeeded', undefined, { timeout: 12_000 });
    assert.equal(new URL(page.url()).pathname, runUrl);
    assert.equal(((await page.textContent('#import-status')) ?? '').trim(), 'Importen är klar. Välj Uppdatera för att se resultatet.');
    assert.equal(await page.getAttribute('#import-status', 'role'), 'status');
    assert.deepEqual((await admin.settledErrors()).filter((e) => !/favicon\.svg \(net::ERR_ABORTED\)$/.test(e)), [], 'the script ran under the CSP');

    // Update, by keyboard: the same page again, now finished, with the report.
    await tabTo(page, (el) => el.id === 'import-update', 'the Update link');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, runUrl);
    assert.equal(await page.getAttribute('#import-status', 'data-status'), 'succeeded');
    const status = (await page.textContent('#import-status')) ?? '';
    assert.match(status, /Importen är klar\./);
    assert.match(status, /1 skapade, 0 uppdaterade, 0 oförändrade och 0 misslyckade av 1 resurser\./);
    assert.equal(await page.textContent('table caption'), 'Vad som importerades, per resurs');
    assert.equal(await page.locator('#import-update').count(), 0, 'a finished run has nothing to update');
    await expectAccessible('report sv');

    await admin.visit(`/en${runUrl}`);
    assert.match((await page.textContent('#import-status')) ?? '', /The import has finished\./);
    await expectAccessible('report en');
  });

  test('a broken file: the failed run shows its one line, and is accessible too', async () => {
    const page = admin.page;
    await admin.visit('/en/organizations/raa/import');
    await page.setInputFiles('#field-file', path.join(fixtures, 'piveau', 'example_dataset.ttl'));
    await Promise.all([page.waitForURL(/\/en\/organizations\/raa\/import\/[0-9a-f-]{36}$/, { waitUntil: 'load' }), page.click('form[enctype="multipart/form-data"] button[type=submit]')]);
    await runJobs();
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#import-update')]);
    assert.equal(await page.getAttribute('#import-status', 'data-status'), 'failed');
    assert.match((await page.textContent('#import-status')) ?? '', /The source could not be read: example_dataset\.ttl:17:1: /);
    await expectAccessible('run failed en');
  });
});
