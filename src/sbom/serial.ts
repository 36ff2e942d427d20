import { createHash } from 'node:crypto';

// RFC 4122 (section 4.3) name-based UUID, version 5 (SHA-1), in a namespace of our own: the same image and tool
// version always give the same serial number, so two runs give byte-identical SBOMs.
const NAMESPACE = Buffer.from('6b1f4d0e9c2a4f6e8d3b5a7c9e1f2a3b', 'hex');

export function uuidV5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** `urn:uuid:` serial number of the SBOM of an image (its sha256) made by a tool version. */
export function serialNumberOf(imageSha256: string, toolVersion: string): string {
  return `urn:uuid:${uuidV5(`iotcop-sbom\0${imageSha256}\0${toolVersion}`)}`;
}
