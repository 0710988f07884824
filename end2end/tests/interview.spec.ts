// The whole journey as a candidate, with JavaScript off (every control is a form post and the
// page is rendered again from the database) and hydrated (the same forms run in place).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FALLACY, STRONG, question, readyCandidate, waitForHydration } from './helpers';

/// Text the candidate can see must never be JSON, a stack trace or an internal id.
async function expectNoInternals(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/[{[]\s*"[A-Za-z_]+"\s*:/);
  expect(text).not.toMatch(/panicked at|stack backtrace|\bat src\/|question_id|interview_id/i);
}

test('a whole interview: answer, feedback, skip, follow-up, fallacy, reload, reset', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await readyCandidate(page, `ada-journey-${info.project.name}@example.com`, hydrated);

  await page.getByRole('button', { name: 'Start Interview' }).click();
  await expect(page).toHaveURL(/\/interview$/);
  await waitForHydration(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interview practice');
  await expect(page.getByText('Skill 1 of 10 covered')).toBeVisible();
  const first = question(page, 1);
  await expect(first.locator('.chip')).toHaveText('Rust');

  // Answer the first question; with JavaScript, from the keyboard (Ctrl+Enter in the box).
  const answerBox = first.getByLabel('Your answer');
  await answerBox.fill(STRONG);
  if (hydrated) {
    await answerBox.press('Control+Enter');
  } else {
    await first.getByRole('button', { name: 'Submit Answer' }).click();
  }
  const feedback = first.getByRole('region', { name: 'Feedback' });
  await expect(feedback).toBeVisible();
  await expect(feedback.getByText('Correctness')).toBeVisible();
  await expect(feedback.getByText('Role relevance')).toBeVisible();
  await expect(feedback.getByRole('heading', { name: 'Suggested rewrite' })).toBeVisible();
  await expect(feedback.getByRole('heading', { name: 'Improvements' })).toBeVisible();
  await expect(feedback.getByRole('heading', { name: 'Red flags' })).toBeVisible();
  await expect(feedback.getByText('Coach hint:')).toBeVisible();
  await expect(feedback.getByText('Feedback by Offline coach (rules)')).toBeVisible();
  await expect(first.getByRole('button', { name: 'Submit Answer' })).toHaveCount(0);

  // The follow-up is behind "Show follow-up".
  const followup = feedback.locator('details.followup');
  await expect(followup.locator('p')).toBeHidden();
  await followup.getByText('Show follow-up').click();
  await expect(followup.locator('p')).toBeVisible();

  // Next, then Next again without answering: the second question is skipped.
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 2)).toBeVisible();
  await expect(page.getByText('Skill 2 of 10 covered')).toBeVisible();
  await page.getByRole('button', { name: 'Next Question' }).click();
  await expect(question(page, 3)).toBeVisible();
  await expect(question(page, 2).getByText('Skipped.')).toBeVisible();

  // An answer with a fallacy gets the ribbon, and "Read more" explains it.
  const third = question(page, 3);
  await third.getByLabel('Your answer').fill(FALLACY);
  await third.getByRole('button', { name: 'Submit Answer' }).click();
  const ribbon = third.getByRole('note', { name: 'Fallacy detected' });
  await expect(ribbon).toContainText('Fallacy Detected — Bandwagon');
  await expect(ribbon.getByText('Probabilistic coaching, not truth.')).toBeHidden();
  await ribbon.getByText('Read more').click();
  await expect(ribbon.getByText('Why your answer may fit')).toBeVisible();
  await expect(ribbon.getByText('Why it can be a red flag in interviews')).toBeVisible();
  await expect(ribbon.getByText('Probabilistic coaching, not truth.')).toBeVisible();
  await expectNoInternals(page);

  // Reload: everything is still there.
  await page.reload();
  await waitForHydration(page, hydrated);
  await expect(question(page, 1).locator('.answer-text')).toHaveText(STRONG);
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();
  await expect(question(page, 2).getByText('Skipped.')).toBeVisible();
  await expect(question(page, 3).getByRole('note', { name: 'Fallacy detected' })).toContainText('Bandwagon');
  await expect(page.getByText('Skill 3 of 10 covered')).toBeVisible();
  await expectNoInternals(page);

  // The home page, loaded directly, says where the candidate is and leads back in.
  await page.goto('/');
  await waitForHydration(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Ada');
  await expect(page.getByText('Practising for: Backend Engineer')).toBeVisible();
  await expect(page.getByText('3 of 10 skills covered so far.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Your progress' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue: question 3' }).click();
  await expect(page).toHaveURL(/\/interview$/);
  await waitForHydration(page, hydrated);
  await expect(question(page, 3).getByRole('note', { name: 'Fallacy detected' })).toBeVisible();

  // Reset: a fresh start, with the documents still there.
  await page.getByRole('button', { name: 'Reset Interview' }).click();
  await expect(page.getByRole('button', { name: 'Start Interview' })).toBeVisible();
  await expect(question(page, 1)).toHaveCount(0);
  const documents = page.getByRole('list', { name: 'Your documents' });
  await expect(documents).toContainText('cv-two-pages.pdf');
  await expect(documents).toContainText('jd.txt');
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await expect(question(page, 1)).toBeVisible();
  await expect(question(page, 1).getByLabel('Your answer')).toBeVisible();
  await expect(page.getByText(STRONG)).toHaveCount(0);
  await expect(page.getByText('Skill 1 of 10 covered')).toBeVisible();
});

test('keyboard: the answer box, Record answer, Submit Answer and Next Question follow in Tab order', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await readyCandidate(page, `ada-keys-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await waitForHydration(page, hydrated);

  await question(page, 1).getByLabel('Your answer').focus();
  if (hydrated) {
    // Recording needs JavaScript: the control exists only on the hydrated page.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Record answer' })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Submit Answer' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Next Question' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Reset Interview' })).toBeFocused();
});

test('a second tab cannot answer the same question again', async ({ page, context }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await readyCandidate(page, `ada-tabs-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await waitForHydration(page, hydrated);
  const other = await context.newPage();
  await other.goto('/interview');
  await waitForHydration(other, hydrated);

  await question(page, 1).getByLabel('Your answer').fill(STRONG);
  await question(page, 1).getByRole('button', { name: 'Submit Answer' }).click();
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();
  await question(other, 1).getByLabel('Your answer').fill('A different answer from the second tab.');
  await question(other, 1).getByRole('button', { name: 'Submit Answer' }).click();

  await expect(other.getByRole('alert')).toContainText('You already submitted an answer to this question.');
  await other.reload();
  await expect(question(other, 1).locator('.answer-text')).toHaveText(STRONG);
  await expectNoInternals(other);
});

test('try again: a retake is a new attempt whose feedback shows the change, also after a reload', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  await readyCandidate(page, `ada-retake-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await waitForHydration(page, hydrated);
  await question(page, 1).getByLabel('Your answer').fill('I used it once. It was fine.');
  await question(page, 1).getByRole('button', { name: 'Submit Answer' }).click();
  await expect(question(page, 1).getByRole('region', { name: 'Feedback' })).toBeVisible();

  await page.getByRole('button', { name: 'Try question 1 again' }).click();
  const attempt = question(page, 2);
  await expect(attempt.getByText('Trying question 1 again. Last time: correctness')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try question 1 again' })).toHaveCount(0);
  await attempt.getByLabel('Your answer').fill(STRONG);
  await attempt.getByRole('button', { name: 'Submit Answer' }).click();
  await expect(attempt.getByRole('region', { name: 'Feedback' })).toBeVisible();
  const change = attempt.getByRole('status').filter({ hasText: 'Correctness' });
  await expect(change).toHaveText(/^Correctness \d+ % → \d+ %, role relevance \d+ % → \d+ %, red flags \d+ → \d+$/);

  await page.reload();
  await waitForHydration(page, hydrated);
  await expect(question(page, 2).getByText('Trying question 1 again.')).toBeVisible();
  await expect(question(page, 2).getByRole('status').filter({ hasText: 'Correctness' })).toBeVisible();
});
