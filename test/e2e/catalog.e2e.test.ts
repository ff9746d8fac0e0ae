// The catalog pages in a real browser (Debian's Chromium): an editor signs in, creates a dataset
// with the keyboard only, uploads a CSV and publishes it; an anonymous visitor finds it, sees the
// preview and downloads the file, whose SHA-256 matches the page and the API. Every catalog page is
// checked with axe (WCAG 2.1 A/AA) in both languages, signed in and out, error states included.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { domainsOf } from '../../src/domains.js';
import { PASSWORD } from '../../src/domains/organizations/testing.js';
import { PageSession, autofocusedElement, checkAccessibility, focusedElement, startE2E, type E2E, type FocusedElement } from './support/browser.js';

const SCREEN_DIR = '/tmp/allmanning-screens';
const EDITOR = { email: 'eva@example.se', name: 'Eva Redaktör' };
const CONFIRMED = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };
const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const SITE_ADMIN = { kind: 'user' as const, userId: 'test', email: 'admin@example.se', name: 'Admin', isSiteAdmin: true, roles: {}, via: 'cli' as const };
const CSV = Buffer.from('Kommun;Andel;Invånare\nÅre;12,5;11 000\nÖrebro;7,25;160 000\nGöteborg;3,5;600 000\n', 'utf8');

/** Presses Tab until `wanted` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, wanted: (el: FocusedElement) => boolean, what: string, max = 400): Promise<FocusedElement> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focusedElement(page);
    if (el && wanted(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Does what submits a form and waits for the answer to the POST and the page it loads. */
async function submitted(page: Page, act: () => Promise<unknown>) {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.waitForNavigation({ waitUntil: 'load' }), act()]);
  return response;
}

