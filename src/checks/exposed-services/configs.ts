import type { Vfs } from '../../firmware/types.js';
import { readText } from '../../analysis/tree/index.js';

// Configuration of UPnP and SNMP daemons, where their risky defaults live.

export interface ConfigHit {
  readonly path: string;
  readonly line: number;
  readonly text: string;
}

function lineHits(path: string, text: string, re: RegExp): ConfigHit[] {
  const out: ConfigHit[] = [];
  text.split('\n').forEach((raw, i) => { if (re.test(raw)) out.push({ path, line: i + 1, text: raw.trim() }); });
  return out;
}

/** miniupnpd `secure_mode=no` or OpenWrt upnpd `option secure_mode '0'`: any LAN host may map ports for any other. */
export async function upnpInsecure(vfs: Vfs): Promise<ConfigHit[]> {
  const out: ConfigHit[] = [];
  for (const path of ['/etc/miniupnpd.conf', '/etc/miniupnpd/miniupnpd.conf', '/etc/config/upnpd', '/etc/upnpd.conf']) {
    const text = await readText(vfs, path);
    if (text === undefined) continue;
    out.push(...lineHits(path, text, /^[ \t]*(secure_mode[ \t]*=[ \t]*no\b|option[ \t]+secure_mode[ \t]+'?0'?)/));
  }
  return out;
}

/** Default SNMP communities: `public`/`private` in snmpd.conf, OpenWrt's config, or mini_snmpd's default. */
export async function snmpDefaults(vfs: Vfs): Promise<(ConfigHit & { write: boolean })[]> {
  const out: (ConfigHit & { write: boolean })[] = [];
  for (const path of ['/etc/snmpd.conf', '/etc/snmp/snmpd.conf', '/etc/config/snmpd', '/etc/config/mini_snmpd']) {
    const text = await readText(vfs, path);
    if (text === undefined) continue;
    text.split('\n').forEach((raw, i) => {
      const t = raw.trim();
      if (t.startsWith('#')) return;
      const m = /^(rocommunity|rwcommunity|rocommunity6|rwcommunity6)[ \t]+(public|private)\b/.exec(t)
        ?? /^com2sec[ \t]+\S+[ \t]+\S+[ \t]+(public|private)\b/.exec(t)
        ?? /^option[ \t]+(?:ro|rw)?community[ \t]+'?(public|private)'?/.exec(t);
      if (m) out.push({ path, line: i + 1, text: t, write: /^rw|rwcommunity|option[ \t]+rwcommunity/.test(t) || /\bprivate\b/.test(t) && /com2sec/.test(t) });
    });
  }
  return out;
}
