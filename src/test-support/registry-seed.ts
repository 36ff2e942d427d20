import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { auth, waitForAssessment } from './registry.js';

export const EXAMPLE_DIR = new URL('../../examples/smart-plug/', import.meta.url).pathname;

export interface FilePart {
  readonly field: string;
  readonly filename: string;
  readonly content: string | Buffer;
}

/** A multipart/form-data body for app.inject. */
export function multipart(parts: readonly FilePart[], boundary = `----iotcop${Math.random().toString(16).slice(2)}`): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The example smart plug's manifest and evidence, as an upload. */
export function exampleUpload(extra: readonly FilePart[] = []): FilePart[] {
  const evidence = readdirSync(join(EXAMPLE_DIR, 'evidence')).sort().map((name) => ({ field: 'files', filename: `evidence/${name}`, content: readFileSync(join(EXAMPLE_DIR, 'evidence', name)) }));
  return [{ field: 'manifest', filename: 'iotcop.yaml', content: readFileSync(join(EXAMPLE_DIR, 'iotcop.yaml')) }, ...evidence, ...extra];
}

export interface Seeded {
  readonly org: string;
  readonly ownerToken: string;
  readonly productId: string;
  readonly assessmentId: string;
  readonly labelId: string;
}

async function ok(res: { statusCode: number; body: string }, expect: number, what: string): Promise<void> {
  if (res.statusCode !== expect) throw new Error(`${what}: HTTP ${res.statusCode} ${res.body}`);
  return Promise.resolve();
}

/** An organisation with the example product, a finished assessment and an issued label, through the API. */
export async function seedExample(app: FastifyInstance, adminToken: string, org = 'brightwatt', options: { statement?: boolean } = {}): Promise<Seeded> {
  let res = await app.inject({ method: 'POST', url: '/api/v1/orgs', headers: auth(adminToken), payload: { slug: org, kind: 'manufacturer', name: 'Brightwatt Devices Ltd', address: 'Unit 4, Foundry Yard, Leeds LS9 8AB, United Kingdom', securityEmail: 'security@brightwatt.example', website: 'https://brightwatt.example' } });
  await ok(res, 201, 'create org');
  res = await app.inject({ method: 'POST', url: `/api/v1/orgs/${org}/tokens`, headers: auth(adminToken), payload: { name: 'ci', role: 'owner' } });
  await ok(res, 201, 'create token');
  const ownerToken = res.json<{ token: string }>().token;
  res = await app.inject({ method: 'POST', url: `/api/v1/orgs/${org}/products`, headers: auth(ownerToken), payload: { brand: 'Brightwatt', model: 'SP-200', type: 'Smart plug with energy monitoring' } });
  await ok(res, 201, 'create product');
  const productId = res.json<{ id: string }>().id;
  const statement = options.statement ? [{ field: 'files', filename: 'statement.html', content: '<!doctype html><title>Statement of compliance</title><h1>Statement of compliance: Brightwatt SP-200</h1>' }] : [];
  const body = multipart(exampleUpload(statement));
  res = await app.inject({ method: 'POST', url: `/api/v1/orgs/${org}/products/${productId}/assessments`, headers: { ...auth(ownerToken), ...body.headers }, payload: body.payload });
  await ok(res, 202, 'upload assessment');
  const assessmentId = res.json<{ id: string }>().id;
  const done = await waitForAssessment(app, ownerToken, org, assessmentId);
  if (done.status !== 'done') throw new Error(`assessment failed: ${String(done.error)}`);
  res = await app.inject({ method: 'POST', url: `/api/v1/orgs/${org}/assessments/${assessmentId}/label`, headers: auth(ownerToken) });
  await ok(res, 201, 'issue label');
  return { org, ownerToken, productId, assessmentId, labelId: res.json<{ id: string }>().id };
}
