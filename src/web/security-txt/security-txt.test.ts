import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSecurityTxt } from './parse.js';

const NOW = new Date('2021-06-01T00:00:00Z');
const parse = (text: string | Buffer, context: { now?: Date; url?: string; contentType?: string } = {}) =>
  parseSecurityTxt(typeof text === 'string' ? Buffer.from(text) : text, { now: NOW, ...context });
const rules = (text: string | Buffer, context = {}) => parse(text, context).problems.map((p) => `${p.line}:${p.rule}`);
const musts = (text: string | Buffer, context = {}) => parse(text, context).problems.filter((p) => p.level === 'must').map((p) => `${p.line}:${p.rule}`);

// RFC 9116 section 2.6, verbatim.
const RFC_UNSIGNED = `# Our security address
Contact: mailto:security@example.com

# Our OpenPGP key
Encryption: https://example.com/pgp-key.txt

# Our security policy
Policy: https://example.com/security-policy.html

# Our security acknowledgments page
Acknowledgments: https://example.com/hall-of-fame.html

Expires: 2021-12-31T18:37:07z
`;

test('the RFC 9116 unsigned example is valid, with every field read', () => {
  const file = parse(RFC_UNSIGNED);
  assert.deepEqual(file.problems.map((p) => p.rule), ['unsigned']);
  assert.deepEqual(file.contact, ['mailto:security@example.com']);
  assert.deepEqual(file.policy, ['https://example.com/security-policy.html']);
  assert.deepEqual(file.encryption, ['https://example.com/pgp-key.txt']);
  assert.deepEqual(file.acknowledgments, ['https://example.com/hall-of-fame.html']);
  assert.equal(file.expires?.toISOString(), '2021-12-31T18:37:07.000Z');
  assert.equal(file.signed, false);
});

test('every field example of RFC 9116 section 2.5 is accepted', () => {
  const text = [
    'Acknowledgments: https://example.com/hall-of-fame.html',
    'Canonical: https://www.example.com/.well-known/security.txt',
    'Canonical: https://someserver.example.com/.well-known/security.txt',
    'Contact: mailto:security@example.com',
    'Contact: mailto:security%2Buri%2Bencoded@example.com',
    'Contact: tel:+1-201-555-0123',
    'Contact: https://example.com/security-contact.html',
    'Encryption: https://example.com/pgp-key.txt',
    'Encryption: dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY',
    'Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f',
    'Expires: 2021-12-31T18:37:07z',
    'Hiring: https://example.com/jobs.html',
    'Policy: https://example.com/disclosure-policy.html',
    'Preferred-Languages: en, es, fr',
    '# This is a comment.',
    '',
  ].join('\r\n');
  const file = parse(text, { url: 'https://www.example.com/.well-known/security.txt' });
  assert.deepEqual(musts(text, { url: 'https://www.example.com/.well-known/security.txt' }), []);
  assert.equal(file.contact.length, 4);
  assert.deepEqual(file.preferredLanguages, ['en', 'es', 'fr']);
});

test('the RFC 9116 signed example is unwrapped and its fields read', () => {
  const signed = `-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

# Canonical URI
Canonical: https://example.com/.well-known/security.txt

# Our security address
Contact: mailto:security@example.com

Expires: 2021-12-31T18:37:07z
-----BEGIN PGP SIGNATURE-----
Version: GnuPG v2.2

[signature]
-----END PGP SIGNATURE-----
`;
  const file = parse(signed, { url: 'https://example.com/.well-known/security.txt' });
  assert.equal(file.signed, true);
  assert.deepEqual(file.contact, ['mailto:security@example.com']);
  assert.deepEqual(file.problems.filter((p) => p.level === 'must'), []);
});

test('Contact and Expires are required; Expires and Preferred-Languages at most once', () => {
  assert.deepEqual(musts('Policy: https://example.com/p\n'), ['0:contact-missing', '0:expires-missing']);
  assert.deepEqual(musts('Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\nExpires: 2021-12-30T00:00:00Z\n'), ['3:expires-duplicate']);
  assert.deepEqual(musts('Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\nPreferred-Languages: en\nPreferred-Languages: de\n'), ['4:languages-duplicate']);
});

test('Expires: syntax, in the past, and more than a year ahead', () => {
  const base = 'Contact: mailto:a@example.com\n';
  assert.deepEqual(musts(`${base}Expires: 31/12/2021\n`), ['2:expires-syntax']);
  assert.deepEqual(musts(`${base}Expires: 2021-02-30T00:00:00Z\n`), ['2:expires-syntax']);
  assert.deepEqual(musts(`${base}Expires: 2021-12-31\n`), ['2:expires-syntax']);
  assert.deepEqual(musts(`${base}Expires: 2021-05-31T23:59:59+00:00\n`), ['2:expired']);
  assert.ok(rules(`${base}Expires: 2023-01-01T00:00:00Z\n`).includes('2:expires-far'));
  assert.deepEqual(musts(`${base}Expires: 2021-12-31T18:37:07.123+01:00\n`), []);
});

