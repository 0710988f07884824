// Development sign-in (the embedded default), with JavaScript off and hydrated.
import { expect, test } from './fixtures';

test('a visitor signs in with the development form and signs out again', async ({ page }) => {
  await page.goto('/');
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account.getByText('Welcome,')).toHaveCount(0);

  await account.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.locator('main').getByText('Development sign-in')).toBeVisible();
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('E-mail').fill('Ada@Example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL('/');
  await expect(account.getByText('Welcome, Ada')).toBeVisible();
  await expect(account.getByText('ada@example.com')).toBeVisible();
  await expect(account.getByText('Development sign-in')).toBeVisible();

  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(account.getByText('Welcome,')).toHaveCount(0);
});

test('an address the server refuses is explained and the typed values stay', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  // Accepted by the browser's own e-mail check, refused by the server (no dot in the domain).
  await page.getByLabel('E-mail').fill('ada@localhost');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText(/Enter a valid e-mail address/);
  await expect(page.getByLabel('First name')).toHaveValue('Ada');
  await expect(page.getByLabel('E-mail')).toHaveValue('ada@localhost');
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
});

test('a page that needs a user sends a visitor to sign in, then shows their own account', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL('/signin');

  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  await page.getByLabel('E-mail').fill('grace@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Welcome, Grace' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expect(page.locator('.details')).toContainText('Grace Hopper');
  await expect(page.locator('.details')).toContainText('grace@example.com');
  await expect(page.locator('.details')).toContainText('Development sign-in');
});
