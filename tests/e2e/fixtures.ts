// Every spec imports `test` and `expect` from here: a test fails if any page it opened broke
// the Content-Security-Policy (a blocked script, style, worker, connection or frame), so a
// policy too tight for a feature, or a feature that needs an unsafe exception, shows up here.
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';

const CSP_MESSAGE = /Content Security Policy|Refused to/i;

function watchPage(page: Page, found: string[]) {
  page.on('console', (msg) => {
    if (CSP_MESSAGE.test(msg.text())) found.push(`${page.url()}: ${msg.text()}`);
  });
  // A worker's own violations (a blocked fetch in maplibre's worker) are logged in the worker.
  page.on('worker', (worker) =>
    worker.on('console', (msg) => {
      if (CSP_MESSAGE.test(msg.text())) found.push(`${worker.url()}: ${msg.text()}`);
    }),
  );
  // Blocked eval and the like throw into the page.
  page.on('pageerror', (error) => {
    if (CSP_MESSAGE.test(error.message)) found.push(`${page.url()}: ${error.message}`);
  });
}

/** Collects CSP violations of every page of a context (the fixture does this for all contexts of `browser`). */
export function watchContext(context: BrowserContext, found: string[]) {
  // The browser's own report of each violation, in case a console message is ever worded differently.
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  for (const page of context.pages()) watchPage(page, found);
  context.on('page', (page) => watchPage(page, found));
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, use) => {
      const found: string[] = [];
      const watch = (context: BrowserContext) => watchContext(context, found);
      browser.on('context', watch);
      await use(found);
      browser.off('context', watch);
      expect([...new Set(found)], 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
