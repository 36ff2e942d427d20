import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackImage } from '../../firmware/index.js';
import { corpusFile, hasTool, run } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { inputValidation } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => inputValidation.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));
const verdicts = async (files: Record<string, FileSpec>) => (await check(files)).map((f) => [f.verdict, f.location.path, f.location.line]);

test('shell CGI: eval of the query string and a request value run as a command fail; unquoted arguments are for review', async () => {
  const findings = await check({
    '/www/cgi-bin/status.cgi': '#!/bin/sh\necho "Content-type: text/plain"\necho\neval $(echo "$QUERY_STRING" | sed "s/&/;/g")\n',
    '/www/cgi-bin/run.sh': '#!/bin/sh\n$FORM_cmd\n',
    '/www/cgi-bin/ping.cgi': '#!/usr/bin/haserl\n<% host=$FORM_host\nping -c 1 $host\nuci set network.lan.ipaddr="$FORM_ip" %>\n',
  });
  const got = findings.map((f) => [f.verdict, f.location.path, f.location.line]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  assert.deepEqual(got, [['inconclusive', '/www/cgi-bin/ping.cgi', 3], ['fail', '/www/cgi-bin/run.sh', 2], ['fail', '/www/cgi-bin/status.cgi', 4]]);
  const review = findings.find((f) => f.verdict === 'inconclusive')!;
  assert.match(review.detail, /line 3: \$host \(from line 2\) -> unquoted command argument/);
  assert.deepEqual(findings[0]?.provisions, ['5.13-1']);
});

test('shell CGI that filters, matches or quotes its input is clean', async () => {
  const findings = await check({
    '/www/cgi-bin/ok.cgi': [
      '#!/bin/sh',
      '# eval $QUERY_STRING would be wrong',
      'host=$(echo "$QUERY_STRING" | sed -n "s/^.*host=\\([^&]*\\).*$/\\1/p" | tr -cd "0-9.")',
      'ping -c 1 $host',
      'case "$FORM_mode" in on|off) uci set system.led.mode=$FORM_mode ;; esac',
      'logger -t web "$FORM_msg"',
      'echo "<p>$FORM_name</p>"',
    ].join('\n'),
  });
  assert.deepEqual(findings.map((f) => f.verdict), ['pass']);
});

test('Lua: formvalue straight into os.execute fails, through a variable is for review, validated values are clean', async () => {
  assert.deepEqual(await verdicts({
    '/usr/lib/lua/luci/controller/diag.lua': [
      'module("luci.controller.diag", package.seeall)',
      'function action_ping()',
      '  os.execute("ping -c 1 " .. luci.http.formvalue("addr"))',
      '  local host = luci.http.formvalue("host")',
      '  local f = io.popen("traceroute " .. host)',
      'end',
    ].join('\n'),
  }), [['fail', '/usr/lib/lua/luci/controller/diag.lua', 3], ['inconclusive', '/usr/lib/lua/luci/controller/diag.lua', 5]]);
  const clean = await check({
    '/usr/lib/lua/luci/controller/safe.lua': [
      'local util = require "luci.util"',
      'local n = tonumber(luci.http.formvalue("count"))',
      'local ip = luci.http.formvalue("ip")',
      'if not ip:match("^%d+%.%d+%.%d+%.%d+$") then return end',
      'os.execute("ping -c " .. n .. " " .. ip)',
      'luci.sys.call("logger " .. util.shellquote(luci.http.formvalue("msg")))',
      '-- os.execute(luci.http.formvalue("x")) in a comment',
      'local keep = (luci.http.formvalue("keep") == "1") and "" or "-n"',
      'luci.sys.call("sysupgrade " .. keep .. " /tmp/fw.bin")',
      'function diag_command(cmd, addr)',
      '  if addr and addr:match("^[a-zA-Z0-9%-%.:_]+$") then local util = io.popen(cmd % addr) end',
      'end',
    ].join('\n'),
  });
  assert.deepEqual(clean.map((f) => [f.verdict, f.provisions.length]), [['pass', 0]]);
});

test('PHP: request input in system(), backticks and a query string fails; escaping and prepared statements are clean', async () => {
  assert.deepEqual(await verdicts({
    '/var/www/html/admin.php': [
      '<?php',
      'system("ping -c 1 " . $_GET["host"]);',
      '$out = `nslookup {$_POST["name"]}`;',
      '$r = mysqli_query($db, "SELECT * FROM users WHERE name = \'" . $_GET["user"] . "\'");',
      '$cmd = $_REQUEST["c"];',
      'passthru("iwconfig " . $cmd);',
      '?>',
    ].join('\n'),
  }), [
    ['fail', '/var/www/html/admin.php', 2], ['fail', '/var/www/html/admin.php', 3], ['fail', '/var/www/html/admin.php', 4], ['inconclusive', '/var/www/html/admin.php', 6],
  ]);
  const clean = await check({
    '/var/www/html/ok.php': [
      '<?php',
      'system("ping -c 1 " . escapeshellarg($_GET["host"]));',
      '$id = intval($_GET["id"]);',
      'exec("reboot-in " . $id);',
      '$st = $pdo->prepare("SELECT * FROM users WHERE name = ?");',
      '$st->execute([$_POST["user"]]);',
      '$q = "SELECT `name` FROM devices";',
      'curl_exec($ch);',
      '// system($_GET["x"]);',
      '?>',
    ].join('\n'),
  });
  assert.deepEqual(clean.map((f) => f.verdict), ['pass']);
});

test('no web handlers: inconclusive saying what was searched; scripts outside web roots are not handlers', async () => {
  const [f, ...rest] = await check({ '/etc/init.d/network': '#!/bin/sh\neval "$1"\n', '/usr/share/doc/x/cgi-bin/a.cgi': '#!/bin/sh\neval $QUERY_STRING\n' });
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.verdict, f?.severity, f?.provisions], ['inconclusive', 'info', ['5.13-1']]);
  assert.match(f!.detail, /cgi-bin/);
});

