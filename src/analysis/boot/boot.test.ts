import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vfsFromFiles } from '../../test-support/vfs.js';
import { analyzeBoot, commandsOf } from './index.js';

const sh = (body: string) => `#!/bin/sh\n${body}\n`;

test('BusyBox: inittab -> rcS -> S??* loop -> daemons, with the line that starts each', async () => {
  const vfs = vfsFromFiles({
    '/bin/busybox': '\u007fELF',
    '/sbin/init -> ../bin/busybox': '',
    '/usr/sbin/telnetd -> ../../bin/busybox': '',
    '/usr/sbin/inetd -> ../../bin/busybox': '',
    '/usr/sbin/tftpd': '\u007fELF',
    '/etc/inittab': '::sysinit:/etc/init.d/rcS\nttyS0::respawn:/bin/sh\n::shutdown:/bin/umount -a -r\n',
    '/etc/init.d/rcS': sh('mount -a\nfor i in /etc/init.d/S??* ;do\n  $i start\ndone'),
    '/etc/init.d/S50telnet': sh('case "$1" in\nstart)\n  telnetd -l /bin/login &\n  ;;\nesac'),
    '/etc/init.d/S60inetd': sh('/usr/sbin/inetd /etc/inetd.conf'),
    '/etc/inetd.conf': '# comment\ntftp dgram udp wait root /usr/sbin/tftpd tftpd -s /tmp\n',
  });
  const boot = await analyzeBoot(vfs);
  assert.equal(boot.init, 'busybox');
  assert.deepEqual(boot.scripts, ['/etc/init.d/rcS', '/etc/init.d/S50telnet', '/etc/init.d/S60inetd']);
  const telnet = boot.starts.find((s) => s.name === 'telnetd');
  assert.deepEqual([telnet?.by, telnet?.line, telnet?.mechanism], ['/etc/init.d/S50telnet', 4, 'script']);
  const tftp = boot.starts.find((s) => s.name === 'tftpd');
  assert.deepEqual([tftp?.by, tftp?.line, tftp?.onDemand, tftp?.active, tftp?.user], ['/etc/inetd.conf', 2, true, true, 'root']);
  assert.deepEqual(boot.consoles.map((c) => [c.tty, c.line]), [['ttyS0', 2]]);
});

test('OpenWrt: only init scripts with /etc/rc.d links start; procd command and user are read', async () => {
  const vfs = vfsFromFiles({
    '/sbin/procd': '\u007fELF',
    '/usr/sbin/dropbear': '\u007fELF',
    '/usr/sbin/telnetd': '\u007fELF',
    '/etc/inittab': '::sysinit:/etc/init.d/rcS S boot\nttyS0::askfirst:/usr/libexec/login.sh\n',
    '/etc/init.d/dropbear': sh('START=19\nUSE_PROCD=1\nstart_service() {\n  procd_open_instance\n  procd_set_param command /usr/sbin/dropbear -F -P /var/run/dropbear.pid \\\n    -p 22\n  procd_set_param user dropbear\n  procd_close_instance\n}'),
    '/etc/init.d/telnet': sh('START=50\nUSE_PROCD=1\nstart_service() {\n  procd_set_param command /usr/sbin/telnetd -F\n}'),
    '/etc/rc.d/S19dropbear -> ../init.d/dropbear': '',
  });
  const boot = await analyzeBoot(vfs);
  assert.equal(boot.init, 'procd');
  const names = boot.starts.map((s) => s.name);
  assert.ok(names.includes('dropbear'));
  assert.ok(!names.includes('telnetd'), 'telnet is installed but not enabled');
  const d = boot.starts.find((s) => s.name === 'dropbear')!;
  assert.deepEqual([d.by, d.line, d.mechanism, d.user], ['/etc/init.d/dropbear', 6, 'procd', 'dropbear']);
  assert.deepEqual(boot.consoles, []);
});

