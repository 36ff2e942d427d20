import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingDraft } from '../../model/index.js';
import { hasTool, run as runTool } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { defaultPasswords } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = async (...trees: Record<string, FileSpec>[]) =>
  defaultPasswords.run(ctx(evidenceOf(...trees.map((files, i) => firmwareEvidence(`unit${i}.bin`, vfsFromFiles(files))))));
const fails = (fs: readonly FindingDraft[]) => fs.filter((f) => f.verdict === 'fail');

const PASSWD = 'root:x:0:0:root:/root:/bin/ash\ndaemon:*:1:1:daemon:/var:/bin/false\nnobody:*:65534:65534:nobody:/var:/bin/false\n';
const CLEAN_OPENWRT: Record<string, FileSpec> = {
  '/etc/passwd': PASSWD,
  '/etc/shadow': 'root:*:19000:0:99999:7:::\ndaemon:*:0:0:99999:7:::\nnobody:*:0:0:99999:7:::\n',
  '/etc/inittab': '::sysinit:/etc/init.d/rcS S boot\n::shutdown:/etc/init.d/rcS K shutdown\nttyS0::askfirst:/usr/libexec/login.sh\n',
  '/etc/config/rpcd': "config login\n\toption username 'root'\n\toption password '$p$root'\n",
  '/etc/config/wireless': "config wifi-iface 'default_radio0'\n\toption mode 'ap'\n\toption ssid 'OpenWrt'\n\toption encryption 'none'\n",
  '/etc/httpd.conf': '/cgi-bin/luci:root:$p$root\n',
};

test('a clean OpenWrt-like tree (locked root, login on the console) passes 5.1-1 with no failing finding', async () => {
  const findings = await check(CLEAN_OPENWRT);
  assert.deepEqual(fails(findings), []);
  const pass = findings.find((f) => f.verdict === 'pass');
  assert.deepEqual(pass?.provisions, ['5.1-1']);
});

test('an empty root password and a known md5crypt password fail 5.1-1 with path, line and masked evidence', async () => {
  const findings = await check({
    '/etc/passwd': `${PASSWD}admin:x:1000:1000::/home/admin:/bin/sh\n`,
    '/etc/shadow': 'root::19000:0:99999:7:::\ndaemon:*:0:0:99999:7:::\nadmin:$1$abcdefgh$/ehdsgh6T85pypwniuldr1:19000::::::\n',
  });
  const empty = findings.find((f) => f.title.includes('empty password'));
  assert.deepEqual([empty?.verdict, empty?.severity, empty?.location.path, empty?.location.line], ['fail', 'critical', '/etc/shadow', 1]);
  const cracked = findings.find((f) => f.title.includes('admin uses a known default password'));
  assert.equal(cracked?.location.line, 3);
  assert.match(cracked?.evidence ?? "", /password x\*{6}/);
  assert.ok(!cracked?.evidence.includes('xc3511'));
  assert.match(cracked?.detail ?? '', /Mirai/);
  assert.ok(!findings.some((f) => f.verdict === 'pass'));
});

test('an unknown but fixed hash for a login account is still a universal default; locked and nologin accounts are not', async () => {
  const findings = await check({
    '/etc/passwd': PASSWD,
    '/etc/shadow': 'root:$5$rounds=1000$perunit$fs4/c13EtZATBBRnm5NVCAFflu3ckSUj1W7G98wsyU/:1::::::\ndaemon:!:1::::::\n',
  });
  const f = fails(findings);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'high');
  assert.match(f[0]!.detail, /same password/);
  assert.match(f[0]!.detail, /None of the \d+ dataset passwords matched/);
});

test('a runtime-generated /etc/passwd is followed to the script and default file that write it', async () => {
  const findings = await check({
    '/etc/passwd -> /var/passwd': '',
    '/etc/passwd.default': 'root:$5$vendor$Rn6S0UIzxxw3SRZVG2KdqZTB.kDKNdvmiz.TmECygk6:0:0:root:/:/bin/sh\n',
    '/etc/init.d/rcS': '#!/bin/sh\nmount -t tmpfs tmpfs /var\ncp /etc/passwd.default /var/passwd\n',
  });
  const gen = findings.find((f) => f.title.startsWith('/etc/passwd is generated at boot'));
  assert.match(gen?.detail ?? '', /\/etc\/init\.d\/rcS:3/);
  const cracked = findings.find((f) => f.title.startsWith('root uses a known default password'));
  assert.equal(cracked?.location.path, '/etc/passwd.default');
});

