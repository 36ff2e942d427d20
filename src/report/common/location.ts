import type { Location } from '../../model/index.js';

export interface LocationPart {
  readonly key: keyof Location;
  readonly label: string;
  readonly value: string;
}

/** `host:port`, with an IPv6 literal in brackets so the port stays readable. */
export function hostPort(host: string, port: number | undefined): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port === undefined ? h : `${h}:${port}`;
}

/** Every field of a location that is set, labelled, in a fixed order (image, path, line, offset, host, port, url). */
export function locationParts(l: Location): LocationPart[] {
  const parts: LocationPart[] = [];
  if (l.image !== undefined) parts.push({ key: 'image', label: 'Image', value: l.image });
  if (l.path !== undefined) parts.push({ key: 'path', label: l.image === undefined ? 'File' : 'Path in image', value: l.path });
  if (l.line !== undefined) parts.push({ key: 'line', label: 'Line', value: String(l.line) });
  if (l.offset !== undefined) parts.push({ key: 'offset', label: 'Offset', value: offsetText(l.offset) });
  if (l.host !== undefined) parts.push({ key: 'host', label: 'Host', value: l.host });
  if (l.port !== undefined) parts.push({ key: 'port', label: 'Port', value: String(l.port) });
  if (l.url !== undefined) parts.push({ key: 'url', label: 'URL', value: l.url });
  return parts;
}

/** Byte offsets in hex (as firmware tools print them) and decimal. */
export function offsetText(offset: number): string {
  return `0x${offset.toString(16)} (${offset})`;
}

/**
 * A location in one line, e.g. `fw.bin!/etc/shadow:3 @0x1f0`, `[::1]:23`, `https://example.com/x`.
 * `!` separates an image from the path inside it, as in jar: URLs.
 */
export function locationText(l: Location): string {
  const pieces: string[] = [];
  let file = l.image !== undefined && l.path !== undefined ? `${l.image}!${l.path}` : l.path ?? l.image;
  if (file !== undefined && l.line !== undefined) file += `:${l.line}`;
  if (file !== undefined) pieces.push(file);
  if (l.offset !== undefined) pieces.push(`@0x${l.offset.toString(16)}`);
  if (l.host !== undefined) pieces.push(hostPort(l.host, l.port));
  else if (l.port !== undefined) pieces.push(`port ${l.port}`);
  if (l.url !== undefined) pieces.push(l.url);
  return pieces.length > 0 ? pieces.join(' ') : '(no location)';
}
