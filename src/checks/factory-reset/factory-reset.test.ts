import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unpackImage } from '../../firmware/index.js';
import { corpusFile } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { factoryReset } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => factoryReset.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));
const sh = (body: string) => `#!/bin/sh\n${body}\n`;
const elf = (s: string) => Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0'), Buffer.from(s), Buffer.alloc(64)]);

// OpenWrt's /etc/rc.button/reset (base-files), abridged; older releases ran `jffs2reset -y` there.
const RC_BUTTON_RESET = sh([
  '. /lib/functions.sh', '', 'OVERLAY="$( grep \' /overlay \' /proc/mounts )"', '',
  'case "$ACTION" in', 'released)', '\tif [ "$SEEN" -lt 1 ]', '\tthen', '\t\techo "REBOOT" > /dev/console', '\t\treboot',
  '\telif [ "$SEEN" -ge 5 -a -n "$OVERLAY" ]', '\tthen', '\t\techo "FACTORY RESET" > /dev/console', '\t\tfirstboot -y && reboot &', '\tfi', ';;', 'esac',
].join('\n'));

test('OpenWrt: the reset button runs firstboot, LuCI offers it too: pass with each piece and the button', async () => {
  const findings = await check({
    '/etc/rc.button/reset': RC_BUTTON_RESET,
    '/lib/functions.sh': sh('config_load() { :; }'),
    '/sbin/jffs2reset': elf('\0Usage: jffs2reset [-y]\0'),
    '/sbin/firstboot -> /sbin/jffs2reset': '',
    '/www/luci-static/resources/view/system/flash.js': "\treturn fs.exec('/sbin/firstboot', [ '-r', '-y' ]);\n",
    '/usr/share/doc/fstools/README': 'run firstboot -y to reset\n',
  });
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.verdict, 'pass');
  assert.deepEqual(f.provisions, ['5.11-1']);
  assert.equal(f.title, 'Factory reset found, triggered by a physical button: OpenWrt reset of the overlay (firstboot/jffs2reset/jffs2mark)');
  assert.deepEqual([f.location.path, f.location.line], ['/etc/rc.button/reset', 15]);
  assert.match(f.detail, /\/etc\/rc\.button\/reset:15 .*\[button\]: `firstboot -y && reboot &`/);
  assert.match(f.detail, /flash\.js:1 /);
  assert.doesNotMatch(f.detail, /README/);
});

test('a vendor button daemon script calling a reset script that erases the config partition and nvram', async () => {
  const findings = await check({
    '/etc/hotplug.d/button/10-reset': sh('[ "$BUTTON" = reset ] && [ "$ACTION" = released ] && /usr/sbin/restore_factory.sh'),
    '/usr/sbin/restore_factory.sh': sh('nvram erase\nmtd erase config\nrm -rf /data/*\nrm -rf /tmp/cache\nreboot'),
    '/etc/init.d/cleanup': sh('rm -rf /data/tmp\nflash_erase /dev/mtd3 0 0'),
    // D-Link's event script (firmware_v4_lzma.squashfs in the corpus): the settings store is deleted.
    '/etc/events/freset.sh': sh('echo "Freseting ..."\nevent STATUS.CRITICAL\ndevconf del\nreboot'),
    '/etc/events/other.sh': sh('devconf del'),
  });
  assert.equal(findings[0]?.verdict, 'pass');
  const lines = [...findings[0].detail.matchAll(/(\/[\w./-]+:\d+) ([^:]+?)( \[button\])?:/g)].map((m) => `${m[1]} ${m[3] ? 'button' : '-'}`);
  assert.deepEqual(lines, ['/etc/events/freset.sh:4 -', '/usr/sbin/restore_factory.sh:2 button', '/usr/sbin/restore_factory.sh:3 button', '/usr/sbin/restore_factory.sh:4 button']);
});

test('a web handler alone is an open question; a program string alone is an informational hint; nothing is inconclusive, never a failure', async () => {
  const web = await check({ '/www/cgi-bin/admin.cgi': sh('case "$QUERY_STRING" in\n  action=factory_reset) /usr/bin/cfgmgr --reset ;;\nesac') });
  assert.deepEqual(web.map((f) => `${f.verdict} ${f.location.path ?? ''}:${f.location.line ?? ''}`), ['inconclusive /www/cgi-bin/admin.cgi:3']);
  const web2 = await check({ '/www/system.html': '<button onclick="doFactoryReset()">Factory reset</button>\n' });
  assert.equal(web2[0]?.title, 'Factory reset handler found in the web interface; what it erases is not visible');
  const bin = await check({ '/usr/bin/appd': elf('\0/api/v1/device/factory_reset\0mqtt\0'), '/usr/bin/bash': elf('\0restore_default_signal\0') });
  assert.deepEqual(bin.map((f) => `${f.verdict} ${f.severity} ${f.location.offset ?? ''}`), ['inconclusive info 9']);
  assert.match(bin[0]!.title, /Programs mention a factory reset \(\/usr\/bin\/appd\);/, 'identifiers such as bash\'s restore_default_signal are not hints');
  const none = await check({
    '/etc/init.d/rcS': sh('rm -rf /data/tmp/*\nmtd erase firmware'),
    // LSB headers say Default-Start; that does not make a cleanup script a reset.
    '/etc/init.d/cleanup': sh('### BEGIN INIT INFO\n# Default-Start: 2 3 4 5\n### END INIT INFO\nrm -rf /data/*\nflash_erase /dev/mtd5 0 0'),
    '/usr/sbin/fwupgrade': sh('# reset the board after writing\nmtd erase firmware\nmtd write /tmp/fw.bin firmware'),
    '/etc/rc.button/wps': sh('wps_pbc'),
    '/usr/share/doc/x/README': 'factory_reset\n',
    '/www/index.html': '<!-- factory reset is elsewhere -->\n',
  });
  assert.deepEqual(none.map((f) => `${f.verdict} ${f.severity} ${f.title}`), ['inconclusive low No factory reset found in the firmware']);
  assert.match(none[0]!.detail, /button handlers present: \/etc\/rc\.button\/wps, but none resets/);
  assert.ok(!none.some((f) => f.verdict === 'fail'));
  const unread = await factoryReset.run(ctx(evidenceOf({ ...firmwareEvidence('x.bin'), filesystems: [] })));
  assert.equal(unread[0]?.title, 'No filesystem could be unpacked from x.bin');
});

const real = (rel: string) => corpusFile(rel) ?? (existsSync(join('/work/shared/corpus', rel)) ? join('/work/shared/corpus', rel) : undefined);
const dlink = real('binwalk/firmware_v4_lzma.squashfs');
const broadcom = real('binwalk/squashfs_v2.bin');

test('real router trees: D-Link event script deletes the settings store; the Broadcom web page only offers a restore', { skip: dlink && broadcom ? false : 'corpus not present' }, async () => {
  const d = await factoryReset.run(ctx(evidenceOf(await unpackImage(dlink!, { deep: true }))));
  assert.deepEqual(d.map((f) => `${f.verdict} ${f.location.path ?? ''}:${f.location.line ?? ''}`), ['pass /etc/events/freset.sh:13']);
  assert.match(d[0]!.detail, /\/etc\/events\/freset\.sh:13 .*`devconf del`/);
  const b = await factoryReset.run(ctx(evidenceOf(await unpackImage(broadcom!, { deep: true }))));
  assert.deepEqual(b.map((f) => `${f.verdict} ${f.location.path ?? ''}:${f.location.line ?? ''} ${f.title}`), ['inconclusive /webs/defaultsettings.html:14 Factory reset handler found in the web interface; what it erases is not visible']);
});
