// Browser tests in Debian's chromium (Playwright cannot download browsers on this network).
// Every test runs twice: with JavaScript off (the server-rendered page must read well on its own)
// and hydrated (the WASM bundle takes over). The server is the release build `make build` made,
// started on a fresh SQLite database by ./serve.sh.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// A second app signs in through a real OpenID provider (end2end/oidc/provider.mjs).
export const oidcAppPort = port + 1;
// Two instances on one MySQL database behind a round-robin proxy (scale-out/cluster.mjs); the
// instances listen on the two ports after it.
export const scaleOutPort = port + 2;
const providerPort = port + 100;

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'no-js', use: { javaScriptEnabled: false } },
    { name: 'hydrated', use: { javaScriptEnabled: true } },
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
