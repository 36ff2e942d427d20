import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContext, webEvidence } from '../../test-support/web.js';
import { privacyPages } from './index.js';

const PRIVACY = 'https://example.com/privacy';
const DELETE = 'https://example.com/help/delete-your-data';
const run = async (privacy: string | object, deletion: string | object) => (await privacyPages.run(checkContext(webEvidence([
  { purpose: 'privacy-notice', url: PRIVACY, ...(typeof privacy === 'string' ? { body: privacy } : privacy) },
  { purpose: 'deletion-instructions', url: DELETE, ...(typeof deletion === 'string' ? { body: deletion } : deletion) },
])))).map((f) => `${f.provisions[0]} ${f.verdict}`);

test('a privacy notice with data and purposes and deletion steps pass', async () => {
  assert.deepEqual(await run(
    '<h1>Privacy notice</h1><p>We collect your energy use history.</p><p>We use it to show your consumption in the app.</p>',
    '<h1>Delete your data</h1><ol><li>Hold the button for 10 seconds to erase schedules and history from the plug.</li></ol>',
  ), ['6-1 pass', '5.11-3 pass']);
});

test('pages that do not say it are inconclusive; absent pages fail', async () => {
  assert.deepEqual(await run('<p>Welcome to our website.</p>', '<p>Contact support.</p>'), ['6-1 inconclusive', '5.11-3 inconclusive']);
  assert.deepEqual(await run({ status: 404 }, { status: 410 }), ['6-1 fail', '5.11-3 fail']);
});
