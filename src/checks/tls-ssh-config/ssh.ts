import { MAX_BINARY_BYTES } from '../../analysis/tree/index.js';
import type { Vfs } from '../../firmware/types.js';
import { codeLines, type Issue, type Parsed } from './issue.js';
import { enabledNames, gradeOf, SSH_FIX, type SshList } from './ssh-algorithms.js';
import { parseUci } from './uci.js';

// OpenSSH sshd_config, and dropbear (which has no algorithm options: its OpenWrt configuration, command line
// and the algorithm tables compiled into the program).

const LISTS: Record<string, SshList> = {
  ciphers: 'ciphers', macs: 'macs', kexalgorithms: 'kex', hostkeyalgorithms: 'keys',
  pubkeyacceptedkeytypes: 'keys', pubkeyacceptedalgorithms: 'keys', casignaturealgorithms: 'keys', hostbasedacceptedalgorithms: 'keys',
};

/** sshd_config: `Keyword value` or `Keyword=value`, keywords case-insensitive; lines under `Match` count too. */
export function parseSshd(path: string, text: string): Parsed {
  const issues: Issue[] = [];
  for (const l of codeLines(text)) {
    const m = /^(\w+)(?:\s*=\s*|\s+)(.*)$/.exec(l.text);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    const issue = (grade: Issue['grade'], what: string, fix: string) => issues.push({ server: 'sshd', path, line: l.line, directive: l.raw, grade, what, fix });
    if (key === 'protocol' && value.split(/[\s,]+/).includes('1')) {
      issue('broken', 'SSH protocol 1 (OpenSSH before 7.4 honours it)', 'Write `Protocol 2` or delete the line (OpenSSH 7.4 and later speak only protocol 2).');
    } else if (key === 'hostkey' && /(^|[/_])dsa(_|\b)|_dss_/.test(value)) {
      issue('weak', `DSA host key ${value} (1024-bit with SHA-1 signatures; offered by OpenSSH before 7.0 or when HostKeyAlgorithms enables ssh-dss)`, 'Remove the DSA host key and use an Ed25519 (and ECDSA or RSA >= 3072) host key.');
    } else if (LISTS[key]) {
      const list = LISTS[key];
      const names = enabledNames(list, value);
      for (const grade of ['broken', 'weak'] as const) {
        const bad = names.filter((n) => gradeOf(list, n) === grade);
        if (bad.length) issue(grade, bad.join(', '), SSH_FIX[list]);
      }
    }
  }
  return { issues, secure: true };
}

/** OpenWrt /etc/config/dropbear: host key files that are DSA keys. */
export function parseDropbearUci(path: string, text: string): Parsed {
  const issues: Issue[] = [];
  for (const s of parseUci(text).filter((x) => x.type === 'dropbear')) {
    for (const key of ['keyfile', 'dsskeyfile', 'rsakeyfile']) {
      for (const v of s.options.get(key) ?? []) {
        if (key === 'dsskeyfile' || /dss|dsa/.test(v.value)) issues.push(dssIssue(path, v.line, v.raw));
      }
    }
  }
  return { issues, secure: true };
}

/** dropbear's command line (`-r keyfile`) as the boot scripts start it. */
export function dropbearArgs(by: string, line: number, argv: readonly string[]): Issue[] {
  const out: Issue[] = [];
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] === '-r' ? argv[i + 1] : argv[i]?.startsWith('-r') ? argv[i]!.slice(2) : undefined;
    if (key && /dss|dsa/.test(key)) out.push(dssIssue(by, line, argv.join(' ').slice(0, 200)));
  }
  return out;
}

function dssIssue(path: string, line: number, directive: string): Issue {
  return { server: 'dropbear', path, line, directive, grade: 'weak', what: 'DSS (DSA) host key, 1024-bit with SHA-1 signatures', fix: 'Remove the DSS host key; use an Ed25519 or ECDSA host key (dropbear 2020.79 and later build without DSS by default).' };
}

/**
 * Ciphers and MACs compiled into a dropbear program: its algorithm tables hold each enabled name as a
 * NUL-terminated string, and dropbear's server offers every cipher and MAC it was built with. Key exchange
 * and host key names are left out: dropbear can build group1 client-only, and offers DSS only with a DSS key.
 */
export async function dropbearBinary(vfs: Vfs, path: string): Promise<Issue[]> {
  const buf = await vfs.readFile(path, MAX_BINARY_BYTES);
  if (!buf || buf.length < 4 || buf.readUInt32BE(0) !== 0x7f454c46) return [];
  const found = new Map<string, { grade: 'broken' | 'weak'; offset: number; list: SshList }>();
  for (const list of ['ciphers', 'macs'] as const) {
    for (const name of DROPBEAR_NAMES[list]) {
      const needle = Buffer.from(`\0${name}\0`);
      const at = buf.indexOf(needle);
      const grade = gradeOf(list, name);
      if (at >= 0 && grade) found.set(name, { grade, offset: at + 1, list });
    }
  }
  const out: Issue[] = [];
  for (const grade of ['broken', 'weak'] as const) {
    const names = [...found].filter(([, f]) => f.grade === grade);
    if (names.length === 0) continue;
    out.push({
      server: 'dropbear', path, offset: Math.min(...names.map(([, f]) => f.offset)), directive: names.map(([n]) => n).join(' '), grade,
      what: `${names.map(([n]) => n).join(', ')} (compiled into the program, so the server offers them)`,
      fix: 'Rebuild dropbear without them (localoptions.h: DROPBEAR_3DES 0, DROPBEAR_TWOFISH* 0, DROPBEAR_MD5_HMAC 0, DROPBEAR_SHA1_96_HMAC 0, DROPBEAR_ENABLE_CBC_MODE 0), or move to a current release.',
    });
  }
  return out;
}

const DROPBEAR_NAMES: Record<'ciphers' | 'macs', readonly string[]> = {
  ciphers: ['3des-cbc', '3des-ctr', 'blowfish-cbc', 'aes128-cbc', 'aes256-cbc', 'twofish-cbc', 'twofish128-cbc', 'twofish256-cbc'],
  macs: ['hmac-md5', 'hmac-sha1-96'],
};
