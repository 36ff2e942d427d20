import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FORMATS } from '../../../firmware/index.js';
import { assess } from '../../engine.js';
import { corpusFile, hasTool, REPO_ROOT, run } from '../../../test-support/corpus.js';
import type { Finding } from '../../../model/index.js';

// Acceptance: squashfs images built here with mksquashfs from trees the test writes, one with every kind of
// flaw and the same tree without them, assessed end to end (unpack -> checks -> verdicts); and the real
// Broadcom router filesystem of the corpus.

const NOW = new Date('2026-11-25T12:00:00Z');
const has = (id: string) => FORMATS.some((f) => f.id === id);
const why = !has('squashfs') ? 'the squashfs format plug-in is not registered in src/firmware/formats yet'
  : !hasTool('mksquashfs') ? 'mksquashfs not installed (apt-get install squashfs-tools)' : false;

type Tree = Record<string, string | Buffer | { link: string }>;

function writeTree(root: string, tree: Tree): void {
  for (const [path, content] of Object.entries(tree)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.link, abs);
    else {
      writeFileSync(abs, content);
      if (/\/(init\.d|bin|sbin)\//.test(path)) chmodSync(abs, 0o755);
    }
  }
}

function image(tree: Tree): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-fw-'));
  writeTree(join(dir, 'root'), tree);
  run('mksquashfs', [join(dir, 'root'), join(dir, 'fw.sqfs'), '-noappend', '-quiet', '-all-root', '-comp', 'gzip']);
  return join(dir, 'fw.sqfs');
}

const sh = (body: string) => `#!/bin/sh\n${body}\n`;
const hostKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' });

const CLEAN: Tree = {
  'bin/busybox': '\u007fELF\u0002\u0001\u0001',
  'sbin/init': { link: '../bin/busybox' },
  'usr/sbin/dropbear': '\u007fELF\u0002\u0001\u0001',
  'bin/opkg': '\u007fELF\u0002\u0001\u0001',
  'etc/passwd': 'root:x:0:0:root:/root:/bin/ash\nnobody:*:65534:65534:nobody:/var:/bin/false\n',
  'etc/shadow': 'root:*:19000:0:99999:7:::\nnobody:*:0:0:99999:7:::\n',
  'etc/inittab': '::sysinit:/etc/init.d/rcS\nttyS0::askfirst:/bin/login\n',
  'etc/init.d/rcS': sh('for i in /etc/init.d/S??* ; do\n  $i start\ndone'),
  'etc/init.d/S50dropbear': sh('[ -f /etc/dropbear/dropbear_ecdsa_host_key ] || dropbearkey -t ecdsa -f /etc/dropbear/dropbear_ecdsa_host_key\n/usr/sbin/dropbear -p 192.168.1.1:22'),
  'etc/opkg.conf': 'dest root /\noption check_signature\n',
  'etc/opkg/distfeeds.conf': 'src/gz core https://downloads.vendor.example/packages\n',
  'etc/opkg/keys/b5043e70f9a75cde': 'untrusted comment: public key b5043e70f9a75cde\nRWS1BD5w+adc3j2Hqg9+b66CvLR7NlHbsj7wjNVj0XGt/othDgIAOJS+\n',
};

const FLAWED: Tree = {
  ...CLEAN,
  'usr/sbin/telnetd': { link: '../../bin/busybox' },
  'etc/shadow': 'root:$1$abcdefgh$/ehdsgh6T85pypwniuldr1:19000:0:99999:7:::\nnobody:*:0:0:99999:7:::\n',
  'etc/inittab': '::sysinit:/etc/init.d/rcS\nttyS0::respawn:/bin/sh\n',
  'etc/init.d/S40telnet': sh('telnetd -l /bin/login &'),
  'etc/dropbear/dropbear_ecdsa_host_key': hostKey,
  'etc/cloud.conf': 'api_key = "9fQz2Lk8Wm4Xv1Tb7Rn3"\n',
  'etc/opkg.conf': 'dest root /\n',
  'etc/opkg/distfeeds.conf': 'src/gz core http://downloads.vendor.example/packages\n',
  'usr/sbin/fw_update.sh': sh('wget -O /tmp/fw.bin http://update.vendor.example/fw/firmware.bin && mtd write /tmp/fw.bin firmware'),
};

const failing = (fs: readonly Finding[]) => fs.filter((f) => f.verdict === 'fail');

/** The tree as an extracted directory and as a tar archive (formats of the unpacking core). */
function directory(tree: Tree): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-fw-'));
  writeTree(join(dir, 'root'), tree);
  return join(dir, 'root');
}

