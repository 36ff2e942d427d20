// Builders of small kernel-shaped images for the tests: an ARM zImage around a payload (header words per
// arch/arm/boot/compressed/head.S) and an ELF32 with named sections (System V gABI), nothing else.

/** A zImage: 0x24 magic, start/end words, a stub up to 256, the payload, then the appended size and more stub. */
export function buildZImage(payload: Buffer, endian: 'LE' | 'BE'): Buffer {
  const img = Buffer.concat([Buffer.alloc(256, 0), payload, Buffer.from([1, 2, 3, 4]), Buffer.alloc(60, 0xe3)]);
  const put = (v: number, at: number) => (endian === 'LE' ? img.writeUInt32LE(v, at) : img.writeUInt32BE(v, at));
  put(0x016f2818, 0x24);
  put(0, 0x28);
  put(img.length, 0x2c);
  return img;
}

/** A little-endian ELF32 executable whose section contents follow the header and precede the section table. */
export function buildElf(sections: Record<string, Buffer>): Buffer {
  const names = ['', ...Object.keys(sections), '.shstrtab'];
  const strtab = Buffer.from(names.join('\0') + '\0', 'latin1');
  const bodies = [Buffer.alloc(0), ...Object.values(sections), strtab];
  const offsets: number[] = [];
  let at = 52;
  for (const b of bodies) {
    offsets.push(at);
    at += b.length;
  }
  const shoff = Math.ceil(at / 4) * 4;
  const out = Buffer.alloc(shoff + names.length * 40);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]).copy(out);
  out.writeUInt16LE(2, 16); // ET_EXEC
  out.writeUInt16LE(3, 18); // EM_386
  out.writeUInt32LE(shoff, 0x20);
  out.writeUInt16LE(52, 0x28);
  out.writeUInt16LE(40, 0x2e);
  out.writeUInt16LE(names.length, 0x30);
  out.writeUInt16LE(names.length - 1, 0x32);
  let nameAt = 0;
  names.forEach((name, i) => {
    bodies[i]!.copy(out, offsets[i]);
    const sh = shoff + i * 40;
    out.writeUInt32LE(nameAt, sh);
    out.writeUInt32LE(i === 0 ? 0 : i === names.length - 1 ? 3 : 1, sh + 4);
    out.writeUInt32LE(offsets[i]!, sh + 16);
    out.writeUInt32LE(bodies[i]!.length, sh + 20);
    nameAt += Buffer.byteLength(name, 'latin1') + 1;
  });
  return out;
}
