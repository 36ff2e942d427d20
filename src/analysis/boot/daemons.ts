// What iotcop knows about programs that boot configurations start: which are network services, which of them
// are risky by nature, and which can drop root. Keyed by program base name (busybox applet names included).

export type ServiceKind = 'telnet' | 'rlogin' | 'ftp' | 'tftp' | 'adb' | 'debug-shell' | 'upnp' | 'snmp' | 'ssh' | 'http' | 'mqtt' | 'dns' | 'other-listener' | 'super-server' | 'cron';

export interface DaemonInfo {
  readonly kind: ServiceKind;
  /** A network service that, by its nature, should not ship enabled on a consumer device. */
  readonly risky: boolean;
  /** Can run without root (drops privileges or needs no privileged operations). */
  readonly canDropRoot: boolean;
}

const TABLE: Record<string, DaemonInfo> = {};
const add = (names: string, info: DaemonInfo) => { for (const n of names.split(' ')) TABLE[n] = info; };

add('telnetd utelnetd in.telnetd telnetd.sh', { kind: 'telnet', risky: true, canDropRoot: false });
add('rlogind in.rlogind rshd in.rshd rexecd in.rexecd', { kind: 'rlogin', risky: true, canDropRoot: false });
add('ftpd in.ftpd vsftpd bftpd proftpd pure-ftpd stupid-ftpd wu-ftpd', { kind: 'ftp', risky: true, canDropRoot: false });
add('tftpd in.tftpd utftpd atftpd tftp-hpa opentftpd', { kind: 'tftp', risky: true, canDropRoot: true });
add('adbd', { kind: 'adb', risky: true, canDropRoot: false });
add('gdbserver', { kind: 'debug-shell', risky: true, canDropRoot: false });
add('upnpd miniupnpd upnp igd bcmupnp linux-igd', { kind: 'upnp', risky: false, canDropRoot: true });
add('snmpd mini_snmpd', { kind: 'snmp', risky: false, canDropRoot: true });
add('dropbear sshd', { kind: 'ssh', risky: false, canDropRoot: false });
add('httpd lighttpd uhttpd mini_httpd boa goahead thttpd nginx webs webserver shttpd mongoose', { kind: 'http', risky: false, canDropRoot: true });
add('mosquitto', { kind: 'mqtt', risky: false, canDropRoot: true });
add('dnsmasq', { kind: 'dns', risky: false, canDropRoot: true });
add('inetd xinetd tcpsvd', { kind: 'super-server', risky: false, canDropRoot: false });
add('crond cron', { kind: 'cron', risky: false, canDropRoot: false });

export function daemonInfo(name: string): DaemonInfo | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
}

/** `nc -l ... -e /bin/sh` and friends: a shell bound to a port. */
export function isBindShell(argv: readonly string[]): boolean {
  const prog = argv[0]?.split('/').pop() ?? '';
  if (!['nc', 'netcat', 'ncat', 'socat', 'busybox'].includes(prog)) return false;
  const listens = argv.includes('-l') || argv.includes('-lp') || argv.some((a) => /^-l\w*$/.test(a) || /^tcp-listen:/i.test(a));
  return listens && argv.some((a) => /(^|\/|exec:)(sh|ash|bash)\b/.test(a));
}
