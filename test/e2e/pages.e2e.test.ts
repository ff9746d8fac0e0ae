// Every page in a real browser: status, language, title and headings, WCAG 2.1 A/AA (axe), no
// console errors (CSP), keyboard use, the language switch, pages without JavaScript, the right
// language's strings only, and the layout at desktop and mobile widths (screenshots for a human).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { catalogs, localizedPath, type Locale, type MessageKey } from '../../src/platform/i18n/index.js';
import { mainNavigation } from '../../src/platform/views/index.js';
import { PageSession, checkAccessibility, focusedElement, pageTexts, startE2E, tabSequence, type E2E } from './support/browser.js';

interface PageCase {
  path: string;
  locale: Locale;
  status: number;
  /** The catalog key of the page's h1; its text must also be in <title>. */
  heading: MessageKey;
  /** The same page in the other language. */
  alternate: string;
}

const pages: PageCase[] = [
  { path: '/', locale: 'sv', status: 200, heading: 'home.heading', alternate: '/en' },
  { path: '/en', locale: 'en', status: 200, heading: 'home.heading', alternate: '/' },
  { path: '/accessibility', locale: 'sv', status: 200, heading: 'accessibility.title', alternate: '/en/accessibility' },
  { path: '/en/accessibility', locale: 'en', status: 200, heading: 'accessibility.title', alternate: '/accessibility' },
  { path: '/developers/api', locale: 'sv', status: 200, heading: 'apiDocs.title', alternate: '/en/developers/api' },
  { path: '/en/developers/api', locale: 'en', status: 200, heading: 'apiDocs.title', alternate: '/developers/api' },
  { path: '/finns-inte-alls', locale: 'sv', status: 404, heading: 'error.notFound.title', alternate: '/en/finns-inte-alls' },
  { path: '/en/no-such-page', locale: 'en', status: 404, heading: 'error.notFound.title', alternate: '/no-such-page' },
];

/** Layout strings on every page; each must be there in the page's language and absent in the other's. */
const layoutKeys: MessageKey[] = [
  'layout.skipToContent',
  'layout.mainNavigation',
  'layout.footerNavigation',
  'layout.footerAbout',
  'layout.metadataLicense',
  'layout.languageSwitch',
  'layout.languageSwitchLabel',
  'nav.home',
  'nav.accessibility',
];

const SCREEN_DIR = '/tmp/allmanning-screens';

let e2e: E2E;
/** A tab with JavaScript on (1280×900), one with JavaScript off, one 375 px wide. */
let tab: PageSession;
let noJsTab: PageSession;
let mobileTab: PageSession;
const timings: { path: string; ms: number }[] = [];

before(async () => {
  e2e = await startE2E();
  tab = await PageSession.open(e2e.context, e2e.baseUrl);
  noJsTab = await PageSession.open(await e2e.newContext({ javaScriptEnabled: false }), e2e.baseUrl);
  mobileTab = await PageSession.open(await e2e.newContext({ viewport: { width: 375, height: 812 } }), e2e.baseUrl);
});

after(async () => {
  await e2e?.close();
  if (timings.length > 0) {
    const summary = timings.map((t) => `${t.path} ${t.ms.toFixed(0)} ms`).join(', ');
    console.log(`# page loads (goto → load event): ${summary}`);
  }
});

describe('browser test helpers', () => {
  test('checkAccessibility reports a real violation readably', async () => {
    await tab.visit('/');
    await tab.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(n: string): { src: string }; querySelector(s: string): { append(n: unknown): void } } }).document;
      const img = doc.createElement('img');
      img.src = '/static/favicon.svg';
      doc.querySelector('main').append(img);
    });
    const { violations, report } = await checkAccessibility(tab.page);
    assert.deepEqual(
      violations.map((v) => v.id),
      ['image-alt'],
    );
    assert.match(report, /image-alt \[critical\] Images must have alternative text/);
    assert.match(report, /\n {4}at img\n/);
  });

  test('the error collector sees CSP violations and failed resources', async () => {
    await tab.visit('/');
    assert.deepEqual(await tab.settledErrors(), []);
    await tab.page.evaluate(() => {
      const doc = (globalThis as unknown as {
        document: { createElement(n: string): { textContent: string; src: string }; body: { append(n: unknown): void } };
      }).document;
      const script = doc.createElement('script');
      script.textContent = 'void 0';
      doc.body.append(script);
      const img = doc.createElement('img');
      img.src = '/static/no-such-image.png';
      doc.body.append(img);
    });
    await tab.page.waitForLoadState('networkidle');
    const errors = await tab.settledErrors();
    assert.ok(errors.some((e) => /Content Security Policy/.test(e)), `a CSP violation is reported: ${errors.join(' | ')}`);
    assert.ok(errors.some((e) => /404/.test(e) && e.includes('no-such-image.png')), `a 404 resource is reported: ${errors.join(' | ')}`);
  });
});

