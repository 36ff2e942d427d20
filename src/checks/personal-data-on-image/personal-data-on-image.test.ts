import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unpackImage } from '../../firmware/index.js';
import { corpusFile } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { personalDataOnImage } from './index.js';
import { personalEmail, personalPhone, personalFullName } from './values.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => personalDataOnImage.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));

/** An SQLite database written by SQLite itself (better-sqlite3), returned as bytes. */
function sqlite(sql: string): Buffer {
  const path = join(mkdtempSync(join(tmpdir(), 'iotcop-pd-')), 'x.db');
  const db = new Database(path);
  db.exec(sql);
  db.close();
  return readFileSync(path);
}

test('values: role mailboxes, reserved domains, fictional numbers and role names are not personal', () => {
  for (const a of ['ada.lovelace@gmail.com', 'k.tanaka@corp-mail.co.jp', 'dev42+iot@outlook.com']) assert.ok(personalEmail(a), a);
  for (const a of ['support@vendor.com', 'noreply@vendor.com', 'someone@example.com', 'x@test.invalid', 'icon@2x.png', 'root@localhost', 'jane.doe@company.com', 'ada@host.local', 'bug-coreutils@gnu.org']) assert.ok(!personalEmail(a), a);
  for (const p of ['+44 20 7123 4567', '(415) 867-5309', '0049 30 1234 5678']) assert.ok(personalPhone(p), p);
  for (const p of ['07700 900123', '+44 7700 900456', '555-0123', '192.168.1.1', '1234567', '0000000', '2024-01-01', '12']) assert.ok(!personalPhone(p), p);
  assert.ok(personalFullName('Ada Lovelace'));
  for (const n of ['Administrator', 'Living Room', 'John Doe', 'admin', 'Guest User']) assert.ok(!personalFullName(n), n);
});

test('records of people in an SQLite database fail, with table, rows and masked evidence', async () => {
  const db = sqlite(`CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone TEXT, password TEXT);
    INSERT INTO users (name, email, phone, password) VALUES ('admin', 'admin@localhost', '', 'x'), ('Ada Lovelace', 'ada.lovelace@gmail.com', '+44 20 7123 4567', 'y'), ('Alan Turing', 'alan.t@outlook.com', '', 'z');`);
  const [f, ...rest] = await check({ '/usr/lib/app/data.db': db });
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.verdict, f?.severity, f?.location.path], ['fail', 'high', '/usr/lib/app/data.db']);
  assert.deepEqual(f?.provisions, ['5.11-1', '6-1']);
  assert.match(f.title, /table users, row 2, 3/);
  assert.match(f.evidence, /row 2: name Ad\*{6}, email ad\*{6}, phone \+4\*{6}/);
  assert.ok(!f.evidence.includes('lovelace') && !f.evidence.includes('7123'), f.evidence);
});

