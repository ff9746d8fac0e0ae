// The search page in a real browser (Debian's Chromium): a visitor searches, narrows by a facet and
// reads marked matches with the keyboard only; type-ahead suggestions fill in as they type (the
// progressive-enhancement script, under the CSP); without JavaScript the same GET form works in
// English; the no-results page offers other spellings and fewer filters. Every state is checked
// with axe (WCAG 2.1 A/AA) and for console errors (CSP violations show up there).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { domainsOf } from '../../src/domains.js';
import { PASSWORD } from '../../src/domains/organizations/testing.js';
import { testDialect } from '../support/test-database.js';
import { PageSession, checkAccessibility, focusedElement, startE2E, type E2E, type FocusedElement } from './support/browser.js';

const CONFIRMED = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };
const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const EDUC = 'http://publications.europa.eu/resource/authority/data-theme/EDUC';
const ENVI = 'http://publications.europa.eu/resource/authority/data-theme/ENVI';

async function tabTo(page: Page, wanted: (el: FocusedElement) => boolean, what: string, max = 200): Promise<FocusedElement> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focusedElement(page);
    if (el && wanted(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('search page in Chromium', () => {
  let e2e: E2E;
  let dataDir: string;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-search-e2e-'));
    e2e = await startE2E({ env: { ALLMANNING_DATA_DIR: dataDir } });
    const { accounts, organizations, catalog } = domainsOf(e2e.testApp.deps);
    await organizations.organizations.createAsOperator({ name: { sv: 'Malmö stad', en: 'City of Malmö' }, slug: 'malmo', type: 'municipality' });
    const user = await accounts.admin.createUserAsOperator({ email: 'eva@example.se', name: 'Eva', password: PASSWORD });
    await organizations.members.addAsOperator('malmo', { email: 'eva@example.se', role: 'editor' });
    const actor = { kind: 'user' as const, userId: user.id, email: 'eva@example.se', name: 'Eva', isSiteAdmin: false, roles: await organizations.rolesOf(user.id), via: 'session' as const };
    const datasets = [
      { slug: 'forskolor', title: { sv: 'Förskolor i Malmö', en: 'Preschools in Malmö' }, description: { sv: 'Alla förskolor med adress och antal platser.', en: 'Every preschool with address and places.' }, themes: [EDUC] },
      { slug: 'forskoleplatser', title: { sv: 'Förskoleplatser per område', en: 'Preschool places by district' }, description: { sv: 'Lediga platser i förskolor, per område.' }, themes: [EDUC] },
      { slug: 'badvatten', title: { sv: 'Badvatten', en: 'Bathing water' }, description: { sv: 'Vattenkvalitet vid stränderna, nära förskolor och skolor.' }, themes: [ENVI] },
    ];
    for (const d of datasets) {
      await catalog.catalog.datasets.create(actor, { organization: 'malmo', ...d });
      await catalog.catalog.distributions.add(actor, d.slug, { accessUrl: `https://example.se/${d.slug}.csv`, license: CC_BY });
      await catalog.catalog.datasets.publish(actor, d.slug, CONFIRMED);
    }
  });

  after(async () => {
    await e2e?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectAccessible(session: PageSession, label: string) {
    const { violations, report } = await checkAccessibility(session.page);
    assert.deepEqual(violations, [], `${label}: ${report}`);
    assert.deepEqual(await session.settledErrors(), [], `${label}: console errors`);
  }

  test('keyboard only: search, tick a facet, read the marked results; the count is a live region', async () => {
    const visitor = await PageSession.open(e2e.context, e2e.baseUrl);
    await visitor.visit('/datasets');
    await expectAccessible(visitor, 'the empty search page');
    const { page } = visitor;
    await tabTo(page, (el) => el.tag === 'input' && el.id === 'search-q', 'the search field');
    await page.keyboard.type('förskola');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match(page.url(), /\/datasets\?q=f%C3%B6rskola/);
    const status = page.locator('[role="status"]');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal((await status.textContent())?.trim(), '3 datamängder för ”förskola”');
    assert.deepEqual(await page.locator('.search-hits mark').first().textContent(), 'Förskolor');
    await expectAccessible(visitor, 'results for "förskola"');

    // The theme facet "Utbildning…" by keyboard, then the facet form's submit button.
    const educId = await page.locator('input[name="theme"][value="EDUC"]').getAttribute('id');
    assert.equal(await page.locator(`label[for="${educId}"]`).textContent(), 'Utbildning, kultur och sport (2)');
    await tabTo(page, (el) => el.tag === 'input' && el.id === educId, 'the EDUC checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'button' && el.text.includes('Visa träffar'), 'the apply button');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match(page.url(), /theme=EDUC/);
    assert.equal((await status.textContent())?.trim(), '2 datamängder för ”förskola”');
    assert.ok(await page.locator('input[name="theme"][value="EDUC"]').isChecked());
    await expectAccessible(visitor, 'results narrowed by a theme');
  });

  test('type-ahead: suggestions fill a datalist as the visitor types (script allowed by the CSP)', async () => {
    const visitor = await PageSession.open(e2e.context, e2e.baseUrl);
    await visitor.visit('/datasets');
    await visitor.page.locator('#search-q').pressSequentially('förskol', { delay: 20 });
    await visitor.page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#search-suggestions option').length >= 2);
    const options = await visitor.page.locator('#search-suggestions option').evaluateAll((nodes) => nodes.map((n) => (n as unknown as { value: string }).value));
    assert.deepEqual(options.sort(), ['Förskoleplatser per område', 'Förskolor i Malmö']);
    assert.equal(await visitor.page.locator('#search-q').getAttribute('list'), 'search-suggestions');
    await expectAccessible(visitor, 'type-ahead');
  });

  test('without JavaScript, in English: the GET form and shareable URLs', async () => {
    const context = await e2e.newContext({ javaScriptEnabled: false });
    const visitor = await PageSession.open(context, e2e.baseUrl);
    await visitor.visit('/en/datasets?q=preschool');
    assert.match((await visitor.page.locator('[role="status"]').textContent()) ?? '', /2 datasets for “preschool”/);
    assert.deepEqual((await visitor.page.locator('.search-hits h3 a mark').allTextContents()).sort(), ['Preschool', 'Preschools'], 'both English titles, the matches marked');
    await visitor.page.fill('#search-q', 'bathing');
    await Promise.all([visitor.page.waitForURL(`${e2e.baseUrl}/en/datasets?q=bathing&sort=relevance`), visitor.page.click('.search-row button[type="submit"]')]);
    assert.equal(await visitor.page.locator('.search-hits h3 a').textContent(), 'Bathing water');
    assert.deepEqual(await visitor.settledErrors(), []);
  });

  test('English results and the no-results page pass axe', async () => {
    const visitor = await PageSession.open(e2e.context, e2e.baseUrl);
    await visitor.visit('/en/datasets?q=preschool');
    await expectAccessible(visitor, 'English results');
    await visitor.visit('/datasets?q=f%C3%B6rskolr&theme=ENVI');
    assert.match((await visitor.page.locator('.search-none').textContent()) ?? '', /Inga datamängder hittades/);
    // "Did you mean" comes from the embedded index (the PostgreSQL one offers none); both link the search without the filter.
    if (testDialect === 'sqlite') assert.equal(await visitor.page.locator('.search-none a').first().getAttribute('href'), '/datasets?q=f%C3%B6rskolor&theme=ENVI', 'the most common known word one letter away');
    assert.equal(await visitor.page.locator('.search-none li a').first().getAttribute('href'), '/datasets?q=f%C3%B6rskolr');
    await expectAccessible(visitor, 'no results');
  });
});
