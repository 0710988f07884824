// The whole journey through two instances behind a round-robin proxy with no affinity (each
// request goes to the other instance than the one before, each instance with its own disk):
// sign-in, both uploads, start, answer, follow-up, skip, fallacy, reload, analytics, PDF, reset.
import { expect, test } from './fixtures';
import { FALLACY, STRONG, question, readyCandidate, waitForHydration } from './helpers';
import { scaleOutPort } from '../playwright.config';

const proxy = `http://127.0.0.1:${scaleOutPort}`;
test.use({ baseURL: proxy });

test('the journey works when every request may reach another instance', async ({ page, request }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  const before: Record<string, number> = await (await request.get(`${proxy}/__proxy/stats`)).json();
  await readyCandidate(page, `ada-scale-${info.project.name}@example.com`, hydrated);

  await page.getByRole('button', { name: 'Start Interview' }).click();
  await expect(page).toHaveURL(/\/interview$/);
  await waitForHydration(page, hydrated);
  const first = question(page, 1);
  await first.getByLabel('Your answer').fill(STRONG);
  await first.getByRole('button', { name: 'Submit Answer' }).click();
  const feedback = first.getByRole('region', { name: 'Feedback' });
  await expect(feedback.getByText('Correctness')).toBeVisible();
  await feedback.locator('details.followup').getByText('Show follow-up').click();
  await expect(feedback.locator('details.followup p')).toBeVisible();

  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 2)).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 3)).toBeVisible();
  await expect(question(page, 2).getByText('Skipped.')).toBeVisible();
  const third = question(page, 3);
  await third.getByLabel('Your answer').fill(FALLACY);
  await third.getByRole('button', { name: 'Submit Answer' }).click();
  await expect(third.getByRole('note', { name: 'Fallacy detected' })).toContainText('Bandwagon');

  await page.reload();
  await waitForHydration(page, hydrated);
  await expect(question(page, 1).locator('.answer-text')).toHaveText(STRONG);
  await expect(question(page, 3).getByRole('note', { name: 'Fallacy detected' })).toContainText('Bandwagon');
  // Exactly three questions: nothing was asked twice by two instances.
  await expect(page.getByRole('heading', { name: /^Question \d+$/ })).toHaveCount(3);

  await page.goto('/analytics');
  await waitForHydration(page, hydrated);
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  expect((await download).suggestedFilename()).toBe('interview-coach-report.pdf');

  await page.goto('/interview');
  await waitForHydration(page, hydrated);
  await page.getByRole('button', { name: 'Reset Interview' }).click();
  await expect(page.getByRole('button', { name: 'Start Interview' })).toBeVisible();

  // Both instances served this journey.
  const after: Record<string, number> = await (await request.get(`${proxy}/__proxy/stats`)).json();
  for (const port of Object.keys(after)) expect(after[port] - (before[port] ?? 0)).toBeGreaterThan(5);
});