test('systemd: units wanted by the default target start; autologin gettys are console shells', async () => {
  const vfs = vfsFromFiles({
    '/lib/systemd/systemd': '\u007fELF',
    '/lib/systemd/system/default.target -> multi-user.target': '',
    '/lib/systemd/system/multi-user.target': '[Unit]\nWants=app.service\n',
    '/lib/systemd/system/app.service': '[Service]\nUser=app\nExecStart=/usr/bin/app --listen 0.0.0.0:8080\n',
    '/lib/systemd/system/telnet.socket': '[Socket]\nListenStream=23\n',
    '/etc/systemd/system/multi-user.target.wants/telnet.socket -> /lib/systemd/system/telnet.socket': '',
    '/etc/systemd/system/getty.target.wants/serial-getty@ttyS0.service -> /lib/systemd/system/serial-getty@.service': '',
    '/lib/systemd/system/serial-getty@.service': '[Service]\nExecStart=-/sbin/agetty --autologin root -8 --keep-baud 115200 %I $TERM\n',
    '/lib/systemd/system/multi-user.target.wants/getty.target -> ../getty.target': '',
    '/lib/systemd/system/getty.target': '[Unit]\n',
  });
  const boot = await analyzeBoot(vfs);
  assert.equal(boot.init, 'systemd');
  const app = boot.starts.find((s) => s.name === 'app');
  assert.deepEqual([app?.user, app?.line], ['app', 3]);
  assert.ok(boot.starts.some((s) => s.mechanism === 'systemd-socket' && s.service?.name === 'telnet.socket'));
  assert.equal(boot.consoles.length, 1);
});

test('SysV: rcS and the default runlevel links; cron jobs run only when crond starts', async () => {
  const vfs = vfsFromFiles({
    '/sbin/init': '\u007fELF',
    '/etc/inittab': 'id:3:initdefault:\nsi::sysinit:/etc/init.d/rcS\nl3:3:wait:/etc/init.d/rc 3\n1:2345:respawn:/sbin/getty 38400 tty1\n',
    '/etc/init.d/rcS': sh('exec /etc/init.d/rc S'),
    '/etc/init.d/rc': sh('for i in /etc/rc$runlevel.d/S*; do $i start; done'),
    '/etc/init.d/snmpd': sh('start-stop-daemon -S -x /usr/sbin/snmpd -c snmp -- -Lsd'),
    '/etc/rc3.d/S20snmpd -> ../init.d/snmpd': '',
    '/usr/sbin/snmpd': '\u007fELF',
    '/etc/crontab': 'SHELL=/bin/sh\n*/5 * * * * root /usr/bin/update-check\n',
  });
  const boot = await analyzeBoot(vfs);
  assert.equal(boot.init, 'sysv');
  const snmpd = boot.starts.find((s) => s.name === 'snmpd');
  assert.deepEqual([snmpd?.by, snmpd?.user], ['/etc/init.d/snmpd', 'snmp']);
  const cron = boot.starts.find((s) => s.mechanism === 'cron');
  assert.deepEqual([cron?.name, cron?.active, cron?.by, cron?.line], ['update-check', false, '/etc/crontab', 2]);
  assert.deepEqual(boot.consoles, []);
});

test('the shell lexer keeps quotes, continuations and background markers; it is linear on hostile input', () => {
  const cmds = commandsOf('a "b c" \'d;e\' && f &\n# x\ng \\\n  h | i $(j; k) `l`\n');
  assert.deepEqual(cmds.map((c) => [c.line, c.words, c.background]), [
    [1, ['a', 'b c', 'd;e'], false], [1, ['f'], true], [3, ['g', 'h'], false], [4, ['i', '$(j; k)', '`l`'], false],
  ]);
  const hostile = `${'"'.repeat(1)}${'x '.repeat(200_000)}${'$('.repeat(5000)}`;
  assert.ok(commandsOf(hostile).length >= 1);
});
