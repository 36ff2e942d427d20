import { isLocalOrPlaceholder, isReferenceHost } from './hosts.js';

/** A host a configuration names without a URL: time servers, name servers, MQTT bridges, feeds. */
export interface NamedHost {
  readonly scheme: 'ntp' | 'dns' | 'mqtt';
  readonly host: string;
  readonly port?: number;
  readonly line: number;
  readonly text: string;
}

const HOST = String.raw`(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9._-]*)`;

/** Line patterns per file: group 1 the host, optional group 2 the port. */
const RULES: readonly { file: RegExp; scheme: NamedHost['scheme']; line: RegExp }[] = [
  { file: /(^|\/)(ntp|ntpd|chrony|openntpd)\.conf$|\/chrony\/chrony\.conf$/, scheme: 'ntp', line: new RegExp(String.raw`^\s*(?:server|pool|peer|servers)\s+${HOST}`) },
  { file: /\/systemd\/timesyncd\.conf$/, scheme: 'ntp', line: new RegExp(String.raw`^\s*(?:Fallback)?NTP\s*=\s*${HOST}`) },
  { file: /^\/etc\/config\/system$/, scheme: 'ntp', line: new RegExp(String.raw`^\s*list\s+server\s+['"]?${HOST}`) },
  { file: /^\/etc\/resolv\.conf$|\/resolv\.conf\.\w+$/, scheme: 'dns', line: new RegExp(String.raw`^\s*nameserver\s+${HOST}`) },
  { file: /dnsmasq[^/]*\.conf$|\/dnsmasq\.d\//, scheme: 'dns', line: new RegExp(String.raw`^\s*server\s*=\s*(?:/[^/]*/)?${HOST}`) },
  { file: /^\/etc\/config\/dhcp$/, scheme: 'dns', line: new RegExp(String.raw`^\s*list\s+server\s+['"]?(?:/[^/]*/)?${HOST}`) },
  { file: /mosquitto[^/]*\.conf$|\/mosquitto\/conf\.d\//, scheme: 'mqtt', line: new RegExp(String.raw`^\s*(?:address|addresses)\s+${HOST}(?::(\d{1,5}))?`) },
];

/** Command lines in scripts that name a time server: busybox `ntpd -p`, ntpdate, ntpclient, sntp, rdate. */
const COMMANDS: readonly { scheme: NamedHost['scheme']; re: RegExp }[] = [
  { scheme: 'ntp', re: new RegExp(String.raw`\bntpd\b[^\n;|&]*?\s-p\s+${HOST}`, 'g') },
  { scheme: 'ntp', re: new RegExp(String.raw`\b(?:ntpdate|sntp|rdate)\b(?:\s+-\w+)*\s+${HOST}`, 'g') },
  { scheme: 'ntp', re: new RegExp(String.raw`\bntpclient\b[^\n;|&]*?\s-h\s+${HOST}`, 'g') },
];

const usable = (host: string) => !isLocalOrPlaceholder(host) && !isReferenceHost(host) && !/^\d+$/.test(host);

/** Hosts named by configuration lines of `path`. */
export function hostsInConfig(path: string, lines: readonly string[]): NamedHost[] {
  const out: NamedHost[] = [];
  const rules = RULES.filter((r) => r.file.test(path));
  lines.forEach((text, i) => {
    if (/^\s*[#;]/.test(text)) return;
    for (const r of rules) {
      const m = r.line.exec(text);
      const host = m?.[1]?.toLowerCase();
      if (host && usable(host)) out.push({ scheme: r.scheme, host, ...(m![2] ? { port: Number(m![2]) } : {}), line: i + 1, text: text.trim() });
    }
    for (const c of COMMANDS) {
      for (const m of text.matchAll(c.re)) {
        const host = m[1]!.toLowerCase();
        if (usable(host)) out.push({ scheme: c.scheme, host, line: i + 1, text: text.trim() });
      }
    }
  });
  return out;
}
