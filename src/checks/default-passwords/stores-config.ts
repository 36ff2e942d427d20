import { secretOf } from './stores-unix.js';
import type { Credential, Purpose, Secret, UnitIdentity } from './types.js';

// Configuration defaults that carry passwords: nvram defaults and vendor .ini/.cfg files (`http_passwd=`),
// hostapd and wpa_supplicant, OpenWrt UCI files (/etc/config/*), JSON user databases.

const PASSWORD_KEYS = /^(http_passwd|http_password|admin_passwd|admin_password|root_passwd|root_password|sys_passwd|web_passwd|web_password|login_password|login_passwd|telnet_passwd|user_passwd|user_password|super_passwd|password|passwd|pass|pwd|adminpass|adminpwd|rootpwd|userpass|http_pwd|webpwd|default_password|device_password)$/i;
const USER_KEYS = /^(http_username|http_user|admin_user|admin_username|login_username|login_user|user_name|username|user|login|web_user|web_username)$/i;
const MAC_KEYS = /^(et\d?macaddr|lan_hwaddr|wan_hwaddr|macaddr|mac|hwaddr|ethaddr|wl\d?_hwaddr|base_mac|mac_addr)$/i;
const SERIAL_KEYS = /^(serial|serial_no|serialno|serial_number|sn|boardnum|device_serial)$/i;

function valueSecret(v: string): Secret {
  if (v === '') return { kind: 'empty' };
  const s = secretOf(v);
  return s.kind === 'unknown' || s.kind === 'locked' ? { kind: 'plain', value: v } : s;
}

function unquote(v: string): string {
  const t = v.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** `key=value` files (nvram defaults, .ini, .cfg): password keys, with the user key of the same prefix. */
export function keyValueCredentials(path: string, text: string, identity: { macs: string[]; serials: string[] }): Credential[] {
  const out: Credential[] = [];
  const users = new Map<string, string>();
  const lines = text.split('\n');
  const pairs: { key: string; value: string; line: number }[] = [];
  lines.forEach((raw, i) => {
    const m = /^[ \t]*([A-Za-z][\w.]{0,63})[ \t]*[=:](.*)$/.exec(raw);
    if (!m || raw.trimStart().startsWith('#') || raw.trimStart().startsWith(';')) return;
    const key = m[1]!.split('.').pop()!;
    const value = unquote(m[2]!.trim());
    pairs.push({ key, value, line: i + 1 });
    if (USER_KEYS.test(key)) users.set(key.replace(/_?(username|user|name|login)$/i, ''), value);
    if (MAC_KEYS.test(key)) identity.macs.push(value);
    if (SERIAL_KEYS.test(key)) identity.serials.push(value);
  });
  for (const p of pairs) {
    if (!PASSWORD_KEYS.test(p.key) || /^\$\{?\w+\}?$/.test(p.value)) continue;
    const prefix = p.key.replace(/_?(passwd|password|pass|pwd)$/i, '');
    const user = users.get(prefix) ?? (prefix || 'admin');
    out.push({ store: 'config', path, line: p.line, user: `${user} (${p.key})`, secret: valueSecret(p.value), purpose: 'web', loginCapable: false });
  }
  return out;
}

/** hostapd `wpa_passphrase=` (the device's own access point) and wpa_supplicant `psk="..."` (networks it joins). */
export function wifiCredentials(path: string, text: string): Credential[] {
  const out: Credential[] = [];
  text.split('\n').forEach((raw, i) => {
    const ap = /^[ \t]*wpa_passphrase[ \t]*=(.+)$/.exec(raw.replace(/\r$/, ''));
    if (ap) out.push({ store: 'hostapd', path, line: i + 1, user: 'Wi-Fi access point', secret: { kind: 'plain', value: ap[1]!.trim() }, purpose: 'wifi-ap', loginCapable: false });
    const sta = /^[ \t]*psk[ \t]*=[ \t]*"([^"]*)"/.exec(raw);
    if (sta) out.push({ store: 'wpa_supplicant', path, line: i + 1, user: 'Wi-Fi network', secret: { kind: 'plain', value: sta[1]! }, purpose: 'wifi-client', loginCapable: false });
  });
  return out;
}

/** OpenWrt UCI: wireless `option key` of an AP interface, rpcd/uhttpd `option password`. */
export function uciCredentials(path: string, text: string): Credential[] {
  const out: Credential[] = [];
  let section: { type: string; opts: Map<string, { value: string; line: number }> } | undefined;
  const flush = () => {
    if (!section) return;
    const o = section.opts;
    const key = o.get('key');
    const enc = o.get('encryption')?.value ?? '';
    if (section.type === 'wifi-iface' && key && /psk|sae/.test(enc)) {
      const purpose: Purpose = (o.get('mode')?.value ?? 'ap') === 'ap' ? 'wifi-ap' : 'wifi-client';
      out.push({ store: 'uci', path, line: key.line, user: `Wi-Fi ${o.get('ssid')?.value ?? ''}`.trim(), secret: { kind: 'plain', value: key.value }, purpose, loginCapable: false });
    }
    const pw = o.get('password');
    if (pw && !pw.value.startsWith('$p$')) {
      const user = o.get('username')?.value ?? o.get('user')?.value ?? section.type;
      out.push({ store: 'uci', path, line: pw.line, user, secret: valueSecret(pw.value), purpose: 'web', loginCapable: false });
    }
  };
  text.split('\n').forEach((raw, i) => {
    const c = /^[ \t]*config[ \t]+(\S+)/.exec(raw);
    if (c) {
      flush();
      section = { type: unquote(c[1]!), opts: new Map() };
      return;
    }
    const o = /^[ \t]*option[ \t]+(\S+)[ \t]+(.*)$/.exec(raw);
    if (o && section) section.opts.set(o[1]!, { value: unquote(o[2]!.trim()), line: i + 1 });
  });
  flush();
  return out;
}

const JSON_USER = /^(user|username|login|name|account)$/i;
const JSON_PASS = /^(password|passwd|pass|pwd|password_hash|passwordhash|hash)$/i;

/** Objects in a JSON document that pair a user key with a password key. */
export function jsonCredentials(path: string, text: string): Credential[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const out: Credential[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 20 || out.length > 1000 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const entries = Object.entries(v as Record<string, unknown>);
    const user = entries.find(([k, x]) => JSON_USER.test(k) && typeof x === 'string');
    const pass = entries.find(([k, x]) => JSON_PASS.test(k) && typeof x === 'string');
    if (user && pass) {
      const line = text.slice(0, Math.max(0, text.indexOf(JSON.stringify(pass[1])))).split('\n').length;
      out.push({ store: 'json', path, line, user: user[1] as string, secret: valueSecret(pass[1] as string), purpose: 'web', loginCapable: false });
    }
    for (const [, x] of entries) visit(x, depth + 1);
  };
  visit(doc, 0);
  return out;
}

export function emptyIdentity(): { macs: string[]; serials: string[] } & UnitIdentity {
  return { macs: [], serials: [] };
}
