// The `test` every spec uses: Playwright's, plus a check that nothing on any page of the test
// broke the Content-Security-Policy. A violation fails the test it happened in, with the
// directive and what was blocked.
//
// Two witnesses, because each sees what the other cannot: the `securitypolicyviolation` event
// (needs JavaScript, so the hydrated project only) and the browser's console error "... violates
// the following Content Security Policy directive ...", which Chromium logs with JavaScript off
// too (a blocked form target or redirect after a form post, a blocked style).
import { test as base, expect } from '@playwright/test';

export { expect };

declare global {
  interface Window {
    __reportCspViolation?: (violation: string) => void;
  }
}

export const test = base.extend<{ noPolicyViolations: void }>({
  noPolicyViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', ({ page }, violation: string) => {
        violations.push(`${page.url()}: ${violation}`);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const blocked = event.blockedURI || 'inline';
          const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
          window.__reportCspViolation?.(`${event.effectiveDirective} blocked ${blocked}${where}`);
        });
      });
      context.on('console', (message) => {
        if (message.type() === 'error' && /Content[ -]Security[ -]Policy/i.test(message.text())) {
          violations.push(`${message.page()?.url() ?? 'a page'}: ${message.text()}`);
        }
      });

      await use();

      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
