import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContext, webEvidence } from '../../test-support/web.js';
import { supportPeriodPage } from './index.js';

const URL = 'https://example.com/products/t-1/support';
const manifest = { supportPeriod: { end: '2030-03-31', url: URL } };
const run = async (body: string, extra: object = {}) =>
  (await supportPeriodPage.run(checkContext(webEvidence([{ purpose: 'support-period', url: URL, body, ...extra }], manifest)))).map((f) => `${f.provisions[0]} ${f.verdict}`);

test('the declared end date and the model on the page pass both provisions', async () => {
  assert.deepEqual(await run('<h1>Test T-1 smart plug</h1><p>We provide security updates for the T-1 until 31 March 2030.</p>'), ['5.3-13 pass', '5.3-16 pass']);
  assert.deepEqual(await run('<p>Model T1: supported through March 31, 2030.</p>'), ['5.3-13 pass', '5.3-16 pass']);
});

test('another date fails 5.3-13; no date is inconclusive and says a relative period is not an end date', async () => {
  assert.deepEqual(await run('<p>T-1: security updates until 31 March 2029.</p>'), ['5.3-13 fail', '5.3-16 pass']);
  const none = await supportPeriodPage.run(checkContext(webEvidence([{ purpose: 'support-period', url: URL, body: '<p>T-1 gets security updates for 5 years from purchase.</p>' }], manifest)));
  assert.equal(none[0]!.verdict, 'inconclusive');
  assert.match(none[0]!.detail, /5 years from purchase/);
});

test('a page that does not name the model leaves 5.3-16 inconclusive; a missing page fails', async () => {
  assert.deepEqual(await run('<p>Security updates until 2030-03-31.</p>'), ['5.3-13 pass', '5.3-16 inconclusive']);
  assert.deepEqual(await run('', { status: 404 }), ['5.3-13 fail']);
});
