// Products iotcop recognises, with their CPE names (NVD `vendor:product`) and the package names distributions
// ship them under. The CPE names are NVD's; a product NVD renamed lists its names newest first.

export interface Product {
  readonly id: string;
  readonly title: string;
  readonly type: 'application' | 'library' | 'operating-system' | 'firmware';
  readonly cpe: readonly string[];
  /** CPE part: `a` application, `o` operating system. */
  readonly part?: 'a' | 'o';
  /** Binary or source package names (dpkg, opkg, apk) that are this product. */
  readonly packages?: RegExp;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'busybox', title: 'BusyBox', type: 'application', cpe: ['busybox:busybox'], packages: /^busybox(-static|-selinux|-extras)?$/ },
  { id: 'openssl', title: 'OpenSSL', type: 'library', cpe: ['openssl:openssl'], packages: /^(openssl|openssl-util|libopenssl[\d.]*|libssl[\d.]+|libcrypto[\d.]+|openssl1\.1|openssl3)$/ },
  { id: 'libressl', title: 'LibreSSL', type: 'library', cpe: ['openbsd:libressl'], packages: /^libressl/ },
  { id: 'wolfssl', title: 'wolfSSL', type: 'library', cpe: ['wolfssl:wolfssl'], packages: /^(lib)?wolfssl/ },
  { id: 'mbedtls', title: 'Mbed TLS', type: 'library', cpe: ['arm:mbed_tls'], packages: /^(lib)?mbedtls/ },
  { id: 'dropbear', title: 'Dropbear SSH', type: 'application', cpe: ['dropbear_ssh_project:dropbear_ssh'], packages: /^dropbear/ },
  { id: 'openssh', title: 'OpenSSH', type: 'application', cpe: ['openbsd:openssh'], packages: /^openssh(-server|-client|-sftp-server|-keygen)?$/ },
  { id: 'dnsmasq', title: 'dnsmasq', type: 'application', cpe: ['thekelleys:dnsmasq'], packages: /^dnsmasq(-base|-full|-dhcpv6)?$/ },
  { id: 'lighttpd', title: 'lighttpd', type: 'application', cpe: ['lighttpd:lighttpd'], packages: /^lighttpd$/ },
  { id: 'uhttpd', title: 'uhttpd', type: 'application', cpe: [], packages: /^uhttpd$/ },
  { id: 'nginx', title: 'nginx', type: 'application', cpe: ['f5:nginx', 'nginx:nginx'], packages: /^nginx(-ssl|-full|-core|-light)?$/ },
  { id: 'miniupnpd', title: 'MiniUPnPd', type: 'application', cpe: ['miniupnp_project:miniupnpd'], packages: /^miniupnpd/ },
  { id: 'hostapd', title: 'hostapd', type: 'application', cpe: ['w1.fi:hostapd'], packages: /^(hostapd.*|wpad.*|wpa)$/ },
  { id: 'wpa_supplicant', title: 'wpa_supplicant', type: 'application', cpe: ['w1.fi:wpa_supplicant'], packages: /^(wpa-?supplicant.*|wpasupplicant)$/ },
  { id: 'curl', title: 'curl', type: 'application', cpe: ['haxx:curl', 'haxx:libcurl'], packages: /^(curl|libcurl[\d-]*.*)$/ },
  { id: 'mosquitto', title: 'Eclipse Mosquitto', type: 'application', cpe: ['eclipse:mosquitto'], packages: /^(lib)?mosquitto/ },
  { id: 'libupnp', title: 'libupnp (Portable UPnP SDK)', type: 'library', cpe: ['libupnp_project:libupnp', 'pupnp_project:pupnp'], packages: /^(libupnp\d*|pupnp.*)$/ },
  { id: 'samba', title: 'Samba', type: 'application', cpe: ['samba:samba'], packages: /^samba\d?(-server|-client|-common)?$/ },
  { id: 'avahi', title: 'Avahi', type: 'application', cpe: ['avahi:avahi'], packages: /^(avahi|avahi-daemon|libavahi-.*)$/ },
  { id: 'u-boot', title: 'U-Boot', type: 'firmware', cpe: ['denx:u-boot'], packages: /^u-boot/ },
  { id: 'linux', title: 'Linux kernel', type: 'operating-system', cpe: ['linux:linux_kernel'], part: 'o', packages: /^(kernel|linux)$/ },
  { id: 'glibc', title: 'GNU C Library', type: 'library', cpe: ['gnu:glibc'], packages: /^(glibc|libc6|eglibc)$/ },
  { id: 'uclibc', title: 'uClibc', type: 'library', cpe: ['uclibc:uclibc'], packages: /^uclibc$/ },
  { id: 'zlib', title: 'zlib', type: 'library', cpe: ['zlib:zlib', 'gnu:zlib'], packages: /^(zlib|zlib1g)$/ },
  { id: 'openvpn', title: 'OpenVPN', type: 'application', cpe: ['openvpn:openvpn'], packages: /^openvpn/ },
];

const BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));

export function productById(id: string): Product | undefined {
  return BY_ID.get(id);
}

/** The product a package is, by its own name first (wpasupplicant and hostapd share the source `wpa`), then its source. */
export function productOfPackage(name: string, source?: string): Product | undefined {
  for (const n of [name, source]) {
    if (!n) continue;
    const p = PRODUCTS.find((x) => x.packages?.test(n));
    if (p) return p;
  }
  return undefined;
}
