// Shared steps of the interview and analytics journeys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request, type Page } from '@playwright/test';

const fixtures = path.join(__dirname, '..', '..', 'server', 'tests', 'fixtures');

export const STRONG =
  'At Acme I led the rewrite of our payment service in Rust. The old service timed out under load, so I ' +
  'profiled it, replaced the blocking database calls with an async pool and added back-pressure. As a result ' +
  'p99 latency fell from 900 ms to 120 ms and we cut incidents by 60% in a quarter.';
export const FALLACY =
  'Everyone uses Kubernetes these days, so it is obviously the right choice for every team and I would use it here too.';

/// Development sign-in as Ada Lovelace with `email`.
export async function signIn(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByText('Welcome, Ada')).toBeVisible();
}

/// Signed in, with the CV and the job description uploaded.
export async function readyCandidate(page: Page, email: string, hydrated: boolean) {
  await signIn(page, email);
  await page.goto('/setup');
  await waitForHydration(page, hydrated);
  await page.getByLabel('CV file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'cv-two-pages.pdf'));
  if (!hydrated) await page.getByRole('button', { name: 'Upload CV' }).click();
  await expect(page.getByLabel('CV summary')).toBeVisible();
  await page.getByLabel('Position title').fill('Backend Engineer');
  await page.getByLabel('Job description file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'jd.txt'));
  if (!hydrated) await page.getByRole('button', { name: 'Upload job description' }).click();
  await expect(page.getByLabel('Job description summary')).toBeVisible();
}

export async function waitForHydration(page: Page, hydrated: boolean) {
  if (hydrated) await expect(page.locator('.page')).toHaveAttribute('data-hydrated', 'true');
}

export function question(page: Page, n: number) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Question ${n}`, exact: true }) });
}


/// Five other candidates, each with one evaluated answer for the same job description as
/// `readyCandidate`'s, so that ranks and the distribution have enough candidates to show
/// (a comparison needs five others). Made through the same requests the pages send.
export async function seedCohort(baseURL: string, tag: string) {
  const cv = readFileSync(path.join(fixtures, 'cv-two-pages.pdf'));
  const jd = readFileSync(path.join(fixtures, 'jd.txt'));
  for (let i = 1; i <= 5; i++) {
    const other = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
    const ok = async (response: Promise<{ ok(): boolean; status(): number; url(): string }>) => {
      const done = await response;
      expect(done.ok(), `${done.url()} answered ${done.status()}`).toBe(true);
      return done;
    };
    await ok(other.post('/auth/dev', { form: { first_name: `Peer${i}`, last_name: 'Tester', email: `peer${i}-${tag}@example.com` } }));
    await ok(other.post('/documents/cv', { multipart: { file: { name: 'cv.pdf', mimeType: 'application/pdf', buffer: cv } } }));
    await ok(
      other.post('/documents/jd', {
        multipart: { file: { name: 'jd.txt', mimeType: 'text/plain', buffer: jd }, position_title: 'Backend Engineer' },
      }),
    );
    const started = await (await ok(other.post('/api/interview/start', { form: {} }))).json();
    const questionId = started.stage.Running.turns[0].question_id;
    const answer = `${STRONG} I also measured the error budget every week for ${i} quarters.`;
    await ok(other.post('/api/interview/answer', { form: { question_id: String(questionId), answer } }));
    await other.dispose();
  }
}
