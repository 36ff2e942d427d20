#!/usr/bin/env node
/* global fetch, FormData, Blob */
// Benchmark of the registry's public hot paths against nginx serving a static copy of the same bytes.
//
// Starts `iotcop serve` (from dist/, SQLite, request logging off) with the example product seeded through the API,
// starts nginx on another loopback port with the rendered page and the retailer-check answer as static files,
// then runs wrk (64 connections) against each and prints requests/s, p99 latency and the ratio to nginx.
// Everything listens on 127.0.0.1 and stops by itself. Usage: node bench/serve/run.mjs [--duration 10] [--connections 64]
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '64'));
const threads = 2;
const processes = Number(arg('processes', '2'));
const SERVER_PORT = 18080;
const NGINX_PORT = 18081;

function have(cmd) { return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0; }
function ensureTools() {
  const missing = [['wrk', 'wrk'], ['nginx', 'nginx-light']].filter(([cmd]) => !have(cmd) && !existsSync(`/usr/sbin/${cmd}`)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`install ${missing.join(' ')} (Debian) first`);
  console.error(`installing ${missing.join(' ')}...`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error('apt-get install failed');
}

function cli(args, env = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'iotcop.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`iotcop ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function api(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function seed(base, adminToken) {
  await api(base, 'POST', '/api/v1/orgs', adminToken, { slug: 'brightwatt', kind: 'manufacturer', name: 'Brightwatt Devices Ltd', address: 'Unit 4, Foundry Yard, Leeds LS9 8AB, United Kingdom', securityEmail: 'security@brightwatt.example' });
  const { token } = await api(base, 'POST', '/api/v1/orgs/brightwatt/tokens', adminToken, { name: 'bench', role: 'owner' });
  const product = await api(base, 'POST', '/api/v1/orgs/brightwatt/products', token, { brand: 'Brightwatt', model: 'SP-200', type: 'Smart plug with energy monitoring', gtin: '05060123456783' });
  const example = join(root, 'examples', 'smart-plug');
  const form = new FormData();
  form.append('manifest', new Blob([readFileSync(join(example, 'iotcop.yaml'))]), 'iotcop.yaml');
  for (const name of readdirSync(join(example, 'evidence')).sort()) form.append('files', new Blob([readFileSync(join(example, 'evidence', name))]), `evidence/${name}`);
  form.append('files', new Blob(['<!doctype html><title>Statement of compliance</title>']), 'statement.html');
  const up = await (await fetch(`${base}/api/v1/orgs/brightwatt/products/${product.id}/assessments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json();
  let a = up;
  while (a.status === 'queued' || a.status === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    a = await api(base, 'GET', `/api/v1/orgs/brightwatt/assessments/${up.id}`, token);
  }
  if (a.status !== 'done') throw new Error(`assessment ${a.status}: ${a.error}`);
  const label = await api(base, 'POST', `/api/v1/orgs/brightwatt/assessments/${up.id}/label`, token);
  return { token, labelId: label.id };
}

function wrk(url, script) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--latency', ...(script ? ['-s', script] : []), url];
  const r = spawnSync('wrk', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)/m.exec(r.stdout);
  const p99ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : NaN;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(r.stdout)?.[1] ?? 'none';
  return { rps, p99ms, non2xx, errors };
}

function nginxConf(dir) {
  return `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${dir}/www;
    location /p/ { default_type 'text/html; charset=utf-8'; }
    location /retail/ { default_type 'application/json; charset=utf-8'; }
  }
}
`;
}

async function main() {
  ensureTools();
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-bench-'));
  chmodSync(dir, 0o755); // nginx workers run as an unprivileged user and must read the static copies
  const db = join(dir, 'registry.db');
  const children = [];
  const stopAll = () => { for (const c of children) if (c.exitCode === null) c.kill('SIGTERM'); };
  process.on('exit', stopAll);
  try {
    const adminToken = cli(['admin', 'create-token', '--registry-admin', '--name', 'bench', '--db', db]);
    const server = spawn(process.execPath, [join(root, 'bin', 'iotcop.js'), 'serve', '--port', String(SERVER_PORT), '--db', db, '--data-dir', join(dir, 'data'), '--log-level', 'warn', '--processes', String(processes), '--public-url', `http://127.0.0.1:${SERVER_PORT}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(server);
    const base = `http://127.0.0.1:${SERVER_PORT}`;
    await waitFor(`${base}/healthz`);
    const { token, labelId } = await seed(base, adminToken);
    const retailBody = JSON.stringify({ identifiers: ['SP-200', '05060123456783', labelId, 'UNKNOWN-1'] });

    // The static copies nginx serves: byte for byte what the server answers.
    const page = await (await fetch(`${base}/p/${labelId}`)).text();
    const retailAnswer = await (await fetch(`${base}/api/v1/retail/check`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: retailBody })).text();
    mkdirSync(join(dir, 'www', 'p'), { recursive: true });
    mkdirSync(join(dir, 'www', 'retail'), { recursive: true });
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'www', 'p', labelId), page);
    writeFileSync(join(dir, 'www', 'retail', 'check.json'), retailAnswer);
    writeFileSync(join(dir, 'nginx.conf'), nginxConf(dir));
    const nginxBin = have('nginx') ? 'nginx' : '/usr/sbin/nginx';
    const nginx = spawn(nginxBin, ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${NGINX_PORT}/p/${labelId}`);

    const lua = join(dir, 'retail.lua');
    writeFileSync(lua, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(retailBody)}\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer ${token}"\n`);

    console.log(`iotcop serve --processes ${processes}; nginx worker_processes auto; wrk -t${threads} -c${connections} -d${duration}s on ${process.platform} ${process.arch}, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, page ${page.length} bytes, retail answer ${retailAnswer.length} bytes (4 identifiers)\n`);
    const rows = [];
    const run = (name, url, script) => { const r = wrk(url, script); rows.push({ name, ...r }); console.error(`  ${name}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99ms.toFixed(2)} ms`); return r; };
    const nginxPage = run('nginx  GET /p/<id> (static copy)', `http://127.0.0.1:${NGINX_PORT}/p/${labelId}`);
    const iotPage = run('iotcop GET /p/<id>', `${base}/p/${labelId}`);
    const nginxRetail = run('nginx  GET static retail answer', `http://127.0.0.1:${NGINX_PORT}/retail/check.json`);
    const iotRetail = run('iotcop POST /api/v1/retail/check', `${base}/api/v1/retail/check`, lua);

    const pad = (s, n) => String(s).padEnd(n);
    console.log(`${pad('target', 38)}${pad('req/s', 10)}${pad('p99 ms', 9)}${pad('non-2xx', 9)}errors`);
    for (const r of rows) console.log(`${pad(r.name, 38)}${pad(r.rps.toFixed(0), 10)}${pad(r.p99ms.toFixed(2), 9)}${pad(r.non2xx, 9)}${r.errors}`);
    const pageRatio = iotPage.rps / nginxPage.rps;
    const retailRatio = iotRetail.rps / nginxRetail.rps;
    console.log(`\nratio iotcop/nginx: /p/<id> ${(pageRatio * 100).toFixed(1)}% (target >= 30%, p99 ${iotPage.p99ms.toFixed(2)} ms, target < 50 ms); retail check ${(retailRatio * 100).toFixed(1)}% (p99 ${iotRetail.p99ms.toFixed(2)} ms)`);
  } finally {
    stopAll();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