describe('every page', () => {
  for (const c of pages) {
    test(`${c.path}: ${c.status}, lang=${c.locale}, one h1, a title, no axe violations, no console errors`, async (t) => {
      const { response, loadMs } = await tab.visit(c.path);
      const page = tab.page;
      timings.push({ path: c.path, ms: loadMs });
      t.diagnostic(`loaded in ${loadMs.toFixed(0)} ms`);
      assert.equal(response.status(), c.status);
      assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
      assert.equal(await page.locator('html').getAttribute('lang'), c.locale);

      const title = await page.title();
      const t9n = catalogs[c.locale];
      assert.ok(title.trim().length > 0, 'the page has a non-empty <title>');
      assert.ok(title.includes(t9n['site.name']), `title "${title}" names the site`);

      const h1 = page.locator('h1');
      assert.equal(await h1.count(), 1, 'exactly one h1');
      assert.equal((await h1.innerText()).trim(), t9n[c.heading]);
      assert.equal(await page.locator('main').count(), 1, 'exactly one <main>');
      assert.equal(await page.locator('main h1').count(), 1, 'the h1 is inside <main>');

      const { violations, report } = await checkAccessibility(page);
      assert.equal(violations.length, 0, report);

      const errors = await tab.settledErrors();
      assert.deepEqual(errors, [], `console errors on ${c.path}:\n${errors.join('\n')}`);
    });
  }
});

describe('keyboard', () => {
  for (const c of pages) {
    test(`${c.path}: the first Tab focuses the skip link, which moves focus into <main>`, async () => {
      await tab.visit(c.path);
      const page = tab.page;
      await page.keyboard.press('Tab');
      const first = await focusedElement(page);
      assert.ok(first, 'the first Tab focuses something');
      assert.equal(first.className, 'skip-link');
      assert.equal(first.href, '#main');
      assert.equal(first.text, catalogs[c.locale]['layout.skipToContent']);
      const box = await page.locator('.skip-link').boundingBox();
      assert.ok(box && box.y >= 0 && box.x >= 0 && box.height > 10, `the focused skip link is on screen (${JSON.stringify(box)})`);

      await page.keyboard.press('Enter');
      const target = await focusedElement(page);
      assert.ok(target, 'activating the skip link focuses something');
      assert.ok(target.tag === 'main' || target.inMain, `focus is in <main>, not on ${JSON.stringify(target)}`);

      await page.keyboard.press('Tab');
      const next = await focusedElement(page);
      assert.ok(next, 'Tab after the skip link moves on');
      assert.equal(next.inHeader, false, `Tab after the skip link does not go back to the header: ${JSON.stringify(next)}`);
    });

    test(`${c.path}: Tab reaches the language switch and every nav link, in order`, async () => {
      await tab.visit(c.path);
      const order = await tabSequence(tab.page);
      const hrefs = order.map((f) => f.href);
      assert.equal(order[0]?.className, 'skip-link');

      const switchIndex = order.findIndex((f) => f.className.includes('language-switch'));
      assert.ok(switchIndex > 0, `the language switch is reachable by Tab: ${JSON.stringify(hrefs)}`);
      assert.equal(order[switchIndex]?.href, c.alternate);

      let last = switchIndex;
      for (const item of mainNavigation) {
        const href = localizedPath(c.locale, item.path);
        const index = order.findIndex((f, i) => i > last && f.href === href && f.inHeader);
        assert.ok(index > last, `nav link ${href} is reachable by Tab after the one before it: ${JSON.stringify(hrefs)}`);
        assert.equal(order[index]?.text, catalogs[c.locale][item.label]);
        last = index;
      }
      assert.ok(
        order.some((f) => f.href === localizedPath(c.locale, '/accessibility') && !f.inHeader && !f.inMain),
        `the footer link to the accessibility statement is reachable by Tab: ${JSON.stringify(hrefs)}`,
      );
    });
  }
});

describe('language switch keeps the page', () => {
  const cases = [
    { from: '/accessibility', to: '/en/accessibility' },
    { from: '/en/accessibility', to: '/accessibility' },
    { from: '/accessibility?ref=nav&x=1', to: '/en/accessibility?ref=nav&x=1' },
    { from: '/en/developers/api?x=1', to: '/developers/api?x=1' },
    { from: '/', to: '/en' },
    { from: '/?a=b', to: '/en?a=b' },
    { from: '/en', to: '/' },
  ];
  for (const { from, to } of cases) {
    test(`${from} → ${to}`, async () => {
      await tab.visit(from);
      const page = tab.page;
      const toLocale: Locale = to.startsWith('/en') ? 'en' : 'sv';
      const fromLocale: Locale = toLocale === 'en' ? 'sv' : 'en';
      const link = page.locator('a.language-switch');
      assert.equal(await link.getAttribute('lang'), toLocale, 'the switch is marked up in the language it offers');
      assert.equal(await link.getAttribute('hreflang'), toLocale);
      assert.ok((await link.innerText()).includes(catalogs[fromLocale]['layout.languageSwitch']));
      await Promise.all([page.waitForURL(`${e2e.baseUrl}${to}`), link.click()]);
      const url = new URL(page.url());
      assert.equal(url.pathname + url.search, to);
      assert.equal(await page.locator('html').getAttribute('lang'), toLocale);
    });
  }
});

