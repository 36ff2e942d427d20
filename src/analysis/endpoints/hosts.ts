// Which hosts are endpoints the firmware contacts, as opposed to documentation, XML namespaces, licences and
// placeholders that programs and pages carry as text.

/** Hosts (and their subdomains) that appear in programs and configuration as documentation or identifiers. */
const REFERENCE_SUFFIXES = [
  'w3.org', 'xmlsoap.org', 'schemas.microsoft.com', 'xmlns.com', 'purl.org', 'ns.adobe.com', 'openxmlformats.org', 'xml.org', 'docbook.org',
  'relaxng.org', 'json-schema.org', 'gnu.org', 'fsf.org', 'sourceware.org', 'kernel.org', 'openssl.org', 'curl.se', 'haxx.se', 'busybox.net',
  'apache.org', 'opensource.org', 'creativecommons.org', 'iana.org', 'ietf.org', 'rfc-editor.org', 'debian.org', 'ubuntu.com', 'launchpad.net',
  'sqlite.org', 'zlib.net', 'gnupg.org', 'openssh.com', 'openbsd.org', 'ucc.asn.au', 'thekelleys.org.uk', 'php.net', 'python.org', 'perl.org',
  'cpan.org', 'lua.org', 'json.org', 'yaml.org', 'unicode.org', 'mozilla.org', 'freedesktop.org', 'systemd.io', 'man7.org', 'openldap.org',
  'x.org', 'gnome.org', 'kde.org', 'github.io', 'readthedocs.io', 'sourceforge.net', 'savannah.nongnu.org', 'nongnu.org', 'tukaani.org',
  'libssh.org', 'samba.org', 'avahi.org', 'lighttpd.net', 'nginx.org', 'nginx.com', 'denx.de', 'wolfssl.com', 'trustedfirmware.org',
  'eclipse.org', 'mosquitto.org', 'miniupnp.free.fr', 'w1.fi', 'wikipedia.org', 'openwrt.org', 'busybox.com', 'example.com', 'example.net',
  'example.org', 'spdx.org', 'translationproject.org', 'xiph.org', 'invisible-island.net', 'kornshell.com', 'mirbsd.org', 'pythonhosted.org',
  'sites.google.com', 'bugzilla.redhat.com', 'bugs.launchpad.net', 'stackoverflow.com', 'cve.org', 'mitre.org', 'nist.gov', 'first.org', 'jquery.com', 'jquery.org', 'getbootstrap.com', 'fontawesome.com',
  'openid.net', 'oasis-open.org', 'dublincore.org', 'ogc.org', 'opengis.net', 'rsa.com',
];

/** Real update feeds under otherwise documentary domains: these stay endpoints. */
const FEED_HOSTS = /^(deb|security|archive|ftp|httpredir|cdn-fastly)\.debian\.org$|^(archive|security|ports)\.ubuntu\.com$|^downloads\.openwrt\.org$|^dl-cdn\.alpinelinux\.org$/;

export function isReferenceHost(host: string): boolean {
  if (FEED_HOSTS.test(host)) return false;
  return REFERENCE_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}

/** Hosts that are not remote: loopback, unspecified, RFC 2606/6761 reserved names, template placeholders. */
export function isLocalOrPlaceholder(host: string): boolean {
  if (/^(localhost|localhost\.localdomain|ip6-localhost|0\.0\.0\.0|::1?|\[::1?\]|255\.255\.255\.255)$/.test(host)) return true;
  if (/^127\.|^\[?fe80:/i.test(host)) return true;
  if (/\.(localhost|test|invalid|example|local|lan|home|internal|localdomain)$/.test(host)) return true;
  // Placeholders and partial strings: format specifiers, template variables, a lone label.
  if (/[%${}<>*]|\.\.|^-|-$|^\./.test(host)) return true;
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  if (!ip && !/\.[a-z][a-z0-9-]{1,62}$/.test(host)) return true;
  if (ip && host.split('.').some((o) => Number(o) > 255)) return true;
  return false;
}
