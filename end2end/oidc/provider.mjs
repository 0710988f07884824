// A real OpenID Provider (the npm package `oidc-provider`) on 127.0.0.1 for the sign-in tests:
// discovery, authorization code + PKCE, ID tokens, userinfo and RP-initiated logout, exactly as
// a production provider speaks them. Started by the Rust integration tests and by Playwright.
//
// Environment:
//   OIDC_PORT                  port to listen on (0 = any free port; the issuer is printed)
//   OIDC_HOST                  address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
//   OIDC_ISSUER                the public issuer URL, when the browser and the app reach the
//                              provider by a name (docker-compose: http://oidc.localhost:8090)
//   OIDC_CLIENT_ID / _SECRET   the one registered client (default interview-coach / test-secret)
//   OIDC_REDIRECT_URIS         comma-separated redirect URIs of that client
//   OIDC_POST_LOGOUT_URIS      comma-separated post-logout redirect URIs
//   OIDC_CLAIMS_IN_ID_TOKEN    "true": put e-mail and names into the ID token too (as Google and
//                              Entra do); otherwise only userinfo has them (the strict reading)
//
// Test accounts are chosen by typing their id on the login page; see ACCOUNTS. Any other id
// signs in as <id>@example.com (`noname-<x>`: without names). `POST /__test/tamper` with
// `mode=nonce|expired|foreign|issuer|audience` corrupts the next ID token, to prove the app
// refuses it.
import http from 'node:http';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const ACCOUNTS = {
  ada: { email: 'ada@example.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace' },
  'ada-upper': { email: 'ADA@Example.COM', email_verified: true, given_name: 'Ada', family_name: 'Lovelace' },
  grace: { email: 'grace@example.com', email_verified: true, name: 'Grace Hopper' },
  noname: { email: 'noname@example.com', email_verified: true },
  noemail: { given_name: 'Nomail', family_name: 'Person' },
  unverified: { email: 'ada@example.com', email_verified: false, given_name: 'Mallory', family_name: 'Mimic' },
  // Like Microsoft Entra ID: an `email` claim without `email_verified`.
  'no-claim': { email: 'ada@example.com', given_name: 'Eve', family_name: 'Entra' },
  // Ada again, under another subject (another provider account) that verified the address.
  'ada-elsewhere': { email: 'ada@example.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace' },
  // The verified owner of an address someone else typed into the profile form first.
  owner: { email: 'owner@example.com', email_verified: true, given_name: 'Olive', family_name: 'Owner' },
};

function claimsFor(id) {
  if (ACCOUNTS[id]) return ACCOUNTS[id];
  // `noname-<anything>`: a fresh person whose provider gives an e-mail but no names.
  if (id.startsWith('noname-')) return { email: `${id}@example.com`, email_verified: true };
  const first = id.charAt(0).toUpperCase() + id.slice(1);
  return { email: `${id}@example.com`, email_verified: true, given_name: first, family_name: 'Tester' };
}

const list = (value, fallback) => (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

const signingKey = await jose.generateKeyPair('RS256', { extractable: true });
const foreignKey = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(signingKey.privateKey)), kid: 'test-signing-key', alg: 'RS256', use: 'sig' };
// `rotate`: the provider starts signing with a new key, published from then on under its own kid.
const rotatedKey = await jose.generateKeyPair('RS256', { extractable: true });
let rotated = false;
const publicJwk = async (key, kid) => ({ ...(await jose.exportJWK(key.publicKey)), kid, alg: 'RS256', use: 'sig' });

const server = http.createServer();
const host = process.env.OIDC_HOST ?? '127.0.0.1';
await new Promise((resolve) => server.listen(Number(process.env.OIDC_PORT ?? 0), host, resolve));
const issuer = process.env.OIDC_ISSUER ?? `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'interview-coach',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'test-secret',
      redirect_uris: list(process.env.OIDC_REDIRECT_URIS, 'http://127.0.0.1:3000/auth/callback'),
      post_logout_redirect_uris: list(process.env.OIDC_POST_LOGOUT_URIS, 'http://127.0.0.1:3000/'),
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: ['interview-coach-test-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  conformIdTokenClaims: process.env.OIDC_CLAIMS_IN_ID_TOKEN !== 'true',
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    return { accountId: id, claims: async () => ({ sub: id, ...claimsFor(id) }) };
  },
});
provider.proxy = false;

let tamperMode = null;
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !tamperMode || !ctx.body?.id_token) return;
  const mode = tamperMode;
  tamperMode = null;
  const claims = jose.decodeJwt(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  let key = signingKey.privateKey;
  if (mode === 'nonce') claims.nonce = 'forged-nonce';
  if (mode === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (mode === 'issuer') claims.iss = 'http://127.0.0.1:1/evil';
  if (mode === 'audience') claims.aud = 'someone-else';
  if (mode === 'foreign') key = foreignKey.privateKey;
  let kid = 'test-signing-key';
  if (mode === 'rotate') {
    rotated = true;
    key = rotatedKey.privateKey;
    kid = 'rotated-key';
  }
  ctx.body.id_token = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
});

const callback = provider.callback();

server.on('request', async (req, res) => {
  const url = new URL(req.url, issuer);
  try {
    if (url.pathname === '/__test/tamper' && req.method === 'POST') {
      tamperMode = (await readForm(req)).mode ?? null;
      res.end(`next ID token: ${tamperMode}`);
      return;
    }
    if (url.pathname === '/jwks' && rotated) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [await publicJwk(signingKey, 'test-signing-key'), await publicJwk(rotatedKey, 'rotated-key')] }));
      return;
    }
    const interaction = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (interaction) {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
<label for="login">Account</label> <input id="login" name="login" autofocus>
<button type="submit">Continue</button></form></body></html>`);
        return;
      }
      const accountId = ((await readForm(req)).login ?? '').trim() || 'ada';
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, {
        mergeWithLastSubmission: false,
      });
      return;
    }
    callback(req, res);
  } catch (error) {
    res.statusCode = 400;
    res.end(`test provider error: ${error.message}`);
  }
});

console.log(`oidc-provider listening on ${issuer}`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
