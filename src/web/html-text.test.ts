import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNonPublicAddress } from './address-policy.js';
import { charsetOf, mediaTypeOf } from './decode.js';
import { htmlToText, readableText } from './html-text.js';
import { redirectAllowed } from './redirects.js';

test('HTML becomes lines of readable text without scripts, styles or comments', () => {
  const html = '<html><head><title>VDP</title><style>p{x:1}</style><script>var a="<p>no</p>";</script></head><body><h1>Report&nbsp;a problem</h1><!-- <p>hidden</p> --><p>We reply within <b>5</b> days &amp; update you every 30&#160;days.</p><ul><li>one</li><li>two</li></ul></body></html>';
  assert.equal(htmlToText(html), 'VDP\nReport a problem\nWe reply within 5 days & update you every 30 days.\none\ntwo');
});

test('hostile markup ends quickly and keeps text', () => {
  const text = htmlToText(`${'<'.repeat(50_000)}${'<p'.repeat(10_000)} tail`);
  assert.equal(typeof text, 'string');
  assert.equal(readableText('plain <words>', 'text/plain'), 'plain <words>');
});

test('content types', () => {
  assert.equal(charsetOf('text/plain; charset="UTF-8"'), 'utf-8');
  assert.equal(charsetOf('text/plain'), 'utf-8');
  assert.equal(charsetOf('text/html;charset=ISO-8859-1'), 'iso-8859-1');
  assert.equal(mediaTypeOf('Text/Plain; charset=utf-8'), 'text/plain');
});

test('redirect policies', () => {
  assert.ok(redirectAllowed('https://example.com/a', 'https://www.example.com/b', 'related-host'));
  assert.ok(redirectAllowed('https://www.example.com/a', 'https://example.com/b', 'related-host'));
  assert.ok(!redirectAllowed('https://example.com/a', 'https://example.org/b', 'related-host'));
  assert.ok(!redirectAllowed('https://example.com/a', 'https://badexample.com/b', 'related-host'));
  assert.ok(!redirectAllowed('https://example.com/a', 'https://www.example.com/b', 'same-host'));
  assert.ok(redirectAllowed('https://example.com/a', 'https://example.org/b', 'any'));
});

test('non-public addresses', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1']) {
    assert.ok(isNonPublicAddress(a), a);
  }
  for (const a of ['93.184.216.34', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) assert.ok(!isNonPublicAddress(a), a);
});
