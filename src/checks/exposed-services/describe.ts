import type { Start } from '../../analysis/boot/index.js';

/** "started by /etc/init.d/S50telnet:4 (script): telnetd -l /bin/login". */
export function startLine(s: Start): string {
  const how = s.mechanism === 'inetd' || s.mechanism === 'xinetd'
    ? `run on connection by ${s.mechanism} (${s.by}:${s.line}, service ${s.service?.name ?? '?'}/${s.service?.protocol ?? '?'}${s.user ? `, as ${s.user}` : ''})`
    : s.mechanism === 'cron' ? `run by cron (${s.by}:${s.line})` : `started by ${s.by}${s.line ? `:${s.line}` : ''} (${s.mechanism})`;
  return `${s.name} is ${how}: ${s.argv.join(' ').slice(0, 160)}`;
}

/** True when nothing in the start restricts the listening address. */
export function allInterfaces(s: Start): boolean {
  if (s.service) return s.service.bind === undefined || s.service.bind === '0.0.0.0' || s.service.bind === '*' || s.service.bind === '::';
  const args = s.argv.join(' ');
  if (/(^|\s)-b\s+(?!0\.0\.0\.0)\S+/.test(args)) return false;
  if (/(^|\s)-p\s+\d{1,3}(\.\d{1,3}){3}:\d+/.test(args) && !/-p\s+0\.0\.0\.0:/.test(args)) return false;
  if (/--listen[= ](127\.|localhost|\[::1\])/.test(args)) return false;
  return true;
}
