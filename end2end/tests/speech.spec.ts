// Spoken answers with nothing configured on the server (the `make run` default): the browser's
// own speech recognition, here a scripted stand-in for its `SpeechRecognition` object (the real
// one sends audio to the browser maker's servers, which this network cannot reach). Without
// JavaScript the page offers typing only.
import { expect, test } from './fixtures';
import { question, readyCandidate, waitForHydration } from './helpers';

const SPOKEN = 'We moved the payment service to a queue, um, and the latency fell by half.';

test('the browser turns speech into text, and the delivery is coached without claiming pauses', async ({ page }, info) => {
  const hydrated = info.project.use.javaScriptEnabled !== false;
  if (hydrated) {
    await page.addInitScript((spoken) => {
      class StandInRecognition {
        continuous = false;
        interimResults = true;
        lang = '';
        onresult: ((event: unknown) => void) | null = null;
        onerror: ((event: unknown) => void) | null = null;
        onend: (() => void) | null = null;
        start() {
          setTimeout(() => {
            const result = Object.assign([{ transcript: spoken, confidence: 0.9 }], { isFinal: true });
            this.onresult?.({ resultIndex: 0, results: [result] });
          }, 300);
        }
        stop() {
          setTimeout(() => this.onend?.(), 50);
        }
        abort() {
          this.onend?.();
        }
      }
      Object.assign(window, { SpeechRecognition: StandInRecognition, webkitSpeechRecognition: StandInRecognition });
    }, SPOKEN);
  }
  await readyCandidate(page, `ada-speech-${info.project.name}@example.com`, hydrated);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await expect(page).toHaveURL(/\/interview$/);
  await waitForHydration(page, hydrated);
  const first = question(page, 1);

  if (!hydrated) {
    await expect(first.getByLabel('Your answer')).toBeVisible();
    await expect(first.getByRole('button', { name: 'Record answer' })).toHaveCount(0);
    return;
  }

  await expect(first.getByText('Your browser turns speech into text')).toBeVisible();
  await first.getByRole('button', { name: 'Record answer' }).click();
  await expect(first.getByRole('timer', { name: 'Recording time' })).toContainText('0:02', { timeout: 10_000 });
  await first.getByRole('button', { name: 'Stop' }).click();
  const box = first.getByLabel('Your answer');
  await expect(box).toHaveValue(SPOKEN);

  await first.getByRole('button', { name: 'Submit Answer' }).click();
  const delivery = first.getByRole('region', { name: 'How you spoke' });
  await expect(delivery).toBeVisible();
  await expect(delivery.getByText('\u201cum\u201d \u00d71')).toBeVisible();
  await expect(delivery.getByText('Long pauses')).toHaveCount(0);
  await expect(first.getByRole('region', { name: 'Feedback' }).getByText('Correctness')).toBeVisible();
});

test('a browser that cannot recognise speech says how to answer aloud', async ({ page }, info) => {
  test.skip(
    info.project.use.javaScriptEnabled === false,
    'recording needs JavaScript: without it there is no Record button at all, which the test above checks',
  );
  await page.addInitScript(() => {
    for (const name of ['SpeechRecognition', 'webkitSpeechRecognition']) {
      Object.defineProperty(window, name, { value: undefined, configurable: true });
    }
  });
  await readyCandidate(page, 'ada-no-speech@example.com', true);
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await waitForHydration(page, true);
  const first = question(page, 1);

  await expect(first.getByText('To answer aloud, use a browser with speech recognition')).toBeVisible();
  await expect(first.getByRole('button', { name: 'Record answer' })).toHaveCount(0);
  await expect(first.getByLabel('Your answer')).toBeEditable();
});
