import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FindingDraft } from '../../model/index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unpackImage } from '../../firmware/index.js';
import { corpusFile } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { evaluateCiphers, protocolCommand } from './ciphers.js';
import { tlsSshConfig } from './index.js';
import { enabledNames } from './ssh-algorithms.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => tlsSshConfig.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));
const brief = (fs: readonly FindingDraft[]) => fs.map((f) => `${f.verdict} ${f.location.path ?? ''}:${f.location.line ?? `@${f.location.offset ?? ''}`} ${f.title}`).sort();
const sh = (body: string) => `#!/bin/sh\n${body}\n`;

test('OpenSSL cipher strings: what stays enabled after !, - and + items', () => {
  assert.deepEqual(evaluateCiphers('HIGH:!aNULL:!MD5').weak, []);
  assert.deepEqual(evaluateCiphers('ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM').weak, []);
  assert.deepEqual(evaluateCiphers('RC4-SHA:DES-CBC3-SHA:EXP-RC4-MD5:ADH-AES128-SHA').weak, ['3des', 'anon', 'export', 'md5', 'rc4']);
  assert.deepEqual(evaluateCiphers('ALL:!aNULL:!eNULL:!LOW:!EXP:!RC4:!3DES').weak, []);
  assert.deepEqual(evaluateCiphers('ALL:!aNULL').weak, ['3des'], 'ALL includes DES-CBC3-SHA');
  assert.deepEqual(evaluateCiphers('!RC4:RC4-SHA').weak, [], '! removes for good');
  assert.deepEqual(evaluateCiphers('-RC4:RC4-SHA').weak, ['rc4'], '- can be undone');
  assert.deepEqual(evaluateCiphers('HIGH:MEDIUM:!RC4').weak, ['medium']);
  assert.deepEqual(evaluateCiphers('HIGH:MEDIUM:!MEDIUM').weak, []);
  assert.deepEqual(evaluateCiphers('TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256').weak, ['3des']);
  assert.deepEqual(evaluateCiphers('eNULL').weak, ['null']);
  assert.deepEqual(protocolCommand('ALL, -SSLv3, -TLSv1'), ['TLS 1.1']);
  assert.deepEqual(protocolCommand('-ALL, TLSv1.2, TLSv1.3'), []);
  assert.deepEqual(enabledNames('ciphers', '-3des-cbc,arcfour'), []);
  assert.deepEqual(enabledNames('ciphers', '+aes*-cbc').sort(), ['aes128-cbc', 'aes192-cbc', 'aes256-cbc']);
});

const FLAWED: Record<string, FileSpec> = {
  '/etc/nginx/nginx.conf': [
    'http {', '  server {', '    listen 443 ssl;', '    ssl_certificate /etc/ssl/dev.pem;',
    '    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;', '    # ssl_protocols SSLv3;', '    ssl_ciphers "HIGH:RC4-SHA:!aNULL";', '  }', '}', '',
  ].join('\n'),
  '/etc/lighttpd/lighttpd.conf': [
    '$SERVER["socket"] == ":443" {', '  ssl.engine = "enable"', '  ssl.use-sslv3 = "enable"',
    '  ssl.openssl.ssl-conf-cmd = ("MinProtocol" => "TLSv1",', '                             "CipherString" => "EECDH+AESGCM:DES-CBC3-SHA")', '}', '',
  ].join('\n'),
  '/etc/ssh/sshd_config': 'Port 22\nProtocol 2,1\nCiphers aes128-ctr,arcfour256,3des-cbc\nMACs=hmac-sha2-256,hmac-md5\nKexAlgorithms +diffie-hellman-group1-sha1\nPubkeyAcceptedAlgorithms +ssh-rsa\n',
  '/etc/mosquitto/mosquitto.conf': 'listener 1883\nlistener 1884 127.0.0.1\nlistener 8883\ncertfile /etc/mosquitto/dev.crt\ntls_version tlsv1\n',
  '/etc/stunnel/stunnel.conf': '[https]\naccept = 443\nconnect = 80\nsslVersionMin = TLSv1.1\n; sslVersion = SSLv3\nciphers = NULL-SHA:AES128-SHA\n',
  // OpenWrt's uhttpd.config layout (unquoted, tab-separated) with the HTTPS listeners removed.
  '/etc/config/uhttpd': '# Server configuration\nconfig uhttpd main\n\tlist listen_http\t0.0.0.0:80\n\tlist listen_http\t[::]:80\n#\tlist listen_https\t0.0.0.0:443\n\toption home\t\t/www\n',
};

