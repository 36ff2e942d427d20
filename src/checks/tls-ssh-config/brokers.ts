import { belowMinimum, CIPHER_FIX, evaluateCiphers, oldProtocol, PROTOCOL_FIX } from './ciphers.js';
import { codeLines, unquote, type Issue, type Parsed } from './issue.js';
import { isLoopback } from './uci.js';

// mosquitto.conf and stunnel.conf.

interface Listener { line: number; raw: string; port: string; bind?: string; tls: boolean }

/**
 * mosquitto.conf: each `listener <port> [address]` starts a listener that the following lines configure, until
 * the next listener or a bridge `connection`; `port` (and `bind_address`) configure the default listener.
 */
export function parseMosquitto(path: string, text: string): Parsed {
  const issues: Issue[] = [];
  const listeners: Listener[] = [];
  let cur: Listener | undefined;
  let dflt: Listener | undefined;
  let inBridge = false;
  for (const l of codeLines(text)) {
    const [key = '', ...rest] = l.text.split(/\s+/);
    const value = rest.join(' ');
    const issue = (what: string, fix: string) => issues.push({ server: 'mosquitto', path, line: l.line, directive: l.raw, grade: 'broken', what, fix });
    if (key === 'listener') {
      cur = { line: l.line, raw: l.raw, port: rest[0] ?? '', tls: false, ...(rest[1] ? { bind: rest[1] } : {}) };
      listeners.push(cur);
      inBridge = false;
    } else if (key === 'connection') {
      inBridge = true;
    } else if (key === 'port' && !inBridge) {
      dflt ??= { line: l.line, raw: l.raw, port: value, tls: false };
      dflt.port = value;
    } else if (key === 'bind_address' && dflt && !inBridge) {
      dflt.bind = value;
    } else if ((key === 'certfile' || key === 'psk_hint') && !inBridge) {
      const target = cur ?? dflt;
      if (target) target.tls = true;
      else dflt = { line: l.line, raw: l.raw, port: '1883', tls: true };
    } else if (key === 'tls_version' || key === 'bridge_tls_version') {
      const old = oldProtocol(value);
      if (old) issue(old, `Set \`${key} tlsv1.2\` (mosquitto 1.6 and later treat it as the minimum) or remove it.`);
    } else if (key === 'ciphers' || key === 'bridge_ciphers') {
      const v = evaluateCiphers(value);
      if (v.weak.length) issue(`${v.text} cipher suites`, CIPHER_FIX);
    }
  }
  if (dflt) listeners.unshift(dflt);
  for (const li of listeners) {
    // Port 0 with a path is a Unix socket; loopback binds are not reachable from the network.
    if (li.tls || li.port === '0' || (li.bind !== undefined && isLoopback(li.bind))) continue;
    issues.push({ server: 'mosquitto', path, line: li.line, directive: li.raw, grade: 'cleartext', what: `an MQTT listener on port ${li.port}${li.bind ? ` (${li.bind})` : ''} without TLS`, fix: 'Give the listener `certfile`/`keyfile` (and `cafile` for client certificates) and use port 8883, or bind it to 127.0.0.1 if only local programs use it.' });
  }
  return { issues, secure: listeners.some((li) => li.tls) };
}

/** stunnel.conf: global options, then `[service]` sections; `sslVersion`, `sslVersionMin`, `ciphers`, `options`. */
export function parseStunnel(path: string, text: string): Parsed {
  const issues: Issue[] = [];
  const lines = codeLines(text, '#;');
  // `options = NO_TLSv1` and `NO_TLSv1_1` anywhere turn the old versions off that `sslVersion = all` allows.
  const noOld = lines.some((l) => /^options\s*=\s*NO_TLSv1\b/i.test(l.text)) && lines.some((l) => /^options\s*=\s*NO_TLSv1_1\b/i.test(l.text));
  let secure = false;
  for (const l of lines) {
    const m = /^([\w]+)\s*=\s*(.*)$/.exec(l.text);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = unquote(m[2]!);
    const issue = (grade: Issue['grade'], what: string, fix: string) => issues.push({ server: 'stunnel', path, line: l.line, directive: l.raw, grade, what, fix });
    if (key === 'cert' || key === 'accept' || key === 'connect') secure = true;
    if (key === 'sslversion') {
      const old = oldProtocol(value);
      if (old) issue('broken', old, `Write \`sslVersionMin = TLSv1.2\` instead. ${PROTOCOL_FIX}`);
      else if (value.toLowerCase() === 'all' && !noOld) issue('weak', 'every protocol version the OpenSSL library supports (TLS 1.0 and 1.1 with OpenSSL before 3.0)', `Write \`sslVersionMin = TLSv1.2\`. ${PROTOCOL_FIX}`);
    } else if (key === 'sslversionmin') {
      const old = belowMinimum(value);
      if (old.length) issue('broken', old.join(', '), `Write \`sslVersionMin = TLSv1.2\`. ${PROTOCOL_FIX}`);
    } else if (key === 'ciphers') {
      const v = evaluateCiphers(value);
      if (v.weak.length) issue('broken', `${v.text} cipher suites`, CIPHER_FIX);
    }
  }
  return { issues, secure };
}