test('URIs: mailto and tel required for addresses, https for web URIs, no inline keys', () => {
  const tail = 'Expires: 2021-12-31T00:00:00Z\n';
  assert.deepEqual(musts(`Contact: security@example.com\n${tail}`), ['1:contact-not-uri']);
  assert.match(parse(`Contact: security@example.com\n${tail}`).problems.find((p) => p.rule === 'contact-not-uri')!.message, /mailto:security@example.com/);
  assert.deepEqual(musts(`Contact: +44 113 496 0000\n${tail}`), ['1:contact-not-uri']);
  assert.deepEqual(musts(`Contact: http://example.com/report\n${tail}`), ['1:contact-not-https']);
  assert.deepEqual(musts(`Contact: mailto:a@example.com\nPolicy: http://example.com/p\nHiring: http://example.com/j\nAcknowledgments: http://example.com/a\nCanonical: http://example.com/.well-known/security.txt\nEncryption: http://example.com/k\n${tail}`),
    ['2:policy-not-https', '3:hiring-not-https', '4:acknowledgments-not-https', '5:canonical-not-https', '6:encryption-not-https']);
  assert.deepEqual(musts(`Contact: mailto:a@example.com\nEncryption: -----BEGIN PGP PUBLIC KEY BLOCK-----\n${tail}`), ['2:encryption-inline-key']);
  assert.deepEqual(musts(`Contact: mailto:a@example.com\nPolicy: https://exa mple.com/p\n${tail}`), ['2:policy-not-uri']);
  assert.deepEqual(musts(`Contact: mailto:a@example.com\nPolicy: https://example.com/%zz\n${tail}`), ['2:policy-not-uri']);
});

test('Preferred-Languages must hold RFC 5646 tags', () => {
  const base = 'Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\n';
  assert.deepEqual(musts(`${base}Preferred-Languages: en-GB, zh-Hant-TW, de-CH-1996, x-private, i-klingon\n`), []);
  assert.deepEqual(musts(`${base}Preferred-Languages: en_GB, fr\n`), ['3:languages-syntax']);
  assert.deepEqual(musts(`${base}Preferred-Languages: en,,fr\n`), ['3:languages-syntax']);
});

test('field syntax: name, one space after the colon, no leading white space, lines that are not fields', () => {
  const base = 'Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\n';
  assert.deepEqual(musts(`${base}Policy:https://example.com/p\n`), ['3:field-syntax']);
  assert.deepEqual(musts(`${base}  Policy: https://example.com/p\n`), ['3:field-syntax']);
  assert.deepEqual(musts(`${base}just some words\n`), ['3:field-syntax']);
  assert.deepEqual(musts(`${base}Policy:\n`), ['3:field-syntax']);
  assert.deepEqual(musts(`${base}Bad Name: x\n`), ['3:field-syntax']);
  assert.deepEqual(musts(`${base}X-Custom-Field: anything goes\n`), []);
  assert.ok(rules(`${base}Acknowledgements: https://example.com/thanks\n`).includes('3:unknown-field'));
  assert.deepEqual(musts(`cOnTaCt: mailto:a@example.com\nEXPIRES: 2021-12-31T00:00:00Z\n`), []);
});

test('line endings: CRLF and LF are fine, a lone CR or a missing final line break is not', () => {
  assert.deepEqual(musts('Contact: mailto:a@example.com\r\nExpires: 2021-12-31T00:00:00Z\r\n'), []);
  assert.deepEqual(musts('Contact: mailto:a@example.com\rExpires: 2021-12-31T00:00:00Z\n').sort(), ['0:expires-missing', '1:contact-not-uri', '1:line-ending']);
  assert.deepEqual(musts('Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z'), ['2:final-line-ending']);
});

test('encoding: UTF-8 only, no byte order mark', () => {
  const base = 'Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\n';
  assert.deepEqual(musts(Buffer.concat([Buffer.from(base), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a])])), ['3:utf8']);
  assert.deepEqual(musts(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(base)])), ['1:bom']);
  assert.deepEqual(musts(`${base}# Préférences: ça va\n`), []);
});

test('Canonical must list the URL the file was fetched from', () => {
  const text = 'Canonical: https://example.com/.well-known/security.txt\nContact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\n';
  assert.deepEqual(musts(text, { url: 'https://example.com/.well-known/security.txt' }), []);
  assert.deepEqual(musts(text, { url: 'https://EXAMPLE.com:443/.well-known/security.txt' }), []);
  assert.deepEqual(musts(text, { url: 'https://evil.example/.well-known/security.txt' }), ['1:canonical-mismatch']);
});

test('Content-Type must be text/plain; charset=utf-8 (unchecked for saved copies)', () => {
  const text = 'Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\n';
  assert.deepEqual(musts(text, { contentType: 'text/plain; charset=utf-8' }), []);
  assert.deepEqual(musts(text, { contentType: 'text/plain' }), ['0:content-type']);
  assert.deepEqual(musts(text, { contentType: 'text/html; charset=utf-8' }), ['0:content-type']);
  assert.deepEqual(musts(text, { contentType: 'text/plain; charset=iso-8859-1' }), ['0:content-type']);
  assert.deepEqual(musts(text), []);
});

test('signed framing: text outside the signature, missing Hash header, unescaped dashes, unterminated block', () => {
  const body = 'Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\n';
  const sig = '-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n';
  assert.deepEqual(musts(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}${sig}`), []);
  assert.deepEqual(musts(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}${sig}Contact: mailto:evil@example.net\n`), ['10:signature-framing']);
  assert.deepEqual(musts(`-----BEGIN PGP SIGNED MESSAGE-----\n\n${body}${sig}`), ['1:signature-framing']);
  assert.deepEqual(musts(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}-----BEGIN PGP SIGNATURE-----\nAAAA\n`), ['6:signature-framing']);
  assert.deepEqual(musts(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n- # escaped comment\n${body}${sig}`), []);
  assert.deepEqual(musts(`${body}-----BEGIN PGP SIGNATURE-----\n`), ['3:field-syntax', '3:signature-framing']);
});

test('limits: large files, long fields and many lines are flagged, never a crash', () => {
  const long = `Contact: mailto:a@example.com\nExpires: 2021-12-31T00:00:00Z\nPolicy: https://example.com/${'a'.repeat(3000)}\n${'# x\n'.repeat(9000)}`;
  const found = rules(long);
  for (const rule of ['0:size', '0:line-count', '3:field-length']) assert.ok(found.includes(rule), rule);
});
