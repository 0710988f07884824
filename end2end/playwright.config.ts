// Browser tests in Debian's chromium (Playwright cannot download browsers on this network).
// Every test runs twice: with JavaScript off (the server-rendered page must read well on its own)
// and hydrated (the WASM bundle takes over). The server is the release build `make build` made,
// started on a fresh SQLite database by ./serve.sh.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// A second app signs in through a real OpenID provider (end2end/oidc/provider.mjs).
export const oidcAppPort = port + 1;
// Two instances on one MySQL database behind a round-robin proxy (scale-out/cluster.mjs); the
// instances listen on the two ports after it.
export const scaleOutPort = port + 2;
const providerPort = port + 100;
// An app whose spoken answers go to a real local transcriber (transcriber/server.py:
// pocketsphinx behind an OpenAI-compatible API), for voice.spec.ts.
export const voiceAppPort = port + 10;
// The Python with pocketsphinx (`make transcriber` makes end2end/.venv).
const transcriberPython = process.env.TRANSCRIBER_PYTHON ?? path.join(__dirname, '.venv', 'bin', 'python');
const transcriberPort = port + 101;
// The spoken answer Chromium's fake microphone plays (made by voice-setup.ts with espeak-ng).
export const spokenAnswerWav = path.join(__dirname, '.tmp', 'voice', 'answer.wav');
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without these, chromium keeps calling home on a closed network.
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
  },
  globalSetup: './voice-setup.ts',
  projects: [
    { name: 'no-js', use: { javaScriptEnabled: false }, testIgnore: /voice\.spec\.ts/ },
    { name: 'hydrated', use: { javaScriptEnabled: true }, testIgnore: /voice\.spec\.ts/ },
    {
      // A real recording: Chromium's fake microphone plays the spoken answer into MediaRecorder.
      name: 'voice',
      testMatch: /voice\.spec\.ts/,
      use: {
        javaScriptEnabled: true,
        baseURL: `http://127.0.0.1:${voiceAppPort}`,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            ...chromiumArgs,
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-audio-capture=${spokenAnswerWav}`,
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node scale-out/cluster.mjs ${scaleOutPort}`,
      url: `http://127.0.0.1:${scaleOutPort}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `./serve.sh ${port}`,
      url: `http://127.0.0.1:${port}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `${transcriberPython} transcriber/server.py ${transcriberPort}`,
      url: `http://127.0.0.1:${transcriberPort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: [
        `./serve.sh ${voiceAppPort}`,
        `TRANSCRIBE_BASE_URL=http://127.0.0.1:${transcriberPort}/v1`,
        'TRANSCRIBE_MODEL=pocketsphinx-en-us',
      ].join(' '),
      url: `http://127.0.0.1:${voiceAppPort}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node oidc/provider.mjs',
      env: {
        OIDC_PORT: String(providerPort),
        OIDC_REDIRECT_URIS: `http://127.0.0.1:${oidcAppPort}/auth/callback`,
        OIDC_POST_LOGOUT_URIS: `http://127.0.0.1:${oidcAppPort}/`,
      },
      url: `http://127.0.0.1:${providerPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: [
        `./serve.sh ${oidcAppPort}`,
        `OIDC_ISSUER_URL=http://127.0.0.1:${providerPort}`,
        'OIDC_CLIENT_ID=interview-coach',
        'OIDC_CLIENT_SECRET=test-secret',
        `OIDC_REDIRECT_URL=http://127.0.0.1:${oidcAppPort}/auth/callback`,
      ].join(' '),
      url: `http://127.0.0.1:${oidcAppPort}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