function tarball(tree: Tree): string {
  const root = directory(tree);
  run('tar', ['-C', root, '--owner=0', '--group=0', '-cf', `${root}.tar`, '.']);
  return `${root}.tar`;
}

for (const [kind, make] of [['directory', directory], ['tar archive', tarball]] as const) {
  test(`end to end on a ${kind}: the flawed tree fails, the clean one has no failing finding`, { skip: hasTool('tar') ? false : 'tar not installed' }, async () => {
    const flawed = await assess({ inputs: [make(FLAWED)], now: NOW });
    const checks = new Set(failing(flawed.findings).map((f) => f.check));
    assert.deepEqual([...checks].sort(), ['default-passwords', 'exposed-services', 'hardcoded-secrets', 'stored-keys', 'update-mechanism']);
    const clean = await assess({ inputs: [make(CLEAN)], now: NOW });
    assert.deepEqual(failing(clean.findings).map((f) => `${f.check}: ${f.title}`), []);
    assert.equal(clean.provisions.find((p) => p.id === '5.1-1')?.verdict, 'pass');
  });
}
const verdictOf = async (img: string) => {
  const report = await assess({ inputs: [img], now: NOW });
  return { report, v: (id: string) => report.provisions.find((p) => p.id === id)?.verdict };
};

test('a squashfs image with every kind of flaw fails the provisions, naming paths and lines', { skip: why }, async () => {
  const { report, v } = await verdictOf(image(FLAWED));
  const at = (check: string, path: string) => failing(report.findings).find((f) => f.check === check && f.location.path === path);
  assert.equal(at('default-passwords', '/etc/shadow')?.location.line, 1);
  assert.equal(at('default-passwords', '/etc/inittab')?.location.line, 2);
  assert.equal(at('exposed-services', '/etc/init.d/S40telnet')?.location.line, 2);
  assert.ok(at('stored-keys', '/etc/dropbear/dropbear_ecdsa_host_key'));
  assert.equal(at('hardcoded-secrets', '/etc/cloud.conf')?.location.line, 1);
  assert.ok(at('update-mechanism', '/usr/sbin/fw_update.sh'));
  for (const id of ['5.1-1', '5.4-3', '5.4-4', '5.6-1', '5.6-4', '5.3-10']) assert.equal(v(id), 'fail', id);
});

test('the same image without the flaws has no failing finding', { skip: why }, async () => {
  const { report, v } = await verdictOf(image(CLEAN));
  assert.deepEqual(failing(report.findings).map((f) => `${f.check}: ${f.title}`), []);
  for (const id of ['5.1-1', '5.4-4', '5.3-10']) assert.equal(v(id), 'pass', id);
});

const v2 = corpusFile('binwalk/squashfs_v2.bin');

test('corpus squashfs_v2.bin: Dropbear host key, inittab/inetd services and the generated /etc/passwd', { skip: (!has('squashfs-legacy') && 'the squashfs 2/3 plug-in (squashfs-legacy) is not registered yet') || why || (!v2 && 'corpus not present') }, async () => {
  const report = await assess({ inputs: [v2!], now: NOW });
  const f = report.findings;
  const key = f.find((x) => x.check === 'stored-keys' && x.location.path === '/etc/rsa_host_key');
  assert.match(key?.evidence ?? '', /Dropbear host key, ssh-rsa/);
  assert.equal(key?.verdict, 'fail');
  const passwd = f.find((x) => x.check === 'default-passwords' && x.location.path === '/etc/passwd');
  assert.match(passwd?.title ?? '', /generated at boot \(link to \/var\/passwd\)/);
  const services = f.filter((x) => x.check === 'exposed-services' && (x.location.path === '/etc/inittab' || x.location.path === '/etc/inetd.conf'));
  assert.ok(services.length > 0, 'services started from inittab or inetd.conf are reported with their path');
});

const minbase = join(REPO_ROOT, '.bench', 'rootfs-gzip.sqfs');

test('Debian minbase (the benchmark image, when built): no 5.1-1 failure, its root account is locked', { skip: why || (!existsSync(minbase) && 'run bench/lib/debian-minbase.sh first (needs debootstrap)') }, async () => {
  const report = await assess({ inputs: [minbase], now: NOW });
  assert.equal(report.provisions.find((p) => p.id === '5.1-1')?.verdict, 'pass');
  assert.deepEqual(failing(report.findings).map((f) => f.title), []);
});