test('browser history, shell history, joined Wi-Fi networks, CSV and JSON records fail; a lone address is for review', async () => {
  const places = sqlite(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT, visit_count INTEGER);
    INSERT INTO moz_places (url, title, visit_count) VALUES ('place:sort=8', NULL, 0), ('https://bank.example-bank.co.uk/login', 'Bank', 3);`);
  const findings = await check({
    '/root/.mozilla/firefox/abc.default/places.sqlite': places,
    '/root/.ash_history': 'ls /tmp\nwget http://10.0.0.5/fw.bin\n',
    '/etc/wpa_supplicant.conf': 'ctrl_interface=/var/run/wpa_supplicant\nnetwork={\n\tssid="SmithFamily-5G"\n\tpsk="tr0ub4dor&3horse"\n}\n',
    '/etc/config/wireless': "config wifi-iface 'sta'\n\toption device 'radio0'\n\toption mode 'sta'\n\toption ssid 'OfficeNet'\n\toption encryption 'psk2'\n\toption key 'Qx7-corporate-2024'\n",
    '/data/contacts.csv': 'first_name,last_name,mobile\nAda,Lovelace,+44 20 7123 4567\n',
    '/etc/app/owners.json': JSON.stringify({ owners: [{ name: 'Ada Lovelace', email: 'ada.lovelace@gmail.com' }] }, null, 2),
    '/etc/config/ddns': "config service 'home'\n\toption username 'k.tanaka@corp-mail.co.jp'\n",
  });
  const by = (path: string) => findings.filter((f) => f.location.path === path).map((f) => f.verdict);
  assert.deepEqual(by('/root/.mozilla/firefox/abc.default/places.sqlite'), ['fail']);
  assert.deepEqual(by('/root/.ash_history'), ['fail']);
  assert.deepEqual(by('/etc/wpa_supplicant.conf'), ['fail']);
  assert.deepEqual(by('/etc/config/wireless'), ['fail']);
  assert.deepEqual(by('/data/contacts.csv'), ['fail']);
  assert.deepEqual(by('/etc/app/owners.json'), ['fail']);
  assert.deepEqual(by('/etc/config/ddns'), ['inconclusive']);
  const wifi = findings.find((f) => f.location.path === '/etc/wpa_supplicant.conf')!;
  assert.equal(wifi.location.line, 4);
  assert.ok(!wifi.evidence.includes('horse') && !wifi.evidence.includes('Family'), wifi.evidence);
  assert.equal(findings.find((f) => f.location.path === '/data/contacts.csv')?.location.line, 2);
  assert.ok(!findings.some((f) => f.verdict === 'pass'));
});

test('an ordinary root filesystem with documentation, package metadata, examples and test data stays clean', async () => {
  const cities = sqlite(`CREATE TABLE cities (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL);
    INSERT INTO cities (name, lat, lon) VALUES ('Berlin', 52.520008, 13.404954), ('London', 51.507351, -0.127758);`);
  const accounts = sqlite(`CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, role TEXT);
    INSERT INTO users (name, email, role) VALUES ('admin', 'admin@vendor.com', 'Administrator'), ('Guest', 'guest@localhost', 'viewer');`);
  const findings = await check({
    '/usr/share/doc/busybox/copyright': 'Copyright (C) 1998 Erik Andersen <andersen@codepoet.org>\n',
    '/usr/share/common-licenses/GPL-2': 'Free Software Foundation, Inc. <gnu@gnu.org>\n',
    '/var/lib/dpkg/status': 'Package: bash\nMaintainer: Matthias Klose <doko@debian.org>\n',
    '/usr/lib/opkg/status': 'Package: dropbear\nMaintainer: Felix Fietkau <nbd@nbd.name>\n',
    '/usr/lib/node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', author: { name: 'Azer Koculu', email: 'azer@roadbeats.com' } }),
    '/www/js/app.js': '/* Author: Ada Lovelace <ada.lovelace@gmail.com> */\nvar x = 1;\n',
    '/usr/share/zoneinfo/zone.tab': 'GB\t+513030-0000731\tEurope/London\n',
    '/etc/ssl/certs/ca-certificates.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    '/usr/share/doc/wpasupplicant/examples/wpa_supplicant.conf': 'network={\n ssid="RealLooking"\n psk="verysecret99"\n}\n',
    '/etc/wpa_supplicant/wpa_supplicant.conf.example': 'network={\n ssid="RealLooking"\n psk="verysecret99"\n}\n',
    '/etc/wpa_supplicant.conf': 'network={\n ssid="YOUR_SSID"\n psk="YOUR_PASSPHRASE"\n}\n',
    '/etc/config/wireless': "config wifi-iface 'default_radio0'\n\toption mode 'ap'\n\toption ssid 'OpenWrt'\n\toption encryption 'psk2'\n\toption key 'Qx7-default-2024'\n",
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/ash\n',
    '/etc/app/vendor.conf': 'support_email=support@vendor.com\nsupport_phone=07700 900123\n',
    '/usr/share/app/cities.db': cities,
    '/etc/app/users.db': accounts,
    '/usr/lib/app/tests/users.csv': 'name,email\nAda Lovelace,ada.lovelace@gmail.com\n',
    '/usr/share/locale/de/LC_MESSAGES/app.po': 'msgid "Contact ada.lovelace@gmail.com"\n',
    '/root/.ash_history': '\n',
    '/etc/banner': 'Welcome\n',
    '/root/.m2/repository/org/x/x-1.0.pom': '<developers><developer><email>ada.lovelace@gmail.com</email></developer></developers>\n',
    '/etc/board.json': JSON.stringify({ model: { id: 'tplink,archer-c7-v2', name: 'TP-Link Archer C7 v2' }, network: { lan: { device: 'eth0' } } }),
    '/etc/config/system': "config system\n\toption hostname 'OpenWrt'\n\toption timezone 'UTC'\n",
    '/etc/services': '# Updated from https://www.iana.org/assignments/ (contact ada.lovelace@gmail.com)\nssh\t\t22/tcp\n',
  });
  assert.deepEqual(findings.map((f) => [f.verdict, f.provisions.length, f.title]), [['pass', 0, 'No personal data found on the image']]);
});

test('an image without a filesystem is inconclusive', async () => {
  const fw = { ...firmwareEvidence('blob.bin'), filesystems: [] };
  const [f] = await personalDataOnImage.run(ctx(evidenceOf(fw)));
  assert.deepEqual([f?.verdict, f?.key], ['inconclusive', 'no-filesystem']);
});

test('hostile files (long runs of @, wide CSV, deep JSON, endless network blocks) complete', async () => {
  const findings = await check({
    '/etc/at.conf': `${'a@'.repeat(100_000)}\n${`${'x'.repeat(63)}.`.repeat(3000)}@\n`,
    '/data/wide.csv': `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n${'x,'.repeat(4999)}x\n`,
    '/data/deep.json': `${'['.repeat(5000)}${']'.repeat(5000)}`,
    '/etc/wpa_supplicant.conf': 'network={\n ssid="a"\n'.repeat(50_000),
  });
  assert.deepEqual(findings.map((f) => f.verdict), ['pass']);
});

test('corpus: the D-Link and Broadcom router trees ship no personal data', async (t) => {
  const images = ['binwalk/firmware_v4_lzma.squashfs', 'binwalk/squashfs_v2.bin'].map((f) => corpusFile(f));
  if (images.some((i) => !i)) return t.skip('corpus not present');
  for (const image of images) {
    const fw = await unpackImage(image!, {});
    if (fw.filesystems.length === 0) return t.skip('the squashfs image could not be unpacked here');
    const findings = await personalDataOnImage.run(ctx(evidenceOf(fw)));
    assert.deepEqual(findings.map((f) => [f.verdict, f.provisions.length]), [['pass', 0]], image);
    assert.match(findings[0]!.detail, /^\d{3,} file\(s\) of 1 filesystem/);
  }
});