test('weak TLS and SSH settings fail with the file, the line and the directive; cleartext listeners are open questions', async () => {
  const findings = await check(FLAWED);
  assert.deepEqual(brief(findings), [
    'fail /etc/lighttpd/lighttpd.conf:3 lighttpd enables SSL 3.0',
    'fail /etc/lighttpd/lighttpd.conf:4 lighttpd enables TLS 1.0, TLS 1.1',
    'fail /etc/lighttpd/lighttpd.conf:5 lighttpd enables 3DES (64-bit block, Sweet32) cipher suites',
    'fail /etc/mosquitto/mosquitto.conf:5 mosquitto enables TLS 1.0',
    'fail /etc/nginx/nginx.conf:5 nginx enables TLS 1.0, TLS 1.1',
    'fail /etc/nginx/nginx.conf:7 nginx enables RC4 cipher suites',
    'fail /etc/ssh/sshd_config:2 sshd enables SSH protocol 1 (OpenSSH before 7.4 honours it)',
    'fail /etc/ssh/sshd_config:3 sshd enables arcfour256, 3des-cbc',
    'fail /etc/ssh/sshd_config:4 sshd enables hmac-md5',
    'fail /etc/ssh/sshd_config:5 sshd enables diffie-hellman-group1-sha1',
    'fail /etc/stunnel/stunnel.conf:4 stunnel enables TLS 1.1',
    'fail /etc/stunnel/stunnel.conf:6 stunnel enables NULL (unencrypted) cipher suites',
    'inconclusive /etc/config/uhttpd:3 uhttpd accepts connections without TLS',
    'inconclusive /etc/mosquitto/mosquitto.conf:1 mosquitto accepts connections without TLS',
    'inconclusive /etc/ssh/sshd_config:6 sshd allows legacy ssh-rsa',
  ]);
  const nginx = findings.find((f) => f.location.line === 5 && f.location.path === '/etc/nginx/nginx.conf')!;
  assert.equal(nginx.evidence, 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2');
  assert.match(nginx.remediation, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
  assert.deepEqual(findings.find((f) => f.title.includes('protocol 1'))!.provisions, ['5.5-1']);
  assert.equal(findings.find((f) => f.title.includes('protocol 1'))!.severity, 'high');
  assert.deepEqual(findings.find((f) => f.title.startsWith('uhttpd'))!.provisions, ['5.5-1', '5.5-7']);
});

const CLEAN: Record<string, FileSpec> = {
  // A current nginx.conf (Debian bookworm's still lists TLSv1 and TLSv1.1, which the check reports) and Mozilla's intermediate suites.
  '/etc/nginx/nginx.conf': 'user www-data;\nhttp {\n\tssl_protocols TLSv1.2 TLSv1.3; # Dropping SSLv3, ref: POODLE\n\tssl_prefer_server_ciphers on;\n\tinclude /etc/nginx/sites-enabled/*;\n}\n',
  '/etc/nginx/sites-enabled/default -> ../sites-available/default': '',
  '/etc/nginx/sites-available/default': 'server {\n listen 443 ssl;\n ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256;\n}\n',
  '/etc/lighttpd/lighttpd.conf': 'server.port = 80\nssl.engine = "enable"\nssl.pemfile = "/etc/lighttpd/server.pem"\nssl.openssl.ssl-conf-cmd = ("MinProtocol" => "TLSv1.2", "Options" => "-SessionTicket")\nssl.cipher-list = "HIGH:!aNULL:!MD5"\n',
  '/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nKbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding yes\n#Ciphers 3des-cbc\nCiphers -3des-cbc\nSubsystem sftp /usr/lib/openssh/sftp-server\n',
  '/etc/mosquitto/mosquitto.conf': 'persistence true\nlistener 1883 localhost\nlistener 8883\ncafile /etc/mosquitto/ca.crt\ncertfile /etc/mosquitto/server.crt\nkeyfile /etc/mosquitto/server.key\ntls_version tlsv1.2\n',
  '/etc/config/uhttpd': "config uhttpd 'main'\n\tlist listen_http '0.0.0.0:80'\n\tlist listen_https '0.0.0.0:443'\n\toption redirect_https '1'\n\toption cert '/etc/uhttpd.crt'\n\toption key '/etc/uhttpd.key'\n",
  '/lib/libustream-ssl.so -> libustream-mbedtls.so.20201210': '',
  '/lib/libustream-mbedtls.so.20201210': '\u007fELF',
  '/etc/config/dropbear': "config dropbear\n\toption PasswordAuth 'on'\n\toption Port '22'\n",
};

test('modern defaults give one informational pass naming what was examined', async () => {
  const findings = await check(CLEAN);
  assert.deepEqual(brief(findings), ['pass /etc/config/dropbear:@ TLS and SSH configuration: no weak protocol version, cipher suite or algorithm enabled']);
  assert.match(findings[0]!.detail, /\/etc\/nginx\/sites-enabled\/default \(nginx\)/);
  assert.match(findings[0]!.detail, /\/etc\/ssh\/sshd_config \(sshd\)/);
});

test('configuration named on the command line, dropbear flags and compiled-in dropbear algorithms', async () => {
  const elf = (names: string[]) => Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0'), Buffer.from(`\0dropbear\0${names.join('\0')}\0`), Buffer.alloc(32)]);
  const findings = await check({
    '/bin/busybox': '\u007fELF', '/sbin/init -> ../bin/busybox': '',
    '/etc/inittab': '::sysinit:/etc/init.d/rcS\n',
    '/etc/init.d/rcS': sh('/usr/sbin/dropbear -r /etc/dropbear/dropbear_dss_host_key -p 22\n/usr/sbin/lighttpd -f /opt/web/lighttpd.conf'),
    '/usr/sbin/dropbear': elf(['aes128-ctr', '3des-cbc', 'aes256-cbc', 'hmac-sha2-256', 'hmac-md5', 'diffie-hellman-group1-sha1']),
    '/usr/sbin/lighttpd': '\u007fELF',
    '/opt/web/lighttpd.conf': 'ssl.engine = "enable"\nssl.cipher-list = "ALL:!aNULL:!eNULL"\n',
  });
  assert.deepEqual(brief(findings), [
    'fail /opt/web/lighttpd.conf:2 lighttpd enables 3DES (64-bit block, Sweet32) cipher suites',
    'fail /usr/sbin/dropbear:@29 dropbear enables 3des-cbc, hmac-md5 (compiled into the program, so the server offers them)',
    'inconclusive /etc/init.d/rcS:2 dropbear allows legacy DSS (DSA) host key, 1024-bit with SHA-1 signatures',
    'inconclusive /usr/sbin/dropbear:@38 dropbear allows legacy aes256-cbc (compiled into the program, so the server offers them)',
  ]);
});

test('an old OpenSSH whose defaults are weak is reported for the lists sshd_config leaves unset; a current one is not', async () => {
  // The component inventory reads executables of at least 512 bytes.
  const elf = (s: string) => Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0'), Buffer.from(s), Buffer.alloc(600)]);
  const tree = (banner: string) => ({ '/usr/sbin/sshd': elf(`\0${banner}\0`), '/etc/ssh/sshd_config': 'Port 22\n#KexAlgorithms diffie-hellman-group14-sha1\nMACs hmac-sha2-256\n' });
  assert.deepEqual(brief(await check(tree('OpenSSH_6.6.1p1 Ubuntu-2ubuntu2'))), [
    'fail /etc/ssh/sshd_config:@ sshd enables arcfour, arcfour128, arcfour256, 3des-cbc, blowfish-cbc, cast128-cbc (OpenSSH 6.6.1p1 enables it by default)',
    'fail /etc/ssh/sshd_config:@ sshd enables diffie-hellman-group1-sha1 (OpenSSH 6.6.1p1 enables it by default)',
  ]);
  assert.deepEqual(brief(await check(tree('OpenSSH_6.9p1'))), ['fail /etc/ssh/sshd_config:@ sshd enables diffie-hellman-group1-sha1 (OpenSSH 6.9p1 enables it by default)']);
  assert.deepEqual(brief(await check(tree('OpenSSH_9.2p1 Debian-2+deb12u3'))).map((l) => l.split(' ')[0]), ['pass']);
});

test('uhttpd HTTPS listeners without the TLS plugin serve nothing: only plain HTTP is left', async () => {
  const uhttpd = "config uhttpd main\n\tlist listen_http\t0.0.0.0:80\n\tlist listen_https\t0.0.0.0:443\n\toption redirect_https\t1\n";
  assert.deepEqual(brief(await check({ '/etc/config/uhttpd': uhttpd })), ['inconclusive /etc/config/uhttpd:3 uhttpd accepts connections without TLS']);
  assert.deepEqual(brief(await check({ '/etc/config/uhttpd': uhttpd, '/usr/lib/libustream-ssl.so': '\u007fELF' })).map((l) => l.split(' ')[0]), ['pass']);
});

test('TLS 1.0/1.1 asked for but refused by the image\'s OpenSSL 3 (default security level) is legacy, not enabled', async () => {
  const dpkg = (v: string) => `Package: libssl3\nStatus: install ok installed\nSource: openssl\nVersion: ${v}\n\n`;
  const nginx = 'http {\n  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n  ssl_ciphers HIGH:!aNULL;\n}\n';
  const three = await check({ '/var/lib/dpkg/status': dpkg('3.0.11-1~deb12u2'), '/etc/nginx/nginx.conf': nginx });
  assert.deepEqual(brief(three), ['inconclusive /etc/nginx/nginx.conf:2 nginx allows legacy TLS 1.0, TLS 1.1 in its configuration (OpenSSL 3.0.11 in the image refuses them at its default security level)']);
  const seclevel0 = await check({ '/var/lib/dpkg/status': dpkg('3.0.11-1~deb12u2'), '/etc/nginx/nginx.conf': nginx.replace('HIGH:!aNULL', 'HIGH:!aNULL:@SECLEVEL=0') });
  assert.deepEqual(brief(seclevel0), ['fail /etc/nginx/nginx.conf:2 nginx enables TLS 1.0, TLS 1.1']);
  const old = await check({ '/var/lib/dpkg/status': dpkg('1.1.1n-0+deb11u5'), '/etc/nginx/nginx.conf': nginx });
  assert.deepEqual(brief(old), ['fail /etc/nginx/nginx.conf:2 nginx enables TLS 1.0, TLS 1.1']);
});

test('a tree without TLS or SSH servers is inconclusive and says what was searched; an unreadable image too', async () => {
  const findings = await check({ '/etc/motd': 'hello\n', '/usr/share/doc/nginx/examples/nginx.conf': 'ssl_protocols SSLv3;\n' });
  assert.deepEqual(findings.map((f) => `${f.verdict} ${f.title}`), ['inconclusive No TLS or SSH server configuration found']);
  assert.match(findings[0]!.detail, /\/etc\/ssh\/sshd_config/);
  const none = await tlsSshConfig.run(ctx(evidenceOf({ ...firmwareEvidence('x.bin'), filesystems: [] })));
  assert.equal(none[0]?.title, 'No filesystem could be unpacked from x.bin');
});

const real = (rel: string) => corpusFile(rel) ?? (existsSync(join('/work/shared/corpus', rel)) ? join('/work/shared/corpus', rel) : undefined);
const routers = ['binwalk/firmware_v4_lzma.squashfs', 'binwalk/squashfs_v2.bin'].map(real);

test('real router trees without TLS/SSH server configuration files: nothing fires, the check says what it searched', { skip: routers.every(Boolean) ? false : 'corpus not present' }, async () => {
  for (const image of routers) {
    const findings = await tlsSshConfig.run(ctx(evidenceOf(await unpackImage(image!, { deep: true }))));
    assert.deepEqual(findings.map((f) => `${f.verdict} ${f.title}`), ['inconclusive No TLS or SSH server configuration found'], image);
  }
});
