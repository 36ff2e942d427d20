// Which files are looked at. Documentation, licences, manuals, translations, time zones, certificate bundles,
// package metadata, language runtimes' libraries and anything that says it is a test, an example or a sample
// is skipped: such files are full of maintainers' and authors' addresses and made-up records.

const SKIP_DIRS = new RegExp([
  '^/usr/share/(doc|man|info|locale|i18n|zoneinfo|common-licenses|licenses|perl5?|bash-completion|zsh|mime|X11|fonts|icons|pixmaps|terminfo|misc|dict|hwdata|gtk-doc|help|sgml|xml|javascript|ca-certificates|keyrings|lintian|debconf|polkit-1|dbus-1|applications|metainfo|appdata|bug|menu|emacs|vim)/',
  '^/usr/lib/(opkg|dpkg|apt|python[\\d.]*|perl5?|ruby|jvm|node_modules|locale|os-release)(/|$)',
  '^/var/lib/(dpkg|apt|opkg|ucf|pam|systemd/deb-systemd)/', '^/var/cache/(apt|debconf|man)/', '^/etc/(apt|ssl|ca-certificates|pki|dictionaries-common)/',
  '^/usr/local/lib/(python|node_modules)', '/(site|dist)-packages/', '/node_modules/', '\\.(dist|egg)-info/', '/\\.git/',
  // Package managers' and toolchains' caches in home folders hold published package metadata with authors.
  '/\\.(m2|gradle|npm|yarn|pnpm-store|cache|cargo|rustup|pyenv|nvm|ivy2|sbt|gem|bundle|conda|local/lib|local/share/(pnpm|virtualenvs))/', '/go/pkg/mod/',
  '/(tests?|testing|testdata|test-data|test_data|fixtures?|examples?|samples?|demos?|spec|specs|__tests__|mocks?|doc|docs|documentation|man|licenses?)/',
].join('|'), 'i');
const SKIP_NAMES = /(^|[._-])(example|examples|sample|samples|demo|template|dist|test|tests|mock)([._-]|$)|^(readme|changelog|changes|news|authors|thanks|credits|contributors|maintainers|copying|copyright|license|licence|notice|history|todo|install|package\.json|composer\.json|bower\.json|package-lock\.json|yarn\.lock|pkg-info|metadata|setup\.cfg|pyproject\.toml|cargo\.toml|cargo\.lock)(\.[\w.-]+)?$|\.(gemspec|pom|nuspec|pod|[1-9][a-z]?|mo|po|pot|pem|crt|cer|der|asc|gpg|sig|md|rst|texi|html?|xhtml|man)$/i;

/** True when the file is documentation, a licence, metadata, a certificate bundle or test material. */
export function skipped(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return SKIP_DIRS.test(path) || SKIP_NAMES.test(name);
}

const CODE = /\.(c|h|cc|cpp|hpp|js|mjs|cjs|ts|lua|sh|bash|py|pl|pm|rb|php|inc|java|go|rs|tcl|awk|sed|css|scss|less|vue|svelte|map|asp|aspx|jsp|cgi|uc|ut)$/i;
const DATA_DIRS = /^\/(etc|root|home|var|data|userdata|user_data|overlay|mnt|srv|config|cfg|app|opt|usr\/local\/etc|jffs2?|rom\/etc|storage|persist|nvram)(\/|$)/;

/**
 * Files where a lone e-mail address or phone number is worth a review: configuration and data files under
 * the folders a device keeps its settings in, not program code (whose addresses are authors' credits).
 */
export function looseValuesWorthReview(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return DATA_DIRS.test(path) && !CODE.test(name) && !/^\/etc\/(init\.d|rc\.d|profile\.d|hotplug\.d|uci-defaults|systemd|udev|modprobe\.d|modules-load\.d|sysctl\.d)\//.test(path);
}
