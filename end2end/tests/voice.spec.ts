// A spoken answer through the real browser: Chromium's fake microphone plays a WAV that
// espeak-ng spoke (voice-setup.ts), MediaRecorder records it, the server sends the recording to
// a real local transcriber (transcriber/server.py: pocketsphinx behind an OpenAI-compatible API),
// and the transcript fills the answer box. Runs in the `voice` project only (its own app and
// browser flags).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { question, readyCandidate, waitForHydration } from './helpers';

/// Words of the spoken answer pocketsphinx hears in espeak-ng's voice.
const KEY_WORDS = ['job', 'payment', 'message', 'traffic', 'latency', 'twice'];

function pageErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

async function startInterview(page: Page, email: string) {
  await readyCandidate(page, email, true);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await expect(page).toHaveURL(/\/interview$/);
  await waitForHydration(page, true);
  return question(page, 1);
}

function seconds(clock: string) {
  const [minutes, rest] = clock.split(':');
  return Number(minutes) * 60 + Number(rest);
}

test('record, stop, correct the transcript, submit: the content is scored and the delivery coached', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = pageErrors(page);
  const first = await startInterview(page, 'ada-voice@example.com');

  const record = first.getByRole('button', { name: 'Record answer' });
  await expect(record).toBeVisible();
  await expect(first.getByText('Answers of up to 5 minutes.')).toBeVisible();
  await expect(first.getByText('deleted as soon as it is turned into text')).toBeVisible();
  await record.focus();
  await page.keyboard.press('Enter');
  const stop = first.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  await expect(stop).toHaveAttribute('aria-pressed', 'true');
  await expect(first.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
  const timer = first.getByRole('timer', { name: 'Recording time' });
  await expect(timer).toContainText('/ 5:00');
  // The WAV lasts about ten seconds; the fake microphone plays it from the start.
  await expect(timer).toContainText('0:11', { timeout: 20_000 });
  await stop.click();
  const stoppedAt = Date.now();

  const box = first.getByLabel('Your answer');
  await expect(box).not.toHaveValue('', { timeout: 30_000 });
  console.log(`voice: Stop → transcript shown in ${Date.now() - stoppedAt} ms`);
  const transcript = (await box.inputValue()).toLowerCase();
  const heard = KEY_WORDS.filter((word) => transcript.includes(word));
  expect(heard.length, `key words in "${transcript}"`).toBeGreaterThanOrEqual(3);
  await expect(first.getByRole('button', { name: 'Record answer' })).toBeEnabled();

  // The candidate corrects what the transcriber misheard, then submits as for a typed answer.
  await box.fill(`${await box.inputValue()}\nI moved our payment service to a message queue; it handled twice the traffic.`);
  await first.getByRole('button', { name: 'Submit Answer' }).click();
  const feedback = first.getByRole('region', { name: 'Feedback' });
  await expect(feedback.getByText('Correctness')).toBeVisible();
  const delivery = first.getByRole('region', { name: 'How you spoke' });
  await expect(delivery).toBeVisible();
  const time = await delivery.locator('.delivery-line', { hasText: 'Speaking time' }).locator('strong').innerText();
  expect(seconds(time), `speaking time ${time}`).toBeGreaterThanOrEqual(9);
  expect(seconds(time), `speaking time ${time}`).toBeLessThanOrEqual(14);
  const pace = await delivery.locator('.delivery-line', { hasText: 'Pace' }).locator('strong').innerText();
  const wordsPerMinute = Number(pace.split(' ')[0]);
  expect(wordsPerMinute, pace).toBeGreaterThanOrEqual(40);
  expect(wordsPerMinute, pace).toBeLessThanOrEqual(200);
  await expect(delivery.getByText('Long pauses')).toBeVisible();
  await expect(first.getByRole('button', { name: 'Submit Answer' })).toHaveCount(0);

  // Analytics, loaded directly, draws the pace chart with the same numbers in its table.
  await page.goto('/analytics');
  await waitForHydration(page, true);
  const chart = page.getByRole('figure', { name: 'Speaking pace per spoken answer (comfortable band shaded)' });
  await expect(chart.locator('svg circle.point.pace')).toHaveCount(1);
  await expect(chart.getByRole('cell', { name: String(wordsPerMinute), exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a refused microphone gets a plain message and what was typed stays', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const first = await startInterview(page, 'ada-voice-refused@example.com');
  const box = first.getByLabel('Your answer');
  await box.fill('What I typed first.');

  await first.getByRole('button', { name: 'Record answer' }).click();

  await expect(first.getByRole('alert')).toContainText('Microphone access was refused');
  await expect(box).toHaveValue('What I typed first.');
  await expect(first.getByRole('button', { name: 'Record answer' })).toBeEnabled();
});