describe('without JavaScript', () => {
  for (const c of pages) {
    test(`${c.path} works and shows the same main content`, async () => {
      await tab.visit(c.path);
      const mainWithJs = (await tab.page.locator('main').textContent()) ?? '';
      const { response } = await noJsTab.visit(c.path);
      const page = noJsTab.page;
      assert.equal(response.status(), c.status);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.ok(main.trim().length > 0, 'main has content without JavaScript');
      assert.equal(main, mainWithJs);
      assert.equal((await page.locator('h1').innerText()).trim(), catalogs[c.locale][c.heading]);
      assert.equal(await page.locator('a.language-switch').getAttribute('href'), c.alternate);
      assert.deepEqual(await noJsTab.settledErrors(), []);
    });
  }

  test('following links works without JavaScript', async () => {
    await noJsTab.visit('/');
    const page = noJsTab.page;
    await Promise.all([page.waitForURL(`${e2e.baseUrl}/en`), page.locator('a.language-switch').click()]);
    await Promise.all([page.waitForURL(`${e2e.baseUrl}/en/developers/api`), page.locator('header nav a[href="/en/developers/api"]').click()]);
    assert.equal((await page.locator('h1').innerText()).trim(), catalogs.en['apiDocs.title']);
  });
});

describe('language of the interface', () => {
  for (const c of pages) {
    test(`${c.path} shows ${c.locale} UI strings, not the other catalog's`, async () => {
      await tab.visit(c.path);
      const texts = await pageTexts(tab.page);
      const own = catalogs[c.locale];
      const other = catalogs[c.locale === 'sv' ? 'en' : 'sv'];
      let compared = 0;
      for (const key of [...layoutKeys, c.heading]) {
        if (own[key] === other[key]) continue;
        compared += 1;
        assert.ok(texts.includes(own[key]), `${c.path} shows ${key} in ${c.locale}: "${own[key]}"`);
        assert.ok(!texts.includes(other[key]), `${c.path} must not show ${key} from the other catalog: "${other[key]}"`);
      }
      assert.ok(compared >= 8, `compared ${compared} keys`);
    });
  }
});

test('/developers/api marks the English summaries from the OpenAPI document as English', async () => {
  await tab.visit('/developers/api');
  const cells = tab.page.locator('main tbody td:nth-child(3)');
  assert.ok((await cells.count()) > 0, 'the operations table lists operations');
  for (const lang of await cells.evaluateAll((tds) => tds.map((td) => (td as unknown as { lang: string }).lang))) assert.equal(lang, 'en');
  await tab.visit('/en/developers/api');
  assert.equal(await tab.page.locator('main tbody td[lang]').count(), 0, 'no lang override on the English page');
});

describe('layout', () => {
  test('Swedish home page: screenshots at 1280×900 and 375 px wide', async () => {
    mkdirSync(SCREEN_DIR, { recursive: true });
    await tab.visit('/');
    await tab.page.screenshot({ path: `${SCREEN_DIR}/home-desktop.png` });
    await tab.page.screenshot({ path: `${SCREEN_DIR}/home-desktop-full.png`, fullPage: true });
    await mobileTab.visit('/');
    await mobileTab.page.screenshot({ path: `${SCREEN_DIR}/home-mobile.png`, fullPage: true });
    for (const [file, width] of [
      ['home-desktop.png', 1280],
      ['home-mobile.png', 375],
    ] as const) {
      const png = readFileSync(`${SCREEN_DIR}/${file}`);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
      assert.equal(png.readUInt32BE(16), width, `${file} is ${width} px wide`);
    }
  });

  test('no page scrolls sideways at 375 px, nor at 320 px (WCAG 1.4.10 reflow)', async () => {
    for (const width of [375, 320]) {
      await mobileTab.page.setViewportSize({ width, height: 812 });
      for (const c of pages) {
        await mobileTab.visit(c.path);
        const scrollWidth = await mobileTab.page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        );
        assert.ok(scrollWidth <= width, `${c.path} is ${scrollWidth} px wide at a ${width} px viewport`);
      }
    }
    await mobileTab.page.setViewportSize({ width: 375, height: 812 });
  });

  test('the stylesheet applies: pine green header on birch paper', async () => {
    await tab.visit('/');
    const colours = await tab.page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { body: unknown; querySelector(s: string): unknown };
        getComputedStyle(el: unknown): { backgroundColor: string };
      };
      return {
        header: g.getComputedStyle(g.document.querySelector('.site-header')).backgroundColor,
        body: g.getComputedStyle(g.document.querySelector('html')).backgroundColor,
      };
    });
    assert.equal(colours.header, 'rgb(11, 79, 60)');
    assert.equal(colours.body, 'rgb(251, 250, 246)');
  });
});
