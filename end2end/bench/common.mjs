// What the browser benchmarks share: waiting for a server, a candidate with an interview on
// screen, and printing a sample's percentiles.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', '..', 'server', 'tests', 'fixtures');

/// Debian chromium without calls home; `extra` adds flags (a fake microphone, say).
export function chromiumOptions(extra = []) {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', ...extra],
  };
}

export async function waitForReady(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/// Signs in as `email` on the app at `base`, uploads the CV and the job description, and starts
/// the interview (hydrated, first question on screen).
export async function startInterview(page, base, email = 'bench@example.com') {
  await page.goto(`${base}/signin`);
  await page.getByLabel('First name').fill('Bench');
  await page.getByLabel('Last name').fill('Mark');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto(`${base}/setup`);
  await page.locator('.page[data-hydrated="true"]').waitFor();
  await page.getByLabel('CV file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'cv-two-pages.pdf'));
  await page.getByLabel('CV summary').waitFor();
  await page.getByLabel('Position title').fill('Backend Engineer');
  await page.getByLabel('Job description file (PDF, DOCX or TXT, up to 10 MB)').setInputFiles(path.join(fixtures, 'jd.txt'));
  await page.getByLabel('Job description summary').waitFor();
  await page.getByRole('button', { name: 'Start Interview' }).click();
  await page.waitForURL(/\/interview$/);
  await page.locator('.page[data-hydrated="true"]').waitFor();
  await page.waitForTimeout(1000);
}

export function report(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(
    `${label}\n  n=${sorted.length}  p50=${at(0.5).toFixed(1)} ms  p95=${at(0.95).toFixed(1)} ms  max=${sorted.at(-1).toFixed(1)} ms`,
  );
}
