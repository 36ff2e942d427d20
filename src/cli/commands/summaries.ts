/**
 * Each command's one-line description, in one place so that `iotcop --help` can list every command without
 * loading its module (some load PDF, OpenPGP and database code at import). The modules register the same text.
 */
export const SUMMARIES = {
  init: 'write a commented product manifest (iotcop.yaml); asks on a terminal, or takes flags',
  assess: 'assess a product: manifest, firmware images or extracted root filesystems in; a verdict per provision out',
  catalogue: 'print the standards iotcop checks against: the Code\'s guidelines, EN 303 645 provisions, PSTI, CRA',
  identify: 'show the layers of a firmware image: formats, offsets, lengths, unknown regions with entropy, warnings and errors',
  ls: 'list every entry of every filesystem and archive found in a firmware image (or directory)',
  unpack: 'extract every filesystem and archive of a firmware image into a directory',
  sbom: 'the software bill of materials of a firmware image (CycloneDX 1.6 JSON): every component, its purl and CPE, where and how it was found',
  vulndb: 'the offline vulnerability database: import OSV exports and NVD 2.0 feeds, show what is loaded',
  generate: 'write documents from the manifest and its assessment',
  label: 'make and check the signed consumer security label',
  keys: 'manage the Ed25519 keys that sign consumer security labels',
  serve: 'run the registry server: product pages for label QR codes, retailer checks, disclosure inbox, API',
  worker: 'run assessment jobs for a registry server (add processes to assess more uploads at once)',
  db: 'registry database maintenance',
  admin: 'bootstrap and operate a registry without a UI: organisations, users, tokens, backups',
  retail: 'checks for retailers before they sell a connectable product',
} as const;