test('web, broker, Wi-Fi, nvram, JSON and console stores are all found', async () => {
  const tree: Record<string, FileSpec> = {
    ...CLEAN_OPENWRT,
    '/etc/inittab': 'ttyS0::respawn:/bin/sh\n',
    '/www/.htpasswd': 'admin:$apr1$webadmin$jGy4A5THkEv1ci7N0kcI.1\n',
    '/etc/httpd.conf': '/adm:admin:setup\n',
    '/etc/nvram.default': 'lan_ipaddr=192.168.1.1\nhttp_username=admin\nhttp_passwd=password\n',
    '/etc/hostapd.conf': 'ssid=Camera\nwpa_passphrase=12345678\n',
    '/etc/mosquitto/mosquitto.conf': 'listener 1883\npassword_file /etc/mosquitto/pw\n',
    '/etc/mosquitto/pw': 'device:$6$c2FsdHNhbHRzYWx0$OeQ5oAbOQHyO7Lq8Yy6QA9elYJe+j/9D8PsO2kAAWvXjKHDQRRQWfQVtuTJGiL7WcNKmunUtEqh9n4tloqTh+g==\n',
    '/etc/app/users.json': JSON.stringify({ users: [{ username: 'admin', password: 'admin1234' }] }, null, 2),
    '/etc/wpa_supplicant.conf': 'network={\n  ssid="factory"\n  psk="factorytest1"\n}\n',
  };
  const findings = await check(tree);
  const paths = new Set(fails(findings).map((f) => `${f.location.path}:${f.location.line ?? ''}`));
  for (const p of ['/etc/inittab:1', '/www/.htpasswd:1', '/etc/httpd.conf:1', '/etc/nvram.default:3', '/etc/hostapd.conf:2', '/etc/mosquitto/pw:1', '/etc/app/users.json:5', '/etc/wpa_supplicant.conf:3']) {
    assert.ok(paths.has(p), `${p} not reported (got ${[...paths].join(' ')})`);
  }
  const mqtt = findings.find((f) => f.location.path === '/etc/mosquitto/pw');
  assert.equal(mqtt?.severity, 'critical', 'the mosquitto hash is of "password", a listed default');
  assert.deepEqual(findings.find((f) => f.location.path === '/etc/wpa_supplicant.conf')?.provisions, ['5.4-3']);
  for (const f of findings) {
    for (const secret of ['=password', '12345678', 'admin1234', 'setup', 'factorytest1', 'OeQ5oAbO', 'jGy4A5TH']) assert.ok(!f.evidence.includes(secret), f.evidence);
  }
});

test('a SQLite user table of the web UI is read', { skip: hasTool('sqlite3') ? false : 'sqlite3 not installed' }, async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'iotcop-dp-')), 'ui.db');
  runTool('sqlite3', [db], { input: Buffer.from("CREATE TABLE account(id INTEGER PRIMARY KEY, login TEXT, pwd TEXT);INSERT INTO account VALUES(1,'admin','123456');") });
  const findings = await check({ ...CLEAN_OPENWRT, '/etc/ui/ui.db': readFileSync(db) });
  const f = fails(findings).find((x) => x.location.path === '/etc/ui/ui.db');
  assert.equal(f?.severity, 'critical');
});

test('across several dumps: identical credentials, and passwords derived from the MAC address', async () => {
  const unit = (mac: string, pass: string, rootHash: string) => ({
    '/etc/passwd': PASSWD,
    '/etc/shadow': `root:${rootHash}:1::::::\n`,
    '/etc/nvram.default': `et0macaddr=${mac}\nhttp_passwd=cam${mac.replace(/:/g, '').slice(-6)}${pass}\n`,
  });
  const hash = '$5$rounds=1000$perunit$fs4/c13EtZATBBRnm5NVCAFflu3ckSUj1W7G98wsyU/';
  const findings = await check(unit('00:11:22:33:44:55', '', hash), unit('00:11:22:33:44:aa', '', hash), unit('00:11:22:33:45:01', '', hash));
  const same = findings.find((f) => f.title === 'root has the same password on 3 units');
  assert.equal(same?.verdict, 'fail');
  const derived = findings.find((f) => f.title.includes('derived from the unit\'s MAC address'));
  assert.deepEqual(derived?.provisions, ['5.1-1', '5.1-2']);
});
