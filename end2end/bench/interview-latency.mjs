// Benchmark (not a test): how fast the interview screen reacts, measured in Debian chromium
// against the release server on a fresh SQLite database with the offline coach.
//
//   next→visible   click on "Next Question" until the next question's card is in the DOM, and
//                  until the following animation frame (painted), when the question was
//                  prefetched (the candidate took > 1 s to decide); plus the server's own time
//   submit server  server time of "Submit Answer" without the coach's own time, from the
//                  response's Server-Timing header (total − coach)
//   click→feedback click on "Submit Answer" until the feedback is painted (offline coach)
//   direct load    /interview opened afresh by a signed-in candidate with an empty browser
//                  cache: navigation start → the server's HTML parsed (DOMContentLoaded) and
//                  → the WASM bundle received, and → hydrated (the page marks itself
//                  `data-hydrated`); the last step is compiling, instantiating and hydrating
//   bundle         the WASM bundle's size, raw and as the brotli copy the server sends
//
// Usage: node bench/interview-latency.mjs [ROUNDS]   (make bench starts it after `make build`)
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumOptions, report, startInterview, waitForReady } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.argv[2] ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3190);
const base = `http://127.0.0.1:${port}`;
const ANSWER =
  'At Acme I led the rewrite of our payment service in Rust. I profiled it, replaced the blocking calls with an ' +
  'async pool and added back-pressure; p99 latency fell from 900 ms to 120 ms and incidents dropped by 60%.';

const server = spawn(path.join(here, '..', 'serve.sh'), [String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
try {
  await waitForReady(`${base}/readyz`);
  const browser = await chromium.launch(chromiumOptions());
  const page = await browser.newPage();
  await startInterview(page, base);

  const next = [];
  const nextServer = [];
  const submitServer = [];
  const feedback = [];
  for (let round = 1; round <= rounds; round++) {
    const n = round; // the question on screen
    const timing = page.waitForResponse((r) => r.url().endsWith('/api/interview/answer'));
    await page.getByLabel('Your answer').fill(ANSWER);
    feedback.push(await clickUntil(page, 'Submit Answer', `#question-${n} ~ section.feedback`));
    submitServer.push(serverTimeWithoutCoach((await timing).headers()['server-timing'] ?? ''));
    await page.waitForTimeout(1000); // the candidate reads the feedback; the prefetch finishes
    const nextTiming = page.waitForResponse((r) => r.url().endsWith('/api/interview/next'));
    next.push(await clickUntil(page, 'Next Question', `#question-${n + 1}`));
    nextServer.push(serverTimeWithoutCoach((await nextTiming).headers()['server-timing'] ?? ''));
  }
  const loads = await directLoads(browser, page.context(), rounds);
  await browser.close();

  const bundle = path.join(process.env.SITE_ROOT ?? path.join(here, '..', '..', 'target', 'site'), 'pkg', 'interview-coach.wasm');
  const kb = (file) => (statSync(file).size / 1024).toFixed(0);
  console.log(`WASM bundle: ${kb(bundle)} KB raw, ${kb(`${bundle}.br`)} KB brotli (the whole app: no route is split off yet)`);
  report('Direct load of /interview, empty cache: navigation start → HTML parsed', loads.map((l) => l.parsed));
  report('Direct load of /interview, empty cache: navigation start → WASM received', loads.map((l) => l.wasm));
  report('Direct load of /interview, empty cache: navigation start → hydrated', loads.map((l) => l.hydrated));
  report('Next Question click → next question in the page (prefetched)', next.map((t) => t.dom));
  report('Next Question click → next question painted (next animation frame)', next.map((t) => t.painted));
  report('Next Question server time (Server-Timing total)', nextServer);
  report('Submit Answer server time without the coach (Server-Timing total − coach)', submitServer);
  report('Submit Answer click → feedback painted (offline coach included)', feedback.map((t) => t.painted));
} finally {
  server.kill('SIGTERM');
}

/// Opens /interview `rounds` times, each in a new browser context holding only the candidate's
/// cookies (so nothing is cached), and returns when the HTML was parsed and when the page
/// hydrated, in milliseconds after navigation start.
async function directLoads(browser, signedIn, rounds) {
  const storageState = await signedIn.storageState();
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext({ storageState });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.page[data-hydrated="true"]')) {
          window.__hydratedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { attributes: true, childList: true, subtree: true });
    });
    await page.goto(`${base}/interview`);
    await page.waitForFunction(() => window.__hydratedAt !== undefined);
    loads.push(
      await page.evaluate(() => ({
        parsed: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
        hydrated: window.__hydratedAt,
      })),
    );
    await context.close();
  }
  return loads;
}

/// Clicks the button in the page and resolves, in the page's own clock, with the time until
/// `selector` matches (`dom`) and until the next animation frame after that (`painted`).
function clickUntil(page, buttonText, selector) {
  return page.evaluate(
    ([buttonText, selector]) =>
      new Promise((resolve) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === buttonText);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)) {
            observer.disconnect();
            const dom = performance.now() - started;
            requestAnimationFrame(() => resolve({ dom, painted: performance.now() - started }));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
    [buttonText, selector],
  );
}

function serverTimeWithoutCoach(header) {
  const part = (name) => Number(new RegExp(`${name};dur=([0-9.]+)`).exec(header)?.[1] ?? 0);
  return part('total') - part('coach');
}
