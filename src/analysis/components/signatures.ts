// Version strings of the products iotcop recognises in binaries, as their builds print them. Each rule has a
// literal `needle` (found with a native search, so large binaries cost little) and a pattern applied to the
// printable string around it. Neighbour rules cover programs that keep the bare version apart from the format
// string that prints it ("Dnsmasq version %s" next to "2.80"): the version must be a whole printable string
// within a few strings of the anchor.

export interface StringRule {
  readonly product: string;
  readonly needle: string;
  /** Named group `v`: the version; optional `b`: build information (date, distribution package version). */
  readonly pattern: RegExp;
}

export interface NeighbourRule {
  readonly product: string;
  /** A whole printable string (or its start) that prints the version. */
  readonly anchor: string;
  readonly version: RegExp;
}

export const STRING_RULES: readonly StringRule[] = [
  { product: 'busybox', needle: 'BusyBox v', pattern: /BusyBox v(?<v>\d+\.\d+\.\d+(?:\.git)?(?:-rc\d+)?)(?: \((?<b>[^)]*)\))?/ },
  { product: 'openssl', needle: 'OpenSSL ', pattern: /^OpenSSL (?<v>\d+\.\d+\.\d+[a-z]{0,2})(?:-[a-z]+)?\s+\d{1,2} [A-Z][a-z]{2} \d{4}/ },
  { product: 'libressl', needle: 'LibreSSL ', pattern: /^LibreSSL (?<v>\d+\.\d+\.\d+)$/ },
  { product: 'wolfssl', needle: 'wolfSSL', pattern: /wolfSSL(?: version|\/| v| )(?<v>\d+\.\d+\.\d+)\b/i },
  { product: 'mbedtls', needle: 'bed TLS ', pattern: /^[Mm]bed TLS (?<v>\d+\.\d+\.\d+)$/ },
  { product: 'mbedtls', needle: 'PolarSSL ', pattern: /^PolarSSL (?<v>\d+\.\d+\.\d+)$/ },
  { product: 'dropbear', needle: 'dropbear_', pattern: /SSH-2\.0-dropbear_(?<v>\d{4}\.\d{2,3})\b/ },
  { product: 'openssh', needle: 'OpenSSH_', pattern: /^OpenSSH_(?<v>\d+\.\d+(?:\.\d+)?(?:p\d+)?)(?:[ ,]|$)(?:(?<b>(?:Debian|Ubuntu|Raspbian)-\S+))?/ },
  { product: 'dnsmasq', needle: 'dnsmasq-', pattern: /^dnsmasq-(?<v>\d+\.\d+(?:\.\d+)?(?:(?:rc|test)\d+)?)$/ },
  { product: 'lighttpd', needle: 'lighttpd/', pattern: /lighttpd\/(?<v>\d+\.\d+\.\d+)\b/ },
  { product: 'nginx', needle: 'nginx/', pattern: /nginx\/(?<v>\d+\.\d+\.\d+)\b/ },
  { product: 'miniupnpd', needle: 'MiniUPnPd/', pattern: /MiniUPnPd\/(?<v>\d+\.\d+(?:\.\d+)?)\b/ },
  { product: 'miniupnpd', needle: 'miniupnpd ', pattern: /^miniupnpd (?<v>\d+\.\d+(?:\.\d+)?) / },
  { product: 'hostapd', needle: 'hostapd v', pattern: /^hostapd v(?<v>\d+\.\d+(?:\.\d+)?(?:-devel|-rc\d*)?)\b/ },
  { product: 'wpa_supplicant', needle: 'wpa_supplicant v', pattern: /^wpa_supplicant v(?<v>\d+\.\d+(?:\.\d+)?(?:-devel|-rc\d*)?)\b/ },
  { product: 'curl', needle: 'curl ', pattern: /^curl (?<v>\d+\.\d+\.\d+)(?:-DEV)? \(/ },
  { product: 'curl', needle: 'libcurl/', pattern: /(?:^|[ (])libcurl\/(?<v>\d+\.\d+\.\d+)\b/ },
  { product: 'mosquitto', needle: 'mosquitto version ', pattern: /^mosquitto version (?<v>\d+\.\d+\.\d+)\b/ },
  { product: 'libupnp', needle: 'Portable SDK for UPnP devices/', pattern: /Portable SDK for UPnP devices\/(?<v>\d+\.\d+\.\d+)\b/ },
  { product: 'samba', needle: 'Samba ', pattern: /^Samba (?<v>\d+\.\d+\.\d+[a-z]?)(?:-[\w.+~]+)?$/ },
  { product: 'avahi', needle: 'avahi', pattern: /^avahi(?:-daemon)? (?<v>\d+\.\d+(?:\.\d+)?)(?: starting up\.?)?$/ },
  { product: 'u-boot', needle: 'U-Boot ', pattern: /U-Boot (?:SPL )?(?<v>\d{4}\.\d{2}(?:\.\d+)?(?:-rc\d+)?|\d\.\d\.\d+)(?:[ -]|$)/ },
  { product: 'glibc', needle: 'GNU C Library', pattern: /GNU C Library (?:\((?<b>[^)]*)\) )?(?:stable |development )?release version (?<v>\d+\.\d+(?:\.\d+)?)/ },
  { product: 'zlib', needle: 'flate ', pattern: /^ ?(?:in|de)flate (?<v>\d+\.\d+\.\d+(?:\.\d+)?) Copyright/ },
  { product: 'openvpn', needle: 'OpenVPN ', pattern: /^OpenVPN (?<v>\d+\.\d+\.\d+) / },
  { product: 'linux', needle: 'Linux version ', pattern: /Linux version (?<v>\d+\.\d+(?:\.\d+)?)(?<b>\S*) \(/ },
];

export const NEIGHBOUR_RULES: readonly NeighbourRule[] = [
  { product: 'dnsmasq', anchor: 'Dnsmasq version %s', version: /^\d+\.\d+(?:\.\d+)?(?:(?:rc|test)\d+)?$/ },
  { product: 'dropbear', anchor: 'Dropbear SSH client v%s', version: /^\d{4}\.\d{2,3}$/ },
  { product: 'dropbear', anchor: 'Dropbear sshd v%s', version: /^\d{4}\.\d{2,3}$/ },
  { product: 'dropbear', anchor: 'Dropbear v%s', version: /^\d{4}\.\d{2,3}$/ },
  { product: 'mosquitto', anchor: 'mosquitto version %s', version: /^\d+\.\d+\.\d+$/ },
];
