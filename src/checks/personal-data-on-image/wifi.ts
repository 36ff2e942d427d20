import { mask } from '../../model/index.js';
import type { Hit } from './types.js';

// Wi-Fi networks the device was made to join, with their keys: wpa_supplicant network blocks, OpenWrt UCI
// station interfaces and NetworkManager keyfiles. The name and key of a real network identify and open
// someone's home or office network. The device's own access point (hostapd, UCI mode 'ap') is not
// personal data; its default key is the default-passwords check's concern.

const PLACEHOLDER = /your|example|changeme|change_me|sample|placeholder|dummy|xxxx|<|>|\$|%s|^(ssid|my_?ssid|network_?name|wifi_?name|my_?network|my_?wifi|test|testing|secret|password|passphrase|psk|key|none|null)$/i;

interface Network { ssid: string; secret: string; line: number }

const unquote = (v: string) => { const t = v.trim(); return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t; };
const real = (n: Network) => n.ssid !== '' && n.secret !== '' && !PLACEHOLDER.test(n.ssid) && !PLACEHOLDER.test(n.secret);

/** `network={ ssid=... psk=... }` blocks, skipping access-point mode (`mode=2`). */
export function wpaSupplicantNetworks(text: string): Network[] {
  const out: Network[] = [];
  let cur: { ssid: string; secret: string; line: number; ap: boolean } | undefined;
  text.split('\n').forEach((raw, i) => {
    const l = raw.trim();
    if (/^network[ \t]*=[ \t]*\{/.test(l)) { cur = { ssid: '', secret: '', line: i + 1, ap: false }; return; }
    if (!cur) return;
    if (l.startsWith('}')) { if (!cur.ap) out.push(cur); cur = undefined; return; }
    const m = /^(ssid|psk|sae_password|password|wep_key0)[ \t]*=(.*)$/.exec(l);
    if (m) {
      if (m[1] === 'ssid') cur.ssid = unquote(m[2]!);
      else if (!cur.secret) { cur.secret = unquote(m[2]!); cur.line = i + 1; }
    }
    if (/^mode[ \t]*=[ \t]*2\b/.test(l)) cur.ap = true;
  });
  return out.filter(real);
}

/** UCI `config wifi-iface` sections in station mode with a key. */
export function uciStationNetworks(text: string): Network[] {
  const out: Network[] = [];
  let s: { type: string; opts: Map<string, { v: string; line: number }> } | undefined;
  const flush = () => {
    if (s?.type !== 'wifi-iface') return;
    const mode = s.opts.get('mode')?.v ?? 'ap';
    const key = s.opts.get('key');
    const enc = s.opts.get('encryption')?.v ?? 'none';
    if (mode === 'sta' && key && !/^(none|owe)$/.test(enc)) out.push({ ssid: s.opts.get('ssid')?.v ?? '', secret: key.v, line: key.line });
  };
  text.split('\n').forEach((raw, i) => {
    const c = /^[ \t]*config[ \t]+(\S+)/.exec(raw);
    if (c) { flush(); s = { type: unquote(c[1]!), opts: new Map() }; return; }
    const o = /^[ \t]*option[ \t]+(\S+)[ \t]+(.*)$/.exec(raw);
    if (o && s) s.opts.set(o[1]!, { v: unquote(o[2]!), line: i + 1 });
  });
  flush();
  return out.filter(real);
}

/** NetworkManager keyfile: `[wifi] ssid=` with `[wifi-security] psk=`. */
export function networkManagerNetworks(text: string): Network[] {
  let section = '';
  const n: Network = { ssid: '', secret: '', line: 0 };
  let ap = false;
  text.split('\n').forEach((raw, i) => {
    const l = raw.trim();
    const h = /^\[(.+)\]$/.exec(l);
    if (h) { section = h[1]!; return; }
    const m = /^([\w-]+)[ \t]*=(.*)$/.exec(l);
    if (!m) return;
    if (section === 'wifi' && m[1] === 'ssid') n.ssid = m[2]!.trim();
    if (section === 'wifi' && m[1] === 'mode' && m[2]!.trim() === 'ap') ap = true;
    if (section === 'wifi-security' && (m[1] === 'psk' || m[1] === 'wep-key0')) { n.secret = m[2]!.trim(); n.line = i + 1; }
  });
  return !ap && real(n) ? [n] : [];
}

export function wifiHits(path: string, text: string): Hit[] {
  const nets = /\/etc\/config\/wireless$/.test(path) ? uciStationNetworks(text)
    : /\.nmconnection$|\/system-connections\//.test(path) ? networkManagerNetworks(text)
      : /network[ \t]*=[ \t]*\{/.test(text) ? wpaSupplicantNetworks(text) : [];
  return nets.map((n) => ({
    kind: 'wifi', path, line: n.line, definite: true,
    what: `the name and key of Wi-Fi network "${mask(n.ssid, 3)}", which the device is set to join`,
    evidence: `ssid=${mask(n.ssid, 3)} key=${mask(n.secret)}`,
  }));
}
