// Every route loaded directly (a bookmark, a link from outside, a reload) with real data behind
// it: the page reads complete, and hydrated it takes over without a single error. In-app
// navigation builds the DOM from code; a direct load hydrates the DOM the browser's HTML parser
// built from the server's HTML, so markup the parser re-parents breaks only here (see markup.ts).
import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { oidcAppPort } from '../playwright.config';
import { FALLACY, STRONG, question, readyCandidate, seedCohort } from './helpers';
import { bodyOf, contentModelProblems, firstDifference, literalTree, parsedByBrowser } from './markup';

/// A route, the status it answers with and what it must show once loaded.
interface Route {
  path: string;
  status?: number;
  /// Where the route ends up when it redirects (a page that needs a user, or none).
  landsOn?: string;
  shows: (page: Page, hydrated: boolean) => Promise<void>;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

const landing: Route['shows'] = async (page) => {
  await expect.soft(heading(page)).toHaveText('Practise the interview for the job you want');
};
/// The home page of the candidate with answers: where they are, and the way back in.
const home: Route['shows'] = async (page) => {
  await expect.soft(heading(page)).toHaveText('Welcome back, Ada');
  await expect.soft(page.getByRole('link', { name: /^Continue: question \d+$/ })).toBeVisible();
};
const signInForm: Route['shows'] = async (page) => {
  await expect.soft(heading(page)).toHaveText('Sign in');
  await expect.soft(page.getByLabel('First name')).toBeVisible();
};
const signInFailed: Route = {
  path: '/signin/failed',
  shows: async (page) => {
    await expect.soft(heading(page)).toHaveText('Sign-in failed');
    await expect.soft(page.getByRole('link', { name: 'Try again' })).toBeVisible();
  },
};
const notFound: Route = {
  path: '/no/such/page',
  status: 404,
  shows: async (page) => {
    await expect.soft(heading(page)).toHaveText('Page not found');
  },
};

/// A candidate with answers, feedback, a skipped question, a fallacy and an open question.
const CANDIDATE_ROUTES: Route[] = [
  { path: '/', shows: home },
  { path: '/signin', landsOn: '/', shows: home },
  signInFailed,
  // With the development sign-in nobody needs the profile form: it sends them on.
  { path: '/welcome', landsOn: '/', shows: home },
  {
    path: '/account',
    shows: async (page) => {
      await expect.soft(heading(page)).toHaveText('Your account');
      await expect.soft(page.locator('.details')).toContainText('Development sign-in');
    },
  },
  {
    path: '/setup',
    shows: async (page) => {
      await expect.soft(page.getByLabel('CV summary')).toContainText('cv-two-pages.pdf');
      await expect.soft(page.getByLabel('Job description summary')).toContainText('Backend Engineer');
      await expect.soft(page.getByRole('link', { name: 'Continue your interview' })).toBeVisible();
    },
  },
  {
    path: '/interview',
    shows: async (page) => {
      await expect.soft(heading(page)).toHaveText('Interview practice');
      await expect.soft(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();
      await expect.soft(question(page, 2).getByText('Skipped.')).toBeVisible();
      await expect.soft(question(page, 3).getByRole('note', { name: 'Fallacy detected' })).toContainText('Bandwagon');
      await expect.soft(question(page, 4).getByRole('region', { name: 'How you spoke' })).toContainText('1:15');
      await expect.soft(question(page, 5).getByLabel('Your answer')).toBeEditable();
      await expect.soft(page.getByRole('link', { name: 'Analytics' })).toBeVisible();
    },
  },
  {
    path: '/analytics',
    shows: async (page, hydrated) => {
      await expect.soft(heading(page)).toHaveText('Your progress');
      await expect.soft(page.locator('.metric', { hasText: 'Questions attempted' }).locator('dd')).toHaveText('4');
      await expect.soft(page.getByRole('button', { name: 'Download PDF' })).toBeVisible();
      const figures = page.locator('figure[data-chart]');
      await expect.soft(figures).toHaveCount(5);
      // Hydrated, D3 draws every chart; without JavaScript the tables stand in for them.
      for (const kind of ['progress', 'averages', 'distribution', 'skills', 'pace']) {
        const svg = page.locator(`figure[data-chart="${kind}"] .chart svg`);
        await expect.soft(svg, `the ${kind} chart`).toHaveCount(hydrated ? 1 : 0);
        await expect.soft(page.locator(`figure[data-chart="${kind}"] table tbody tr`).first()).toBeAttached();
      }
    },
  },
  {
    path: '/history',
    shows: async (page) => {
      await expect.soft(heading(page)).toHaveText('Your interviews');
      await expect.soft(page.getByRole('link', { name: 'Interview 1' })).toBeVisible();
    },
  },
  {
    path: '/history/1',
    shows: async (page) => {
      await expect.soft(heading(page)).toHaveText('Interview 1');
      await expect.soft(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();
      await expect.soft(question(page, 3).getByRole('note', { name: 'Fallacy detected' })).toContainText('Bandwagon');
      await expect.soft(question(page, 4).getByRole('region', { name: 'How you spoke' })).toBeVisible();
      await expect.soft(page.getByRole('button', { name: 'Submit Answer' })).toHaveCount(0);
    },
  },
  notFound,
];

/// The same routes for a visitor: pages that need a user send them to sign in.
const VISITOR_ROUTES: Route[] = [
  { path: '/', shows: landing },
  { path: '/signin', shows: signInForm },
  signInFailed,
  { path: '/welcome', landsOn: '/signin', shows: signInForm },
  { path: '/account', landsOn: '/signin', shows: signInForm },
  { path: '/setup', landsOn: '/signin', shows: signInForm },
  { path: '/interview', landsOn: '/signin', shows: signInForm },
  { path: '/analytics', landsOn: '/signin', shows: signInForm },
  { path: '/history', landsOn: '/signin', shows: signInForm },
  notFound,
];

/// Collects uncaught exceptions and console errors from now until `stop`.
function watchForErrors(page: Page) {
  const seen: { text: string; url: string }[] = [];
  const onPageError = (error: Error) => seen.push({ text: `pageerror: ${error.message}`, url: '' });
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') seen.push({ text: `console.error: ${message.text()}`, url: message.location().url });
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    /// Stops listening and returns what was seen. Chromium logs the status of a document that
    /// answers 404 as a console error ("Failed to load resource"); for a route that must answer
    /// 404 that one line, about that document, is the app doing its job, not a fault.
    stop(route: Route, documentUrl: string): string[] {
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
      const expectedStatus = (e: { text: string; url: string }) =>
        route.status === 404 && e.url === documentUrl && /Failed to load resource: .* status of 404\b/.test(e.text);
      return seen.filter((e) => !expectedStatus(e)).map((e) => e.text);
    },
  };
}

/// A fresh `goto` and then a reload of `route`: the status, the content, hydration (or its
/// absence with JavaScript off) and not one error. Then the server's HTML against the parser.
async function loadDirectly(page: Page, route: Route, hydrated: boolean) {
  for (const how of ['goto', 'reload'] as const) {
    await test.step(`${how} ${route.path}`, async () => {
      const watch = watchForErrors(page);
      const response = how === 'goto' ? await page.goto(route.path) : await page.reload();
      expect.soft(response?.status(), `${how} ${route.path}: status`).toBe(route.status ?? 200);
      expect.soft(new URL(page.url()).pathname, `${how} ${route.path}: lands on`).toBe(route.landsOn ?? route.path);
      // The marker flips as soon as the frame hydrates, even when a page further in panics
      // afterwards: the errors below are what tell a broken hydration.
      await expect
        .soft(page.locator('.page'), `${how} ${route.path}: hydration`)
        .toHaveAttribute('data-hydrated', hydrated ? 'true' : 'false');
      await route.shows(page, hydrated);
      // Errors can come after hydration (effects, chart drawing): let the page settle first.
      await page.waitForLoadState('networkidle');
      expect.soft(watch.stop(route, page.url()), `${how} ${route.path}: errors in the page`).toEqual([]);
    });
  }
  await test.step(`server HTML of ${route.path} survives the parser`, async () => {
    await expectParserKeepsMarkup(page, route.path);
  });
}

/// The HTML the server sends for `path` is the tree the browser's parser builds from it, and it
/// breaks no content-model rule.
async function expectParserKeepsMarkup(page: Page, path: string) {
  const response = await page.request.get(path);
  const html = await response.text();
  const unbalanced: string[] = [];
  const sent = bodyOf(literalTree(html, unbalanced));
  expect.soft(sent, `${path}: the server's HTML has a <body>`).toBeDefined();
  if (!sent) return;
  expect.soft(unbalanced, `${path}: tags the server's HTML leaves unbalanced`).toEqual([]);
  const built = await parsedByBrowser(page, html);
  expect.soft(firstDifference(sent, built), `${path}: where the browser's parser re-parents the server's markup`).toBeNull();
  expect.soft(contentModelProblems(sent), `${path}: markup HTML does not allow`).toEqual([]);
}

test('the markup check tells valid HTML from markup the parser re-parents or forbids', async ({ page }) => {
  // The check itself: silent on valid markup, loud on each kind of mistake it exists for.
  const check = async (body: string) => {
    // Leptos writes its resource scripts after `</html>`, as here.
    const html = `<!DOCTYPE html><html><head></head><body>${body}</body></html><script>var r = 1 < 2;</script>`;
    const sent = bodyOf(literalTree(html))!;
    return { moved: firstDifference(sent, await parsedByBrowser(page, html)), invalid: contentModelProblems(sent) };
  };
  const valid = await check(
    '<div class="page"><p>Hi <!>there <a href="/">home</a></p><form><button>Go</button></form>' +
      '<dl><div><dt>a</dt><dd>b</dd></div></dl><table><thead><tr><th>x</th></tr></thead>' +
      '<tbody><tr><td>1</td></tr></tbody></table><ul><li><p>x</p></li></ul><input type="text"/></div>',
  );
  expect(valid).toEqual({ moved: null, invalid: [] });
  // A comment right after `</body>` or `</html>` goes to `<html>` or to the document, one after
  // an element there goes back into `<body>`: the literal reading must agree with the parser.
  for (const html of [
    '<!DOCTYPE html><html><head></head><body><p>x</p><!></body><!></html><!><script>var r = 1;</script>',
    '<!DOCTYPE html><html><head></head><body><p>x</p></body></html><script>var r = 1;</script><!>',
  ]) {
    expect(firstDifference(bodyOf(literalTree(html))!, await parsedByBrowser(page, html)), html).toBeNull();
  }

  for (const [markup, moved] of [
    ['<p class="actions"><form><button>Go</button></form></p>', true],
    ['<p><div>block</div></p>', true],
    ['<a href="/"><a href="/x">nested</a></a>', true],
    ['<table><tr><td>1</td></tr></table>', true],
    ['<form><form><input/></form></form>', true],
    ['<button><input type="checkbox"/></button>', false],
    ['<a href="/"><button>Go</button></a>', false],
    ['<div><li>loose</li></div>', false],
    ['<div><dt>loose</dt></div>', false],
    ['<span><div>block</div></span>', false],
  ] as const) {
    const result = await check(markup);
    expect(result.invalid, markup).not.toEqual([]);
    if (moved) expect(result.moved, markup).not.toBeNull();
  }
});

test('every route loads directly, for a candidate with answers and for a visitor', async ({ page, baseURL }, info) => {
  test.setTimeout(240_000);
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await seedCohort(baseURL!, `direct-${info.project.name}`);

  // A candidate with everything each page can show: feedback, a skip, a fallacy ribbon, a spoken
  // answer, an open question, and so analytics with all five charts (five other candidates make
  // the ranks and the distribution appear).
  await readyCandidate(page, `ada-direct-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await expect(question(page, 1)).toBeVisible();
  await question(page, 1).getByLabel('Your answer').fill(STRONG);
  await question(page, 1).getByRole('button', { name: 'Submit Answer' }).click();
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 2)).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 3)).toBeVisible();
  await question(page, 3).getByLabel('Your answer').fill(FALLACY);
  await question(page, 3).getByRole('button', { name: 'Submit Answer' }).click();
  await expect(question(page, 3).getByRole('note', { name: 'Fallacy detected' })).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 4).getByLabel('Your answer')).toBeVisible();
  // A spoken answer, sent as the recorder sends it (what was heard, for its delivery).
  const screen = await (await page.request.post('/api/interview', { headers: { Origin: baseURL! } })).json();
  const fourth = screen.stage.Running.turns[3].question_id;
  const spoken = await page.request.post('/api/interview/answer', {
    headers: { Origin: baseURL! },
    form: {
      question_id: String(fourth),
      answer: STRONG,
      spoken_seconds: '75',
      spoken_transcript: `Um, ${STRONG} You know, it worked.`,
      spoken_pauses: '1',
    },
  });
  expect(spoken.ok()).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 5).getByLabel('Your answer')).toBeVisible();

  for (const route of CANDIDATE_ROUTES) await loadDirectly(page, route, hydrated);

  await page.context().clearCookies();
  for (const route of VISITOR_ROUTES) await loadDirectly(page, route, hydrated);
});

test.describe('with an identity provider', () => {
  test.use({ baseURL: `http://127.0.0.1:${oidcAppPort}` });

  test('the sign-in button and the one-time profile form load directly', async ({ page }, info) => {
    test.setTimeout(90_000);
    const hydrated = info.project.use.javaScriptEnabled !== false;
    const account = `noname-direct-${info.project.name}`;
    const signIn: Route = {
      path: '/signin',
      shows: async (p) => {
        await expect.soft(p.getByRole('link', { name: 'Sign in with your organisation' })).toBeVisible();
      },
    };
    const profileForm: Route = {
      path: '/welcome',
      shows: async (p) => {
        await expect.soft(heading(p)).toHaveText('Complete your profile');
        await expect.soft(p.getByLabel('E-mail')).toHaveValue(`${account}@example.com`);
        await expect.soft(p.getByRole('button', { name: 'Save and continue' })).toBeVisible();
      },
    };

    await loadDirectly(page, signIn, hydrated);

    // A provider that gives no names: the profile form waits at /welcome.
    await page.goto('/auth/login');
    await page.getByLabel('Account').fill(account);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading(page)).toHaveText('Complete your profile');

    await loadDirectly(page, profileForm, hydrated);
  });
});
