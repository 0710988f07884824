// Analytics as a candidate: the button appears only after the first attempt; the metrics and
// the tables show with JavaScript off; hydrated, D3 draws the four charts with one point or bar
// per number; "Download PDF" downloads the report.
import { expect, test } from './fixtures';
import { STRONG, question, readyCandidate, seedCohort, waitForHydration } from './helpers';

test('analytics appear after the first attempt, with charts, tables and the PDF', async ({ page, baseURL }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await seedCohort(baseURL!, `analytics-${info.project.name}`);
  await readyCandidate(page, `ada-analytics-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await waitForHydration(page, hydrated);
  await expect(question(page, 1)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Analytics' })).toHaveCount(0);

  await question(page, 1).getByLabel('Your answer').fill(STRONG);
  await question(page, 1).getByRole('button', { name: 'Submit Answer' }).click();
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Analytics' })).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 2)).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 3)).toBeVisible();

  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
  await waitForHydration(page, hydrated);
  await expect(page.locator('.metric', { hasText: 'Questions attempted' }).locator('dd')).toHaveText('2');
  await expect(page.locator('.metric', { hasText: 'Rank among all candidates' }).locator('dd')).toHaveText(/^\d+ of \d+$/);
  await expect(page.locator('.metric', { hasText: 'Rank among candidates for this vacancy' }).locator('dd')).toHaveText(
    /^\d+ of \d+$/,
  );
  const skillsTable = page.locator('figure[data-chart="skills"] table tbody tr');
  await expect(skillsTable).toHaveCount(10);
  await expect(page.locator('figure[data-chart="distribution"] tr.mine')).toHaveCount(1);

  const svg = (kind: string) => page.locator(`figure[data-chart="${kind}"] .chart svg`);
  if (hydrated) {
    await expect(svg('progress').locator('circle.point')).toHaveCount(2); // one answer, two series
    await expect(svg('averages').locator('rect.bar')).toHaveCount(2);
    await expect(svg('distribution').locator('rect.bar')).toHaveCount(10);
    await expect(svg('distribution').locator('rect.bar.mine')).toHaveCount(1);
    await expect(svg('skills').locator('rect.bar')).toHaveCount(10);
    await expect(svg('skills').locator('.axis-label').first()).toBeVisible();
    await expect(svg('averages').locator('rect.bar title').first()).toHaveText(/^Average correctness: \d+\.\d%$/);
    // Redraws when the window changes size.
    const before = await svg('skills').getAttribute('width');
    await page.setViewportSize({ width: 700, height: 800 });
    await expect(svg('skills')).not.toHaveAttribute('width', before ?? '');
  } else {
    await expect(page.locator('.chart svg')).toHaveCount(0);
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  expect((await download).suggestedFilename()).toBe('interview-coach-report.pdf');
});