test('an image without a filesystem is inconclusive', async () => {
  const [f] = await inputValidation.run(ctx(evidenceOf({ ...firmwareEvidence('blob.bin'), filesystems: [] })));
  assert.deepEqual([f?.verdict, f?.key], ['inconclusive', 'no-filesystem']);
});

test('CGI programs: imports of system with QUERY_STRING are for review; one that runs nothing is clean', { skip: hasTool('cc') ? false : 'no C compiler' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-cgi-'));
  const build = (name: string, src: string) => {
    writeFileSync(join(dir, `${name}.c`), src);
    run('cc', ['-O0', '-o', join(dir, name), join(dir, `${name}.c`)]);
    return readFileSync(join(dir, name));
  };
  const risky = build('set', '#include <stdlib.h>\n#include <stdio.h>\nint main(void){char c[256];const char*q=getenv("QUERY_STRING");snprintf(c,sizeof c,"ifconfig %s",q?q:"");return system(c);}\n');
  const safe = build('show', '#include <stdlib.h>\n#include <stdio.h>\nint main(void){const char*q=getenv("QUERY_STRING");printf("Content-type: text/plain\\n\\n%s\\n",q?q:"");return 0;}\n');
  const findings = await check({ '/www/cgi-bin/set.cgi': risky, '/www/cgi-bin/show.cgi': safe });
  assert.deepEqual(findings.map((f) => [f.verdict, f.location.path]), [['inconclusive', '/www/cgi-bin/set.cgi']]);
  assert.match(findings[0]!.evidence, /imports: system; input: getenv QUERY_STRING/);
  assert.deepEqual((await check({ '/www/cgi-bin/show.cgi': safe })).map((f) => f.verdict), ['pass']);
});

test('hostile scripts (many tainted variables, long lines, unbalanced quotes) complete with bounded findings', async () => {
  const many = Array.from({ length: 20_000 }, (_, i) => `v${i}=$QUERY_STRING\nping $v${i}`).join('\n');
  const long = `#!/bin/sh\n${'$FORM_a"\'`$('.repeat(900)}\n${'eval '.repeat(800)}\n`;
  const php = `<?php\n${Array.from({ length: 5000 }, (_, i) => `$a${i} = $_GET["x"]; system("x" . $a${i}); // \`$a${i}\``).join('\n')}`;
  const findings = await check({ '/www/cgi-bin/many.sh': `#!/bin/sh\n${many}`, '/www/cgi-bin/long.sh': long, '/www/x.php': php, '/www/x.lua': `${'local a = luci.http.formvalue("x") .. '.repeat(500)}\nos.execute(a)\n` });
  assert.ok(findings.length > 0 && findings.length <= 200, String(findings.length));
});

test('corpus: the cgibin program of the D-Link tree (behind the *.cgi links) is for review, the PHP pages do not fail; the Broadcom tree has no handlers', async (t) => {
  const dlink = corpusFile('binwalk/firmware_v4_lzma.squashfs');
  const broadcom = corpusFile('binwalk/squashfs_v2.bin');
  if (!dlink || !broadcom) return t.skip('corpus not present');
  const fw = await unpackImage(dlink, {});
  if (fw.filesystems.length === 0) return t.skip('the squashfs image could not be unpacked here');
  const findings = await inputValidation.run(ctx(evidenceOf(fw)));
  assert.deepEqual(findings.map((f) => [f.verdict, f.location.path]), [['inconclusive', '/htdocs/cgibin']]);
  assert.match(findings[0]!.detail, /run as .*\/htdocs\/web\/authentication\.cgi, .*and 8 more/);
  assert.match(findings[0]!.evidence, /imports: execl, popen, system; input: getenv CONTENT_LENGTH/);
  const [b, ...rest] = await inputValidation.run(ctx(evidenceOf(await unpackImage(broadcom, {}))));
  assert.equal(rest.length, 0);
  assert.deepEqual([b?.verdict, b?.key], ['inconclusive', 'no-web-handlers']);
});
