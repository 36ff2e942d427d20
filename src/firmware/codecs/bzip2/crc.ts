// The CRC of bzip2 blocks: CRC-32 with polynomial 0x04C11DB7, most significant bit first (not reflected).

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  TABLE[n] = c >>> 0;
}

export function bzip2Crc(data: Uint8Array, start: number, end: number): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]!) & 0xff]!;
  return ~crc >>> 0;
}
