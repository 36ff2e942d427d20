// BusyBox CVEs are nearly all in one applet (ntpd, udhcpc, wget, hush...), and a build only has the applets
// its configuration selected. An advisory whose text names applets (or the BusyBox module that implements
// them) concerns a build only if one of those applets is compiled in.

/** Modules and applets named in advisories, with the applets they stand for. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  udhcp: ['udhcpc', 'udhcpd', 'udhcpc6', 'dhcprelay', 'dumpleases'],
  udhcpc: ['udhcpc', 'udhcpc6'],
  udhcpd: ['udhcpd', 'dumpleases'],
  dhcprelay: ['dhcprelay'],
  lineedit: ['ash', 'hush', 'sh'],
  ash: ['ash', 'sh'],
  hush: ['hush'],
  unlzma: ['unlzma', 'lzcat', 'lzma', 'tar', 'rpm', 'rpm2cpio', 'dpkg-deb'],
  lzma: ['unlzma', 'lzcat', 'lzma', 'tar', 'rpm', 'rpm2cpio', 'dpkg-deb'],
  unxz: ['unxz', 'xzcat', 'xz', 'tar'],
  gunzip: ['gunzip', 'zcat', 'tar', 'rpm', 'rpm2cpio', 'dpkg-deb', 'unzip', 'cpio'],
  decompress_gunzip: ['gunzip', 'zcat', 'tar', 'rpm', 'rpm2cpio', 'dpkg-deb', 'unzip', 'cpio'],
  decompress_bunzip2: ['bunzip2', 'bzcat', 'tar'],
  bunzip2: ['bunzip2', 'bzcat', 'tar'],
  unzip: ['unzip'],
  tar: ['tar'],
  cpio: ['cpio'],
  rpm: ['rpm', 'rpm2cpio'],
  awk: ['awk'],
  sed: ['sed'],
  ntpd: ['ntpd'],
  telnetd: ['telnetd'],
  httpd: ['httpd'],
  wget: ['wget'],
  ssl_client: ['ssl_client', 'wget'],
  netstat: ['netstat'],
  nslookup: ['nslookup'],
  traceroute: ['traceroute', 'traceroute6'],
  arping: ['arping'],
  tftp: ['tftp'],
  tftpd: ['tftpd'],
  ftpd: ['ftpd'],
  ftpget: ['ftpget'],
  ftpput: ['ftpput'],
  man: ['man'],
  hexdump: ['hexdump'],
  syslogd: ['syslogd'],
  crond: ['crond'],
  crontab: ['crontab'],
  modprobe: ['modprobe'],
  insmod: ['insmod'],
  mdev: ['mdev'],
  ifconfig: ['ifconfig'],
  brctl: ['brctl'],
  zcip: ['zcip'],
  dnsd: ['dnsd'],
  inetd: ['inetd'],
  sendmail: ['sendmail'],
  whois: ['whois'],
};

const MENTION = new RegExp(String.raw`(?<![\w-])(${Object.keys(GROUPS).sort((a, b) => b.length - a.length).join('|')})(?![\w-])`, 'g');

/** The applets an advisory's text is about (empty when it names none). */
export function appletsNamed(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MENTION)) for (const a of GROUPS[m[1]!]!) out.add(a);
  return [...out].sort();
}

/**
 * Whether a build with `applets` lacks every applet an advisory is about. Names shorter than 4 characters
 * cannot be shown absent from a strings dump (the strings tool drops them), so they count as absent only
 * when the table read has short names in it.
 */
export function appletsAbsent(advisoryText: string, applets: readonly string[]): { absent: boolean; named: string[] } {
  const named = appletsNamed(advisoryText);
  if (named.length === 0) return { absent: false, named };
  const have = new Set(applets);
  const keepsShort = applets.some((a) => a.length < 4);
  const absent = named.every((a) => !have.has(a) && (a.length >= 4 || keepsShort));
  return { absent, named };
}
