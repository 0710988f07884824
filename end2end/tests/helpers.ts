// Shared steps of the interview and analytics journeys.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

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

