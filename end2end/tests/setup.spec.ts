// Uploading the CV and the job description through the real file inputs, JavaScript off
// (the Upload buttons) and hydrated (the upload starts as soon as a file is chosen).
import path from 'node:path';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

const fixtures = path.join(__dirname, '..', '..', 'server', 'tests', 'fixtures');

test('upload a CV and a job description, see what was understood, and unlock the interview', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await signIn(page, `ada-setup-${info.project.name}@example.com`);
  await page.getByRole('link', { name: 'Start practising' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prepare your interview');
  if (hydrated) await expect(page.locator('.page')).toHaveAttribute('data-hydrated', 'true');
  const start = page.getByRole('button', { name: 'Start Interview' });
  await expect(start).toBeDisabled();
  await expect(page.getByText('Upload your CV and the job description to start.')).toBeVisible();

  await page.getByLabel('CV file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'cv-two-pages.pdf'));
  if (!hydrated) await page.getByRole('button', { name: 'Upload CV' }).click();

  await expect(page.getByText('Read cv-two-pages.pdf (2 pages')).toBeVisible();
  const cv = page.getByLabel('CV summary');
  await expect(cv).toContainText('Ada Lovelace');
  await expect(cv).toContainText('Senior Rust Engineer');
  await expect(start).toBeDisabled();

  await page.getByLabel('Position title').fill('Backend Engineer');
  await page.getByLabel('Job description file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'jd.txt'));
  if (!hydrated) await page.getByRole('button', { name: 'Upload job description' }).click();

  const jd = page.getByLabel('Job description summary');
  await expect(jd).toContainText('Backend Engineer');
  await expect(jd).toContainText('Kubernetes and Terraform in production');
  await expect(start).toBeEnabled();
  await expect(cv).toContainText('Ada Lovelace');
  const skills = page.getByRole('list', { name: 'Top skills for this vacancy' }).getByRole('listitem');
  await expect(skills).toHaveCount(10);
  await expect(skills.first()).toHaveText('Rust');
});

test('a file the app cannot read is explained next to its form', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await signIn(page, `ada-bad-${info.project.name}@example.com`);
  await page.goto('/setup');
  if (hydrated) await expect(page.locator('.page')).toHaveAttribute('data-hydrated', 'true');

  await page.getByLabel('CV file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'scanned.pdf'));
  if (!hydrated) await page.getByRole('button', { name: 'Upload CV' }).click();

  await expect(page.getByRole('alert')).toContainText('no selectable text');
  await expect(page.getByLabel('CV summary')).toHaveCount(0);
});

test('with JavaScript there is no upload button: choosing the file is enough', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await signIn(page, `ada-buttons-${info.project.name}@example.com`);
  await page.goto('/setup');
  if (hydrated) await expect(page.locator('.page')).toHaveAttribute('data-hydrated', 'true');

  const upload = page.getByRole('button', { name: 'Upload CV' });
  if (hydrated) await expect(upload).toBeHidden();
  else await expect(upload).toBeVisible();
});
