import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { identifyHash, verifyPassword, yescryptKdf } from './index.js';

// Vectors computed with libxcrypt 4.4.33 (Python 3.11 `crypt.crypt`, Debian bookworm) and OpenSSL 3.0
// (`openssl passwd -apr1`); {SHA} and mosquitto `$6$` (SHA-512 of password + salt, standard base 64) with
// Python hashlib. They are facts about the reference implementations, recorded here.
const VECTORS: readonly (readonly [string, string, string])[] = [
  ['des', 'password', 'abJnggxhB/yWI'],
  ['des', '', 'zz6dpSdr.LHZw'],
  ['des', 'admin', '..xpoEyRReGzk'],
  ['des', 'xc3511', 'Zxawhee67qhdU'],
  ['des', '12345678longer', 'q1Etje6c9MtJQ'],
  ['md5', 'password', '$1$saltstri$qQY4WxjABChYG1ccLpfkz/'],
  ['md5', '', '$1$abc$Or2rbeUYTvt12aiVzMuS/.'],
  ['md5', 'admin', '$1$$CoERg7ynjYLsj2j4glJ34.'],
  ['md5', 'vizxv', '$1$12345678$g2ZEoZR9OaTTKp3Xl0mVb0'],
  ['apr1', 'password', '$apr1$saltsalt$yAAkm4libquA.ZWLHbSBq/'],
  ['apr1', 'admin', '$apr1$x$H98zw3QxdAdX5OYBGi8cK0'],
  ['sha256', 'password', '$5$saltstring$OH4IDuTlsuTYPdED1gsuiRMyTAwNlRWyA6Xr3I4/dQ5'],
  ['sha256', 'Hello world!', '$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA'],
  ['sha256', 'admin', '$5$rounds=1000$x$OzWvbCqFGNPPxInMZ4Ec1ra14uwRlgrnv1BlpN1Uvp4'],
  ['sha256', '', '$5$abc$bBHLwRRW2Li0XKaX13kz/g2fkDil4Jx46aNvd.48MS8'],
  ['sha512', 'password', '$6$saltstring$adDbXsJjcDlq2662QPgd.tkSOVmnG9Tt3oXl4HR60SusC3AGjirnDenVZp3DGwLwqy6iYKCzannhaX9DR72nN1'],
  ['sha512', 'Hello world!', '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.'],
  ['sha512', 'root', '$6$rounds=1000$ab$WqXhWjAj58SVT7S1kq8J7ygw6vnWISFB6Oa06d0xyIqOeq0hLKHdYlUtBVgm7Q266U7JDN5K89K61nRQVz7p/1'],
  ['sha512', '', '$6$abc$mJP3a6FyA8uCnzRtlnNypPwjnvpi5TP9qOrInzrfDmwxUQG38PkpCPdqfTb8JQfAngapMxeim4AZ..hSdRRzD.'],
  ['yescrypt', 'password', '$y$j9T$abcdefgh$79JhsKZwfY/UU2qrk3QcffpHl7EyEEJK0pA5pD1wu73'],
  ['yescrypt', 'admin', '$y$j9T$F5Jx5fExrKuPp53xLKQ..1$U9UxR4nlxJR6RYds8q2nfUO3NjkfW12EtgsQ0/AQWP4'],
  ['yescrypt', 'root', '$y$j7T$saltsalt$jSZld6TFL5StvDutUmW2ntk4.jMmn2HhnsTCglb2CR1'],
  ['yescrypt', 'admin', '$y$j7T..$saltsalt$PdPtmx/kmuKOvMhKjOS3uE2z2onbkK9.sxz9klcNUkC'],
  ['yescrypt', 'admin', '$y$j7T/.$saltsalt$w8cbN2BtgUghohHiJ9hKaaRiKL/CEq27uW/5aWMmAK4'],
  ['yescrypt', 'admin', '$y$j7T0/.$saltsalt$xDXVgbwKmjegD8h7zSjMOdzo77Wg/HZuN3z3ZFCIFd0'],
  ['scrypt', 'password', '$7$C6..../....SodiumChloride$6OIeehEnzbyu949sLkdyNyp6EorTTZ52ToM3ucR5RK7'],
  ['scrypt', 'pleaseletmein', '$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D'],
  ['bcrypt', 'password', '$2b$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm'],
  ['bcrypt', 'admin', '$2b$05$......................PUB5AHubOcQHZfS0vB/ODc/bOXLh3Rq'],
  ['htpasswd-sha1', 'password', '{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='],
  ['mosquitto-sha512', 'password', '$6$c2FsdHNhbHRzYWx0$OeQ5oAbOQHyO7Lq8Yy6QA9elYJe+j/9D8PsO2kAAWvXjKHDQRRQWfQVtuTJGiL7WcNKmunUtEqh9n4tloqTh+g=='],
];

