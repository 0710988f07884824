// Uploading the CV and the job description through the real file inputs, JavaScript off
// (the Upload buttons) and hydrated (the upload starts as soon as a file is chosen).
import path from 'node:path';
import { expect, test } from './fixtures';
import { STRONG, question, readyCandidate, signIn, waitForHydration } from './helpers';

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

test('two vacancies: each keeps its interview, the candidate switches between them and removes one', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await readyCandidate(page, `ada-vacancies-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await waitForHydration(page, hydrated);
  await question(page, 1).getByLabel('Your answer').fill(STRONG);
  await question(page, 1).getByRole('button', { name: 'Submit Answer' }).click();
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();

  // A second job description adds a vacancy and makes it the current one.
  await page.goto('/setup');
  await waitForHydration(page, hydrated);
  await page.getByLabel('Position title').fill('Data Engineer');
  await page.getByLabel('Job description file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'jd-data.txt'));
  if (!hydrated) await page.getByRole('button', { name: 'Upload job description' }).click();
  await expect(page.getByLabel('Job description summary')).toContainText('Data Engineer');
  const list = page.getByRole('list', { name: 'Your vacancies' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Data Engineer');
  await expect(list.getByRole('listitem').first()).toContainText('Current');
  await expect(list.getByRole('listitem').nth(1)).toContainText('1 interview · 1 answered');

  // Back to the first vacancy: the page, loaded again, shows its interview where it was.
  await page.getByRole('button', { name: 'Switch to Backend Engineer' }).click();
  await expect(page.getByText('You are now preparing for Backend Engineer.')).toBeVisible();
  await page.reload();
  await waitForHydration(page, hydrated);
  await expect(page.getByLabel('Job description summary')).toContainText('Backend Engineer');
  await page.getByRole('link', { name: 'Continue your interview' }).click();
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();

  // Removing the other vacancy asks once more, in place, then deletes it.
  await page.goto('/setup');
  await waitForHydration(page, hydrated);
  await page.locator('summary[aria-label="Remove Data Engineer"]').click();
  await page.getByRole('button', { name: 'Delete Data Engineer' }).click();
  await expect(page.getByText('Removed Data Engineer with its interviews and answers.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your vacancies' }).getByRole('listitem')).toHaveCount(1);
  expect(errors).toEqual([]);
});
