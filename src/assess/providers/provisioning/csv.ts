// Per-unit provisioning records as CSV (RFC 4180: quoted fields, doubled quotes, CRLF; `,` or `;`), the way
// factories export what they programmed into each unit.

export const PASSWORD_COLUMN = /pass(word|wd|phrase)?|pwd|psk|wifi_?key|wpa_?key|admin_?key|pin|secret/i;
export const MAC_COLUMN = /^(mac|mac_?addr(ess)?|eth_?mac|wlan_?mac|hwaddr|bssid)$/i;
export const SERIAL_COLUMN = /^(serial|serial_?(no|number)|sn|s\/n|device_?id|unit_?id)$/i;
const MAX_ROWS = 200_000;

/** Splits CSV text into rows of fields; undefined when the quoting is broken. */
export function parseCsv(text: string): string[][] | undefined {
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      if (rows.length > MAX_ROWS) break;
    } else field += c;
  }
  if (quoted) return undefined;
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** True when the bytes are a CSV whose header names a password-like column (decided by content, not name). */
export function looksLikeProvisioningCsv(head: Buffer): boolean {
  const text = head.subarray(0, 4096).toString('utf8');
  if (text.includes('\u0000')) return false;
  const header = parseCsv(text.split(/\r?\n/)[0] ?? '')?.[0] ?? [];
  return header.length >= 2 && header.some((h) => PASSWORD_COLUMN.test(h.trim()));
}
