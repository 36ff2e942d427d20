import { belowMinimum, CIPHER_FIX, evaluateCiphers, oldProtocol, PROTOCOL_FIX, protocolCommand } from './ciphers.js';
import { codeLines, unquote, type Issue, type Parsed } from './issue.js';
import { isLoopback, parseUci } from './uci.js';

// Web servers: nginx, lighttpd and OpenWrt's uhttpd.

/** nginx statements (`name args...;`), comments removed, with the line each starts on. Includes are not followed. */
export function nginxStatements(text: string): { line: number; name: string; args: string[]; raw: string }[] {
  const out: { line: number; name: string; args: string[]; raw: string }[] = [];
  let words: string[] = [];
  let start = 0;
  for (const l of codeLines(text)) {
    for (const tok of l.text.match(/"[^"]*"|'[^']*'|[{};]|[^\s{};"']+/g) ?? []) {
      if (tok === ';' || tok === '{' || tok === '}') {
        if (tok === ';' && words.length > 0) out.push({ line: start, name: words[0]!, args: words.slice(1).map(unquote), raw: words.join(' ').slice(0, 200) });
        words = [];
        continue;
      }
      if (words.length === 0) start = l.line;
      words.push(tok);
    }
  }
  return out;
}

export function parseNginx(path: string, text: string): Parsed {
  const issues: Issue[] = [];
  let secure = false;
  const issue = (line: number, directive: string, grade: Issue['grade'], what: string, fix: string) =>
    issues.push({ server: 'nginx', path, line, directive, grade, what, fix });
  for (const s of nginxStatements(text)) {
    if (s.name === 'ssl_certificate' || (s.name === 'listen' && s.args.includes('ssl')) || (s.name === 'ssl' && s.args[0] === 'on')) secure = true;
    if (s.name === 'ssl_protocols') {
      const old = s.args.map(oldProtocol).filter((v): v is string => v !== undefined);
      if (old.length) issue(s.line, s.raw, 'broken', [...new Set(old)].join(', '), `${PROTOCOL_FIX} Write \`ssl_protocols TLSv1.2 TLSv1.3;\`.`);
    } else if (s.name === 'ssl_ciphers' && s.args[0]) {
      const v = evaluateCiphers(s.args[0]);
      if (v.weak.length) issue(s.line, s.raw, 'broken', `${v.text} cipher suites`, CIPHER_FIX);
    } else if (s.name === 'ssl_conf_command' && s.args.length >= 2) {
      const old = openSslCommand(s.args[0]!, s.args[1]!);
      if (old) issue(s.line, s.raw, 'broken', old.what, old.fix);
    }
  }
  return { issues, secure };
}

/** An OpenSSL SSL_CONF command (MinProtocol, Protocol, CipherString) that enables something weak. */
function openSslCommand(cmd: string, value: string): { what: string; fix: string } | undefined {
  const c = cmd.toLowerCase();
  const old = c === 'minprotocol' ? belowMinimum(value) : c === 'protocol' ? protocolCommand(value) : [];
  if (old.length) return { what: old.join(', '), fix: `${PROTOCOL_FIX} Set MinProtocol to TLSv1.2.` };
  if (c === 'cipherstring') {
    const v = evaluateCiphers(value);
    if (v.weak.length) return { what: `${v.text} cipher suites`, fix: CIPHER_FIX };
  }
  return undefined;
}

/** lighttpd.conf and its conf.d files: `key = value` lines, `ssl.openssl.ssl-conf-cmd = ("K" => "V", ...)`. */
export function parseLighttpd(path: string, text: string): Parsed {
  const issues: Issue[] = [];
  let secure = false;
  for (const l of codeLines(text)) {
    const issue = (grade: Issue['grade'], what: string, fix: string) => issues.push({ server: 'lighttpd', path, line: l.line, directive: l.raw, grade, what, fix });
    const kv = /^([\w.-]+)\s*\+?=\s*(.*)$/.exec(l.text);
    const key = kv?.[1]?.toLowerCase();
    const value = unquote(kv?.[2] ?? '');
    if ((key === 'ssl.engine' && value === 'enable') || key === 'ssl.pemfile') secure = true;
    if ((key === 'ssl.use-sslv2' || key === 'ssl.use-sslv3') && value === 'enable') {
      issue('broken', key.endsWith('v2') ? 'SSL 2.0' : 'SSL 3.0', `Remove \`${key}\` (or set it to "disable"). ${PROTOCOL_FIX}`);
    } else if (key === 'ssl.cipher-list') {
      const v = evaluateCiphers(value);
      if (v.weak.length) issue('broken', `${v.text} cipher suites`, CIPHER_FIX);
    }
    // SSL_CONF pairs may stand on this line or on the continuation lines of a multi-line list.
    for (const m of l.text.matchAll(/"(MinProtocol|Protocol|CipherString)"\s*=>\s*"([^"]*)"/gi)) {
      const bad = openSslCommand(m[1]!, m[2]!);
      if (bad) issue('broken', bad.what, bad.fix);
    }
  }
  return { issues, secure };
}

/** OpenWrt /etc/config/uhttpd: which addresses serve plain HTTP and which HTTPS, and whether HTTP redirects. */
export function parseUhttpd(path: string, text: string, redirectElsewhere: boolean, tlsPlugin: boolean): Parsed {
  const issues: Issue[] = [];
  let secure = false;
  for (const s of parseUci(text).filter((x) => x.type === 'uhttpd')) {
    const http = (s.options.get('listen_http') ?? []).filter((v) => !isLoopback(v.value));
    const https = (s.options.get('listen_https') ?? []).filter((v) => !isLoopback(v.value));
    // uhttpd loads its TLS support from /lib/libustream-ssl.so (libustream-mbedtls/openssl/wolfssl); without it the
    // HTTPS listeners are not opened.
    if (https.length && !tlsPlugin) {
      issues.push({ server: 'uhttpd', path, line: https[0]!.line, directive: https[0]!.raw, grade: 'cleartext', what: `HTTPS listeners (section ${s.name ?? s.type}) that cannot open: the image has no TLS plugin (/lib/libustream-ssl.so), so only plain HTTP is served`, fix: 'Install a libustream TLS package (OpenWrt: luci-ssl or libustream-mbedtls) so that uhttpd serves HTTPS, and set `option redirect_https 1`.' });
      continue;
    }
    if (https.length) secure = true;
    const redirect = s.options.get('redirect_https')?.[0]?.value === '1' || redirectElsewhere;
    const first = http[0];
    if (!first) continue;
    if (https.length === 0) {
      issues.push({ server: 'uhttpd', path, line: first.line, directive: first.raw, grade: 'cleartext', what: `the web interface (section ${s.name ?? s.type}) only on plain HTTP (${http.map((v) => v.value).join(', ')})`, fix: 'Serve the web interface on `listen_https` with a per-device certificate (OpenWrt: install luci-ssl, which generates one at first boot) and set `option redirect_https 1`.' });
    } else if (!redirect) {
      issues.push({ server: 'uhttpd', path, line: first.line, directive: first.raw, grade: 'cleartext', what: `the web interface (section ${s.name ?? s.type}) also on plain HTTP (${http.map((v) => v.value).join(', ')}) without a redirect to HTTPS`, fix: 'Set `option redirect_https 1` so logins never travel in cleartext, or drop `listen_http`.' });
    }
  }
  return { issues, secure };
}
