import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatesFor } from '../credentials/index.js';
import { identifyHash } from '../crypt/index.js';
import { crackAll } from './pool.js';

const job = (id: string, hash: string, user = 'root') => ({ id, stored: identifyHash(hash)!, candidates: candidatesFor(user) });

test('known passwords are found on the worker pool; unknown ones are searched to the end', async () => {
  const results = await crackAll([
    job('md5', '$1$12345678$g2ZEoZR9OaTTKp3Xl0mVb0'), // vizxv
    job('sha512', '$6$rounds=1000$ab$WqXhWjAj58SVT7S1kq8J7ygw6vnWISFB6Oa06d0xyIqOeq0hLKHdYlUtBVgm7Q266U7JDN5K89K61nRQVz7p/1'), // root
    job('des', 'abY/w73bRVYbQ'), // k9#Lq2!v: not in the dataset
  ], { budgetMs: 120_000 });
  const by = new Map(results.map((r) => [r.id, r]));
  const md5 = by.get('md5');
  assert.equal(md5?.status, 'cracked');
  assert.equal(md5.status === 'cracked' && md5.candidate.password, 'vizxv');
  const sha = by.get('sha512');
  assert.equal(sha?.status === 'cracked' && sha.candidate.password, 'root');
  const des = by.get('des');
  assert.equal(des?.status, 'not-found');
  assert.equal(des.status === 'not-found' && des.tried, candidatesFor('root').length);
});

test('a search that cannot finish within its budget is reported unfinished, not as a miss', async () => {
  // 999,999,999 SHA-512 rounds per candidate cannot complete in a few milliseconds on any machine.
  const slow = '$6$rounds=999999999$salt$' + 'a'.repeat(86);
  const [r] = await crackAll([job('slow', slow)], { budgetMs: 50, maxCost: Number.MAX_SAFE_INTEGER });
  assert.equal(r?.status, 'unfinished');
  assert.match(r.status === 'unfinished' ? r.reason : '', /budget/);
});

test('slow hashes are tried against a bounded head of the list and say so', async () => {
  const [r] = await crackAll([job('bcrypt', '$2b$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm', 'nobody')], { budgetMs: 60_000, maxCost: 400 });
  // "password" is among the first candidates for any account (Mirai list), so the bounded search still finds it.
  assert.equal(r?.status === 'cracked' && r.candidate.password, 'password');
  const [miss] = await crackAll([job('bcrypt2', '$2b$05$......................PUB5AHubOcQHZfS0vB/ODc/bOXLh3Rq', 'nobody')], { budgetMs: 60_000, maxCost: 16 });
  assert.equal(miss?.status, 'unfinished');
  assert.match(miss.status === 'unfinished' ? miss.reason : '', /most likely candidates/);
});