// The slow schemes get their negative case once, on their first vector, to keep the file fast.
const SLOW = new Set(['yescrypt', 'scrypt', 'bcrypt']);
const negated = new Set<string>();

for (const [scheme, password, hash] of VECTORS) {
  test(`${scheme}: ${JSON.stringify(password)} verifies against ${hash.slice(0, 20)}...`, () => {
    const context = scheme.startsWith('mosquitto') ? 'mosquitto' : 'crypt';
    const stored = identifyHash(hash, context);
    assert.equal(stored?.scheme, scheme);
    assert.equal(verifyPassword(stored, Buffer.from(password)), true);
    if (SLOW.has(scheme) && negated.has(scheme)) return;
    negated.add(scheme);
    assert.equal(verifyPassword(stored, Buffer.from(`x${password}`)), false);
  });
}

test('malformed and locked fields are not taken for hashes', () => {
  for (const field of ['', '*', '!', '!!', 'x', '!$6$abc$def', '*LK*', '$y$j75$Qz', '$6$abc', '$1$toolongsalt$aaaaaaaaaaaaaaaaaaaaaa', 'NP']) {
    assert.equal(identifyHash(field), undefined, field);
  }
});

test('yescrypt with no flags is classic scrypt: the core agrees with Node\'s native scrypt', () => {
  for (const [n, r, p] of [[16, 1, 1], [64, 2, 2], [1024, 8, 1]] as const) {
    const pw = randomBytes(11);
    const salt = randomBytes(9);
    const ours = yescryptKdf(pw, salt, { flags: 0, n, r, p, t: 0 }, 48);
    assert.deepEqual(ours, scryptSync(pw, salt, 48, { N: n, r, p }));
  }
});

test('too costly parameters are refused, not attempted', () => {
  const huge = identifyHash('$y$jFT$1234567890123456$lcgFCgI3LlacyAX7kkU.2Qby8K9Pq6W74Q.WYPh4Zj6')!;
  assert.throws(() => verifyPassword(huge, Buffer.from('x'), { maxMemory: 1024 * 1024 }), RangeError);
});

// Live cross-check against the system's libxcrypt when Python's crypt module is there (Python < 3.13).
const python = spawnSync('python3', ['-W', 'ignore', '-c', 'import crypt'], { stdio: 'ignore' }).status === 0;

test('random passwords and salts agree with libxcrypt', { skip: python ? false : 'python3 with the crypt module is not installed' }, () => {
  const settings = ['ab', '$1$', '$5$rounds=2000$', '$6$', '$y$j9T$'];
  const cases = settings.map((prefix, i) => {
    const pw = randomBytes(4 + i).toString('base64').replace(/=/g, '');
    const salt = prefix === 'ab' ? randomBytes(2).toString('base64').replace(/[^A-Za-z0-9]/g, '.').slice(0, 2)
      : prefix.startsWith('$y$') ? 'F5Jx5fExrKuPp53xLKQ..1' : randomBytes(6).toString('base64').replace(/[^A-Za-z0-9]/g, '.');
    return [pw, prefix === 'ab' ? salt : `${prefix}${salt}`] as const;
  });
  const script = `import crypt,json,sys\nfor pw,s in json.load(sys.stdin): print(crypt.crypt(pw,s))`;
  const out = spawnSync('python3', ['-W', 'ignore', '-c', script], { input: JSON.stringify(cases) }).stdout.toString().trim().split('\n');
  cases.forEach(([pw], i) => {
    const stored = identifyHash(out[i]!);
    assert.ok(stored, out[i]);
    assert.equal(verifyPassword(stored, Buffer.from(pw)), true, `${pw} ${out[i]}`);
  });
});
