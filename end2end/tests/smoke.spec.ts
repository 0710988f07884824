// Smoke tests of the page frame, run once with JavaScript off and once hydrated.
import { expect, test } from './fixtures';

test('the landing page reads well and sits in the page frame', async ({ page }) => {
  const response = await page.goto('/');

  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Interview Coach');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Practise the interview for the job you want',
  );
  await expect(page.getByRole('region', { name: 'How it works' }).getByRole('heading', { level: 2 })).toHaveCount(4);

  // Logo top-left; content centred at about 80% of the window.
  const logo = await page.getByRole('link', { name: 'Interview Coach home' }).boundingBox();
  expect(logo).not.toBeNull();
  expect(logo!.x).toBeLessThan(1280 * 0.2);
  expect(logo!.y).toBeLessThan(40);
  const content = await page.locator('main.content').boundingBox();
  expect(content).not.toBeNull();
  expect(content!.width / 1280).toBeGreaterThan(0.78);
  expect(content!.width / 1280).toBeLessThan(0.82);
  expect(Math.abs(content!.x - (1280 - content!.x - content!.width))).toBeLessThan(2);
});

test('the page hydrates with JavaScript and stays server-rendered without it', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.goto('/');

  const frame = page.locator('.page');
  if (info.project.use.javaScriptEnabled === false) {
    await expect(frame).toHaveAttribute('data-hydrated', 'false');
  } else {
    await expect(frame).toHaveAttribute('data-hydrated', 'true');
  }
  expect(problems).toEqual([]);
});

test('an unknown address shows a plain not-found page', async ({ page }) => {
  const response = await page.goto('/nowhere');

  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL('/');
});

test('on a phone the content uses the full width without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');

  for (const selector of ['.site-header', 'main.content', '.steps li >> nth=0']) {
    const box = await page.locator(selector).boundingBox();
    expect(box, selector).not.toBeNull();
    expect(box!.x, selector).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, selector).toBeLessThanOrEqual(390);
  }
  const content = await page.locator('main.content').boundingBox();
  expect(content!.width).toBeGreaterThan(390 * 0.9);
});
