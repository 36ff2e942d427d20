import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHttpsServer, type TestServer } from '../test-support/https-server.js';
import { testPki } from '../test-support/tls.js';
import { WebFetcher } from './fetcher.js';

const pki = testPki();
const servers: TestServer[] = [];
after(async () => { for (const s of servers) await s.close(); });

async function serve(cert: 'good' | 'wrongName' | 'expired' | 'selfSigned' = 'good'): Promise<TestServer> {
  const server = await startHttpsServer(pki![cert], (req, res) => {
    const path = req.url ?? '/';
    if (path === '/security.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Contact: mailto:security@example.com\n');
    } else if (path === '/hop') {
      res.writeHead(301, { location: '/security.txt' }).end();
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else if (path === '/elsewhere') {
      res.writeHead(302, { location: `https://localhost:${server.port}/security.txt` }).end();
    } else if (path === '/downgrade') {
      res.writeHead(302, { location: 'http://127.0.0.1/security.txt' }).end();
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.alloc(256 * 1024, 0x41));
    } else if (path === '/silent') {
      // never answers: the headers timeout must end it
    } else if (path === '/stall') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not found</h1>');
    }
  });
  servers.push(server);
  return server;
}

const skip = pki ? false : 'openssl is not installed (needed to make the test CA)';

test('fetches over https with the test CA trusted, and records status, type and body', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca });
  const r = await fetcher.get(server.url('/security.txt'));
  await fetcher.close();
  assert.equal(r.error, undefined);
  assert.equal(r.status, 200);
  assert.equal(r.tls, 'verified');
  assert.equal(r.contentType, 'text/plain; charset=utf-8');
  assert.equal(r.body?.toString(), 'Contact: mailto:security@example.com\n');
});

test('a 404 is a response, not an error', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca });
  const r = await fetcher.get(server.url('/nothing'));
  await fetcher.close();
  assert.deepEqual([r.status, r.error], [404, undefined]);
});

test('redirects on the same host are followed and recorded; loops stop at the limit', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca, maxRedirects: 3 });
  const hop = await fetcher.get(server.url('/hop'));
  assert.equal(hop.status, 200);
  assert.deepEqual(hop.redirects, [server.url('/security.txt')]);
  assert.equal(hop.finalUrl, server.url('/security.txt'));
  const loop = await fetcher.get(server.url('/loop'));
  await fetcher.close();
  assert.equal(loop.error?.code, 'too-many-redirects');
  assert.equal(loop.redirects.length, 4);
});

test('a redirect to another host is not followed unless the policy allows it', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca });
  const r = await fetcher.get(server.url('/elsewhere'));
  await fetcher.close();
  assert.equal(r.error?.code, 'redirect-policy');
  assert.match(r.error.message, /localhost/);
});

test('plain http and a downgrade to http are refused', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca });
  assert.equal((await fetcher.get('http://127.0.0.1:1/security.txt')).error?.code, 'not-https');
  assert.equal((await fetcher.get(server.url('/downgrade'))).error?.code, 'not-https');
  assert.equal((await fetcher.get('https://user:pw@127.0.0.1/')).error?.code, 'bad-url');
  await fetcher.close();
});

test('an oversized body is cut off at the cap', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca });
  const r = await fetcher.get(server.url('/huge'), { maxBytes: 32 * 1024 });
  await fetcher.close();
  assert.equal(r.error?.code, 'too-large');
  assert.equal(r.body, undefined);
});

test('a server that does not answer, or stops mid-body, times out', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca, headersTimeoutMs: 300, bodyTimeoutMs: 300 });
  assert.equal((await fetcher.get(server.url('/silent'))).error?.code, 'timeout');
  assert.equal((await fetcher.get(server.url('/stall'))).error?.code, 'timeout');
  await fetcher.close();
});

for (const [cert, why] of [['selfSigned', 'a self-signed certificate'], ['expired', 'an expired certificate'], ['wrongName', 'a certificate for another name']] as const) {
  test(`${why} is refused`, { skip }, async () => {
    const server = await serve(cert);
    const fetcher = new WebFetcher({ ca: pki!.ca });
    const r = await fetcher.get(server.url('/security.txt'));
    await fetcher.close();
    assert.equal(r.error?.code, 'tls', r.error?.message);
  });
}

test('an untrusted CA is refused: the test CA is trusted only when given', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher();
  assert.equal((await fetcher.get(server.url('/security.txt'))).error?.code, 'tls');
  await fetcher.close();
});

test('non-public addresses are refused when blocking is on, by IP and by name', { skip }, async () => {
  const server = await serve();
  const fetcher = new WebFetcher({ ca: pki!.ca, blockPrivateAddresses: true });
  assert.equal((await fetcher.get(server.url('/security.txt'))).error?.code, 'blocked-address');
  assert.equal((await fetcher.get(server.url('/security.txt', 'localhost'))).error?.code, 'blocked-address');
  await fetcher.close();
});
