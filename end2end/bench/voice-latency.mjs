// Benchmark (not a test): a spoken answer's Stop → transcript in the answer box, in Debian
// chromium whose fake microphone plays a WAV espeak-ng spoke, against the release server with the
// local transcriber (transcriber/server.py: ffmpeg + pocketsphinx behind the OpenAI API).
// Each round records ROUND_SECONDS of the answer on a new question, then stops.
//
// Usage: node bench/voice-latency.mjs [ROUNDS]   (make bench starts it after `make build`)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumOptions, report, startInterview, waitForReady } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.argv[2] ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3190) + 1;
const transcriberPort = port + 100;
const base = `http://127.0.0.1:${port}`;
const ROUND_SECONDS = 10;
const SPOKEN =
  'At my last job I moved our payment service to a message queue. The system handled twice the traffic and the latency fell by half.';

const wav = path.join(here, '..', '.tmp', 'bench-voice', 'answer.wav');
mkdirSync(path.dirname(wav), { recursive: true });
execFileSync('espeak-ng', ['-v', 'en-us+f2', '-s', '120', '-w', wav, SPOKEN]);

const python = process.env.TRANSCRIBER_PYTHON ?? path.join(here, '..', '.venv', 'bin', 'python');
const transcriber = spawn(python, [path.join(here, '..', 'transcriber', 'server.py'), String(transcriberPort)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const server = spawn(
  path.join(here, '..', 'serve.sh'),
  [String(port), `TRANSCRIBE_BASE_URL=http://127.0.0.1:${transcriberPort}/v1`, 'TRANSCRIBE_MODEL=pocketsphinx-en-us'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
try {
  await waitForReady(`http://127.0.0.1:${transcriberPort}/health`);
  await waitForReady(`${base}/readyz`);
  const browser = await chromium.launch(
    chromiumOptions([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
    ]),
  );
  const page = await browser.newPage();
  await startInterview(page, base, 'bench-voice@example.com');

  const shown = [];
  const serverTimes = [];
  for (let round = 1; round <= rounds; round++) {
    const card = page.locator(`li.turn:has(#question-${round})`);
    await card.getByRole('button', { name: 'Record answer' }).click();
    await card.getByRole('timer').filter({ hasText: `0:${String(ROUND_SECONDS).padStart(2, '0')}` }).waitFor({ timeout: 30_000 });
    const response = page.waitForResponse((r) => r.url().endsWith('/voice/transcribe'));
    const box = card.getByLabel('Your answer');
    const started = Date.now();
    await card.getByRole('button', { name: 'Stop' }).click();
    await page.waitForFunction((el) => el.value.length > 0, await box.elementHandle(), { timeout: 60_000 });
    shown.push(Date.now() - started);
    serverTimes.push(Number(/total;dur=([0-9.]+)/.exec((await response).headers()['server-timing'] ?? '')?.[1] ?? 0));
    await page.getByRole('button', { name: 'Next Question' }).click();
    await page.locator(`#question-${round + 1}`).waitFor();
  }
  await browser.close();

  report(`Spoken answer: Stop → transcript in the answer box (${ROUND_SECONDS} s recordings, pocketsphinx)`, shown);
  report('Spoken answer: server time of /voice/transcribe (Server-Timing total)', serverTimes);
} finally {
  server.kill('SIGTERM');
  transcriber.kill('SIGTERM');
}
