// Browser tests: the real app listening on 127.0.0.1, driven by Debian's Chromium through
// playwright-core, with axe-core for WCAG 2.1 A/AA checks. One browser and one context per test
// file (startE2E in `before`, close in `after`). Run scripts/ensure-chromium.sh first.
//
// Functions passed to page.evaluate run in the page, not in Node: they may not use anything from
// this module (types are fine, they are erased). tsconfig has no DOM lib on purpose (server code
// must not see `document`), so the page's globals are reached through the small types below.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../support/test-app.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`allmanning tests: Chromium is missing at ${path}; run scripts/ensure-chromium.sh or set CHROMIUM_PATH`);
  }
  return path;
}

export interface E2E {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  testApp: TestApp;
  browser: Browser;
  /** The file's shared context (JavaScript on, 1280×900). */
  context: BrowserContext;
  /** Another context for this file (closed by close()), e.g. { javaScriptEnabled: false }. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };

export async function startE2E(options: TestAppOptions = {}): Promise<E2E> {
  const testApp = await buildTestApp(options);
  let browser: Browser | undefined;
  try {
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = testApp.app.server.address() as AddressInfo;
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 20_000 });
    const b = browser;
    const contexts: BrowserContext[] = [];
    const newContext = async (contextOptions: BrowserContextOptions = {}) => {
      const context = await b.newContext({ viewport: DESKTOP_VIEWPORT, ...contextOptions });
      context.setDefaultTimeout(5_000);
      context.setDefaultNavigationTimeout(10_000);
      contexts.push(context);
      return context;
    };
    const context = await newContext();
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      testApp,
      browser: b,
      context,
      newContext,
      async close() {
        for (const c of contexts) await c.close().catch(() => undefined);
        await b.close();
        await testApp.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await testApp.close();
    throw error;
  }
}

export interface Visit {
  response: Response;
  /** Milliseconds from goto() until the load event. */
  loadMs: number;
}

/**
 * One tab, reused across tests (a new page costs more than a navigation). It collects console
 * errors, uncaught page errors and failed requests — CSP violations show up as console errors —
 * since the last visit(). The document's own error status (a 404 page) is asserted by the tests,
 * so Chromium's "Failed to load resource" line for the document itself is not counted.
 */
export class PageSession {
  readonly errors: string[] = [];
  /**
   * The document the page navigated to last (a visit, a link, a form post): its 4xx is the page's
   * own status, which the tests assert, not a console error.
   */
  private documentUrl = '';

  private constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) this.documentUrl = request.url();
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const isDocumentStatus = message.text().startsWith('Failed to load resource') && message.location().url === this.documentUrl;
      if (!isDocumentStatus) this.errors.push(`${message.text()} (${message.location().url || 'page'})`);
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '?';
      // ERR_ABORTED is the browser cancelling a request itself: leaving the page while a type-ahead
      // fetch or the favicon is in flight, or the page's own AbortController. Not a failure.
      if (reason === 'net::ERR_ABORTED') return;
      this.errors.push(`request failed: ${request.url()} (${reason})`);
    });
  }

  static async open(context: BrowserContext, baseUrl: string): Promise<PageSession> {
    return new PageSession(await context.newPage(), baseUrl);
  }

  /** Navigates to `path` (e.g. '/en/accessibility') and waits for the load event. */
  async visit(path: string): Promise<Visit> {
    this.errors.length = 0;
    const started = performance.now();
    const response = await this.page.goto(this.baseUrl + path, { waitUntil: 'load' });
    const loadMs = performance.now() - started;
    if (!response) throw new Error(`no response for ${path}`);
    return { response, loadMs };
  }

  /** The errors so far, after giving late reports (CSP) a moment to arrive. */
  async settledErrors(): Promise<string[]> {
    await this.page.waitForTimeout(50);
    return [...this.errors];
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; summary: string }[];
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeInPage {
  run(
    context: unknown,
    options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] },
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }[];
  }>;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page. axe is injected with page.evaluate, which is not
 * subject to the page's CSP (addScriptTag would be an inline script, which our CSP refuses).
 */
export async function checkAccessibility(page: Page): Promise<{ violations: AxeViolation[]; report: string }> {
  const injected = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!injected) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags: string[]) => {
    const axeInPage = (globalThis as unknown as { axe: AxeInPage; document: unknown }).axe;
    const pageDocument = (globalThis as unknown as { document: unknown }).document;
    const results = await axeInPage.run(pageDocument, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        // A selector, or a path of selectors through iframes / shadow roots.
        target: n.target.map((t) => (typeof t === 'string' ? t : Array.isArray(t) ? t.join(' >>> ') : JSON.stringify(t))),
        summary: n.failureSummary ?? '',
      })),
    }));
  }, WCAG_TAGS);
  return { violations, report: formatViolations(page.url(), violations) };
}

/** A readable report, e.g. for an assertion message: rule, impact, what to do, where. */
export function formatViolations(url: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `axe: no WCAG 2.1 A/AA violations on ${url}`;
  const lines = [`axe: ${violations.length} WCAG 2.1 A/AA violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`    at ${node.target.join(' ')}`);
      for (const line of node.summary.split('\n').filter(Boolean)) lines.push(`      ${line.trim()}`);
    }
  }
  return lines.join('\n');
}

/** What has keyboard focus, described plainly (evaluated in the page). */
export interface FocusedElement {
  tag: string;
  id: string;
  className: string;
  href: string | null;
  text: string;
  inMain: boolean;
  inHeader: boolean;
}

interface PageElement {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  classList: { contains(name: string): boolean };
}

export async function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: PageElement | null; body: PageElement } }).document.activeElement;
    if (!el || el.tagName === 'BODY') return null;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inMain: el.closest('main') !== null,
      inHeader: el.closest('header') !== null,
    };
  });
}

/**
 * The element `autofocus` gives focus to. Chromium applies `autofocus` in a rendering step that can
 * come after the load event, so the focus is awaited (up to `timeoutMs`) rather than read at once.
 */
export async function autofocusedElement(page: Page, className: string, timeoutMs = 3000): Promise<FocusedElement | null> {
  await page
    .waitForFunction(
      (wanted) => (globalThis as unknown as { document: { activeElement: PageElement | null } }).document.activeElement?.classList.contains(wanted) === true,
      className,
      { timeout: timeoutMs },
    )
    .catch(() => undefined); // the assertion on the returned element reports what has focus instead
  return focusedElement(page);
}

/** Presses Tab up to `max` times and returns what got focus each time (stops when focus leaves the page). */
export async function tabSequence(page: Page, max = 40): Promise<FocusedElement[]> {
  const seen: FocusedElement[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (!focused) break;
    seen.push(focused);
  }
  return seen;
}

/** All text a user or assistive technology can meet: the document's text plus labelling attributes. */
export async function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as {
      document: { documentElement: PageElement; querySelectorAll(s: string): ArrayLike<PageElement> };
    }).document;
    const parts = [doc.documentElement.textContent ?? ''];
    for (const el of Array.from(doc.querySelectorAll('[aria-label], [title], [alt], meta[name="description"]'))) {
      for (const name of ['aria-label', 'title', 'alt', 'content']) {
        const value = el.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n').replace(/\s+/g, ' ');
  });
}
