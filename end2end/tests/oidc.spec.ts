// Sign-in through a real OpenID provider (oidc-provider on 127.0.0.1), JavaScript off and on.
import { expect, test } from './fixtures';
import { oidcAppPort } from '../playwright.config';

test.use({ baseURL: `http://127.0.0.1:${oidcAppPort}` });

test('sign in at the identity provider, land welcomed, sign out everywhere', async ({ page }) => {
  await page.goto('/');
  const account = page.getByRole('navigation', { name: 'Account' });
  await account.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.locator('main').getByText('Development sign-in')).toHaveCount(0);
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();

  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Account').fill('ada');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(`http://127.0.0.1:${oidcAppPort}/`);
  await expect(account.getByText('Welcome, Ada')).toBeVisible();
  await expect(account.getByText('ada@example.com')).toBeVisible();

  await account.getByRole('button', { name: 'Sign out' }).click();
  // The provider asks to confirm ending its own session, then sends the browser back.
  await page.getByRole('button', { name: /yes, sign me out/i }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${oidcAppPort}/`);
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a provider without names leads to the one-time profile form', async ({ page }, info) => {
  const account = `noname-${info.project.name}`;
  await page.goto('/auth/login');
  await page.getByLabel('Account').fill(account);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complete your profile');
  await expect(page.getByLabel('E-mail')).toHaveValue(`${account}@example.com`);
  await page.getByLabel('First name').fill('Nora');
  await page.getByLabel('Last name').fill('Name');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('navigation', { name: 'Account' }).getByText('Welcome, Nora')).toBeVisible();
});