describe('catalog pages in Chromium', () => {
  let e2e: E2E;
  let dataDir: string;
  let editor: PageSession;
  let visitor: PageSession;
  let slug = '';

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-catalog-e2e-'));
    e2e = await startE2E({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000', ALLMANNING_UPLOAD_MAX_BYTES: '20000' } });
    const { accounts, organizations } = domainsOf(e2e.testApp.deps);
    const catalog = domainsOf(e2e.testApp.deps).catalog.catalog;
    await organizations.organizations.createAsOperator({ name: { sv: 'Myndigheten för digital förvaltning', en: 'Agency for Digital Government' }, slug: 'digg', type: 'state_agency' });
    await accounts.admin.createUserAsOperator({ email: EDITOR.email, name: EDITOR.name, password: PASSWORD });
    await organizations.members.addAsOperator('digg', { email: EDITOR.email, role: 'editor' });

    // What the other pages show: a published dataset with a file, an API serving it, a series, and
    // a high-value draft with things missing (the readiness panel and HVD checklist).
    const { sessionToken, user } = await accounts.sessions.login({ email: EDITOR.email, password: PASSWORD, ip: '127.0.0.1' });
    const actor = { kind: 'user' as const, userId: user.id, email: EDITOR.email, name: EDITOR.name, isSiteAdmin: false, roles: await organizations.rolesOf(user.id), via: 'session' as const };
    await catalog.series.create(actor, { organization: 'digg', title: { sv: 'Kommunstatistik', en: 'Municipal statistics' }, description: { sv: 'Statistik år för år.' }, slug: 'kommunstatistik' });
    await catalog.series.publish(actor, 'kommunstatistik', CONFIRMED);
    await catalog.datasets.create(actor, { organization: 'digg', title: { sv: 'Kommunernas öppna data', en: 'Open data of the municipalities' }, description: { sv: 'Hur mycket öppna data kommunerna delar.' }, slug: 'kommunernas-oppna-data', seriesId: 'kommunstatistik', keywords: { sv: ['öppna data'] } });
    await catalog.distributions.add(actor, 'kommunernas-oppna-data', { title: { sv: 'Andelar per kommun' }, license: CC_BY }, { stream: Readable.from([CSV]), fileName: 'andelar.csv', declaredMediaType: 'text/csv' });
    await catalog.datasets.publish(actor, 'kommunernas-oppna-data', CONFIRMED);
    await catalog.dataServices.create(actor, { organization: 'digg', title: { sv: 'Öppna data-API', en: 'Open data API' }, slug: 'oppna-data-api', endpointUrls: ['https://api.example.se/v1'], formats: ['JSON'], servesDatasetIds: ['kommunernas-oppna-data'], license: 'http://creativecommons.org/licenses/by-nc/4.0/' });
    await catalog.dataServices.publish(actor, 'oppna-data-api', CONFIRMED);
    await catalog.datasets.create(actor, { organization: 'digg', title: { sv: 'Värdefullt utkast' }, slug: 'vardefullt-utkast', hvd: true });

    const editorContext = await e2e.newContext();
    editor = await PageSession.open(editorContext, e2e.baseUrl);
    await editorContext.addCookies([{ name: 'allmanning_session', value: e2e.testApp.app.signCookie(sessionToken), url: e2e.baseUrl }]);
    visitor = await PageSession.open(await e2e.newContext(), e2e.baseUrl);
    fs.mkdirSync(SCREEN_DIR, { recursive: true });
  });

  after(async () => {
    await e2e?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** axe on the page now, and no console errors but the refused POST's own status. */
  async function expectAccessible(session: PageSession, label: string) {
    const { violations, report } = await checkAccessibility(session.page);
    assert.deepEqual(violations, [], `${label}: ${report}`);
    // Chromium logs a refused POST's own status, and a favicon request cut off by a quick keyboard
    // submit; anything else would be a fault (a CSP violation, a broken link).
    const benign = /^Failed to load resource: the server responded with a status of 4\d\d /;
    const errors = (await session.settledErrors()).filter((e) => !benign.test(e));
    assert.deepEqual(errors, [], label);
    await session.page.screenshot({ path: path.join(SCREEN_DIR, `catalog-${label.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  }

  test('an editor signs in and creates a dataset with the keyboard only; a failed submit focuses the error summary', async () => {
    const fresh = await PageSession.open(await e2e.newContext(), e2e.baseUrl);
    await fresh.visit('/login');
    await fresh.page.fill('form[action="/login"] input[name="email"]', EDITOR.email);
    await fresh.page.fill('form[action="/login"] input[name="password"]', PASSWORD);
    await Promise.all([fresh.page.waitForNavigation({ waitUntil: 'load' }), fresh.page.click('form[action="/login"] button[type="submit"]')]);
    editor = fresh;

    await editor.visit('/datasets');
    await tabTo(editor.page, (el) => el.href === '/datasets/new', 'the "add a dataset" link');
    await Promise.all([editor.page.waitForURL('**/datasets/new'), editor.page.keyboard.press('Enter')]);

    // Submit at once: the title is missing.
    await tabTo(editor.page, (el) => el.tag === 'button' && el.text === 'Spara utkastet', 'the submit button');
    const refused = await submitted(editor.page, () => editor.page.keyboard.press('Enter'));
    assert.equal(refused.status(), 400);
    const focused = await autofocusedElement(editor.page, 'error-summary');
    assert.match(focused?.className ?? '', /error-summary/, 'focus is on the error summary');
    await expectAccessible(editor, 'editor error state sv');

    // From the summary to the field, then fill in with the keyboard.
    await editor.page.keyboard.press('Tab');
    assert.equal((await focusedElement(editor.page))?.href, '#field-title-sv');
    await editor.page.keyboard.press('Enter');
    if ((await focusedElement(editor.page))?.id !== 'field-title-sv') await tabTo(editor.page, (el) => el.id === 'field-title-sv', 'the title');
    await editor.page.keyboard.type('Öppna data i kommunerna');
    await tabTo(editor.page, (el) => el.id === 'field-description-sv', 'the description');
    await editor.page.keyboard.type('Hur kommunerna delar öppna data, år för år.');
    await tabTo(editor.page, (el) => el.id === 'field-themes', 'the first theme');
    await editor.page.keyboard.press('Space');
    await tabTo(editor.page, (el) => el.tag === 'button' && el.text === 'Spara utkastet', 'the submit button');
    await Promise.all([editor.page.waitForURL('**/datasets/oppna-data-i-kommunerna'), editor.page.keyboard.press('Enter')]);
    slug = 'oppna-data-i-kommunerna';
    assert.match((await editor.page.textContent('.notice')) ?? '', /Utkastet är sparat/);
    const saved = await domainsOf(e2e.testApp.deps).catalog.catalog.datasets.get(SITE_ADMIN, slug);
    assert.equal(saved.state.metadata.themes.length, 1, 'the theme ticked with Space was saved');
    assert.equal(saved.state.metadata.description.sv, 'Hur kommunerna delar öppna data, år för år.');
  });

  test('the editor uploads a CSV through the distribution form and publishes with the confirmations ticked', async () => {
    await editor.visit(`/datasets/${slug}`);
    await Promise.all([editor.page.waitForURL(`**/datasets/${slug}/distributions/new`), editor.page.click('text=Lägg till distribution')]);
    await editor.page.fill('#field-title-sv', 'Andelar per kommun');
    await editor.page.selectOption('#field-license', CC_BY);
    await editor.page.setInputFiles('#field-file', { name: 'andelar.csv', mimeType: 'text/csv', buffer: CSV });
    await Promise.all([editor.page.waitForURL(`**/datasets/${slug}`), editor.page.click('button[type=submit].button-primary')]);
    assert.match((await editor.page.textContent('.notice')) ?? '', /Distributionen är tillagd/);
    assert.equal(await editor.page.textContent('.checksum'), createHash('sha256').update(CSV).digest('hex'));

    await Promise.all([editor.page.waitForURL(`**/datasets/${slug}/publish`), editor.page.click('.section-links >> text=Publicera')]);
    for (const key of Object.keys(CONFIRMED)) await editor.page.check(`#field-confirmation-${key}`);
    await Promise.all([editor.page.waitForURL(`**/datasets/${slug}`), editor.page.click('button[type=submit].button-primary')]);
    assert.match((await editor.page.textContent('.notice')) ?? '', /Nu är det publicerat/);
  });

  test('an anonymous visitor finds it, sees the preview and downloads the file whose SHA-256 matches the page and the API', async () => {
    await visitor.visit('/datasets');
    await Promise.all([visitor.page.waitForURL(`**/datasets/${slug}`), visitor.page.click('text=Öppna data i kommunerna')]);
    assert.match((await visitor.page.textContent('table caption')) ?? '', /Andelar per kommun/);
    assert.equal(await visitor.page.textContent('table tbody tr:first-child td:nth-child(2)'), '12,5');

    // The preview region can be reached with Tab (it scrolls sideways on narrow screens).
    const region = await tabTo(visitor.page, (el) => el.className.includes('table-scroll'), 'the preview table region');
    assert.ok(region.inMain);

    const shownChecksum = (await visitor.page.textContent('.checksum'))!.trim();
    const href = await visitor.page.getAttribute('a.button-primary[download]', 'href');
    assert.ok(href);
    const [download] = await Promise.all([visitor.page.waitForEvent('download'), visitor.page.click('a.button-primary[download]')]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    assert.equal(sha, shownChecksum);
    const api = await visitor.page.request.get(`${e2e.baseUrl}/api/v1/datasets/${slug}`);
    assert.equal(api.status(), 200);
    const json = (await api.json()) as { distributions: { checksum?: { value: string } }[] };
    assert.equal(json.distributions[0]?.checksum?.value, sha);
  });

  const publicPages = () => [
    '/datasets',
    '/en/datasets',
    `/datasets/${slug}`,
    `/en/datasets/${slug}`,
    '/datasets/kommunernas-oppna-data',
    '/data-services/oppna-data-api',
    '/en/data-services/oppna-data-api',
    '/series/kommunstatistik',
    '/en/series/kommunstatistik',
    '/organizations/digg',
    '/en/organizations/digg',
  ];

  const editorPages = async () => {
    const catalog = domainsOf(e2e.testApp.deps).catalog.catalog;
    const distribution = (await catalog.datasets.get(SITE_ADMIN, 'kommunernas-oppna-data')).state.distributions![0]!.id;
    const base = '/datasets/kommunernas-oppna-data';
    return [
      ...publicPages(),
      '/datasets/new',
      '/en/datasets/new',
      `${base}/edit`,
      `/en${base}/edit`,
      `${base}/distributions/new`,
      `/en${base}/distributions/new`,
      `${base}/distributions/${distribution}/edit`,
      `/en${base}/distributions/${distribution}/edit`,
      `${base}/distributions/${distribution}/preview`,
      `/en${base}/distributions/${distribution}/preview`,
      `${base}/distributions/${distribution}/remove`,
      `${base}/history`,
      `/en${base}/history`,
      `${base}/delete`,
      '/datasets/vardefullt-utkast',
      '/en/datasets/vardefullt-utkast',
      '/datasets/vardefullt-utkast/publish',
      '/en/datasets/vardefullt-utkast/publish',
      '/data-services/new',
      '/en/data-services/new',
      '/data-services/oppna-data-api/edit',
      '/en/data-services/oppna-data-api/edit',
      '/data-services/oppna-data-api/history',
      '/series/new',
      '/series/kommunstatistik/edit',
      '/en/series/kommunstatistik/edit',
    ];
  };

  test('every page, signed out: 200, its language, no axe violations, no console errors', async () => {
    for (const url of publicPages()) {
      const { response } = await visitor.visit(url);
      assert.equal(response.status(), 200, url);
      assert.equal(await visitor.page.getAttribute('html', 'lang'), url.startsWith('/en') ? 'en' : 'sv', url);
      await expectAccessible(visitor, `anonymous ${url}`);
    }
  });

  test('every page, signed in as an editor: 200, its language, no axe violations, no console errors', async () => {
    for (const url of await editorPages()) {
      const { response } = await editor.visit(url);
      assert.equal(response.status(), 200, url);
      assert.equal(await editor.page.getAttribute('html', 'lang'), url.startsWith('/en') ? 'en' : 'sv', url);
      await expectAccessible(editor, `editor ${url}`);
    }
  });

  test('error states are accessible too: editor, distribution form, publish page (sv and en)', async () => {
    const cases: [string, () => Promise<void>][] = [
      ['/en/datasets/new', () => editor.page.fill('#field-landingPage', 'not an address')],
      ['/datasets/kommunernas-oppna-data/distributions/new', () => editor.page.fill('#field-accessUrl', 'inte en adress')],
      ['/en/datasets/kommunernas-oppna-data/distributions/new', () => editor.page.setInputFiles('#field-file', { name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.alloc(30_000, 'a;b\n') })],
      ['/datasets/vardefullt-utkast/publish', () => editor.page.check('#field-confirmation-noSecrecy')],
      ['/en/datasets/vardefullt-utkast/publish', async () => {}],
      ['/en/data-services/new', () => editor.page.fill('#field-title-sv', '')],
    ];
    for (const [url, fill] of cases) {
      await editor.visit(url);
      await fill();
      const response = await submitted(editor.page, () => editor.page.click('form[method=post] button[type=submit].button-primary'));
      assert.ok([400, 413].includes(response.status()), `${url}: ${response.status()}`);
      assert.equal(await editor.page.locator('.error-summary').count(), 1, url);
      assert.match((await autofocusedElement(editor.page, 'error-summary'))?.className ?? '', /error-summary/, `${url}: focus on the summary`);
      await expectAccessible(editor, `error ${url}`);
    }
  });
});
