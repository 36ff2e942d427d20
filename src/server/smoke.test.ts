import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, testRegistry, auth } from '../test-support/registry.js';
import { seedExample } from '../test-support/registry-seed.js';

for (const { dialect, skip } of DATABASES) {
  test(`smoke on ${dialect}`, { skip }, async () => {
    const r = await testRegistry(dialect, { clock: () => new Date('2027-01-15T10:00:00Z') });
    try {
      const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
      const page = await r.app.inject({ method: 'GET', url: `/p/${s.labelId}` });
      console.log(page.statusCode, page.body.slice(0, 3000));
      const json = await r.app.inject({ method: 'GET', url: `/p/${s.labelId}`, headers: { accept: 'application/json' } });
      console.log(json.body.slice(0, 2000));
      const a = await r.app.inject({ method: 'GET', url: `/api/v1/orgs/brightwatt/assessments/${s.assessmentId}`, headers: auth(s.ownerToken) });
      console.log(a.body);
      assert.equal(page.statusCode, 200);
    } finally {
      await r.close();
    }
  });
}
