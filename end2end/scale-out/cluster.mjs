// Two instances of the release server on one fresh MySQL database, each with its own scratch
// directory (data, logs, reports: its own "disk", as on Cloud Run), behind a round-robin proxy
// with no session affinity: every request goes to the next instance in turn.
//
// Usage: node scale-out/cluster.mjs PROXY_PORT [NAME=VALUE ...]   (extra settings for both instances)
// The database is TEST_MYSQL_URL's server (default mysql://root@127.0.0.1:3306/…), database
// `<name>_<CLUSTER_NAME>` (default `e2e_scale_out`), dropped and created afresh with the
// `mariadb` (or `mysql`) client.
// GET /__proxy/stats answers how many requests each instance served; GET /__proxy/instances
// each instance's port and process id (the throughput bench reads their memory).
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const proxyPort = Number(process.argv[2] ?? 3102);
const backends = [proxyPort + 1, proxyPort + 2];
const settings = process.argv.slice(3);

const server = new URL(process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/interview_coach_test');
const database = `${server.pathname.replace(/^\//, '') || 'interview_coach_test'}_${process.env.CLUSTER_NAME ?? 'e2e_scale_out'}`;
const client = ['mariadb', 'mysql'].find((name) => {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!client) throw new Error('cluster.mjs needs the mariadb or mysql client to create its database');
const credentials = [
  `-h${server.hostname}`,
  `-P${server.port || 3306}`,
  `-u${decodeURIComponent(server.username || 'root')}`,
  ...(server.password ? [`-p${decodeURIComponent(server.password)}`] : []),
];
execFileSync(client, [
  ...credentials,
  '-e',
  `DROP DATABASE IF EXISTS \`${database}\`; CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
]);
const databaseUrl = new URL(server);
databaseUrl.pathname = `/${database}`;

// The first instance migrates; the second starts once it is ready (both would also be safe
// together: migrations run under a named lock).
const children = [];
for (const port of backends) {
  const child = spawn(path.join(here, '..', 'serve.sh'), [String(port), `DATABASE_URL=${databaseUrl}`, ...settings], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/readyz`);
}

const served = Object.fromEntries(backends.map((port) => [port, 0]));
let next = 0;
const proxy = http.createServer((req, res) => {
  if (req.url === '/__proxy/stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(served));
    return;
  }
  if (req.url === '/__proxy/instances') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(backends.map((port, i) => ({ port, pid: children[i].pid }))));
    return;
  }
  const port = backends[next];
  next = (next + 1) % backends.length;
  served[port] += 1;
  const upstream = http.request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    res.statusCode = 502;
    res.end(`proxy: ${error.message}`);
  });
  req.pipe(upstream);
});
proxy.listen(proxyPort, '127.0.0.1', () => console.log(`round-robin proxy on ${proxyPort} → ${backends.join(', ')}`));

function stop() {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

async function waitFor(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready`);
}
