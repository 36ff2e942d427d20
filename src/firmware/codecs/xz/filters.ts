import { FormatError } from '../../errors.js';

// The non-last filters of an xz block (xz-file-format.txt 5.3): Delta and the branch/call/jump (BCJ)
// converters that make executable code compress better. Decoding turns absolute branch targets written by
// the encoder back into the relative ones of the original code. Each works in place on one block's output;
// `start` is the filter's start offset property (0 unless the header says otherwise).

type FilterDecode = (data: Uint8Array, start: number) => void;
/** A configured filter, applied in place to one block's output. */
export type BlockFilter = (data: Uint8Array) => void;

function delta(distance: number): BlockFilter {
  return (data) => {
    for (let i = distance; i < data.length; i++) data[i] = (data[i]! + data[i - distance]!) & 0xff;
  };
}

// x86: E8 (call) and E9 (jmp) followed by a 32-bit operand whose top byte is 0x00 or 0xFF. prevMask
// remembers which of the previous bytes looked like opcodes, to skip likely false positives the same way
// the encoder did (bit 4 marks a 0x00/0xFF byte among them).
const X86_ALLOWED = [true, true, true, false, true, false, false, false];
const X86_BIT = [0, 1, 2, 2, 3, 3, 3, 3];

function x86(data: Uint8Array, start: number): void {
  let prevMask = 0;
  let prevPos = start - 5;
  for (let i = 0; i + 5 <= data.length; ) {
    const op = data[i]!;
    if (op !== 0xe8 && op !== 0xe9) {
      i++;
      continue;
    }
    const gap = start + i - prevPos;
    prevPos = start + i;
    if (gap > 5) {
      prevMask = 0;
    } else {
      for (let k = 0; k < gap; k++) prevMask = (prevMask & 0x77) << 1;
    }
    const top = data[i + 4]!;
    if (testByte(top) && X86_ALLOWED[(prevMask >>> 1) & 7] && prevMask >>> 1 < 0x10) {
      let src = ((top << 24) | (data[i + 3]! << 16) | (data[i + 2]! << 8) | data[i + 1]!) >>> 0;
      let dest: number;
      for (;;) {
        dest = (src - (start + i + 5)) >>> 0;
        if (prevMask === 0) break;
        const shift = X86_BIT[prevMask >>> 1]! * 8;
        if (!testByte((dest >>> (24 - shift)) & 0xff)) break;
        src = (dest ^ (2 ** (32 - shift) - 1)) >>> 0;
      }
      data[i + 4] = (dest >>> 24) & 1 ? 0xff : 0x00;
      data[i + 3] = (dest >>> 16) & 0xff;
      data[i + 2] = (dest >>> 8) & 0xff;
      data[i + 1] = dest & 0xff;
      i += 5;
      prevMask = 0;
    } else {
      i++;
      prevMask |= 1;
      if (testByte(top)) prevMask |= 0x10;
    }
  }
}

function testByte(b: number): boolean {
  return b === 0x00 || b === 0xff;
}

// ARM: BL instructions (byte 3 == 0xEB), 24-bit word offset relative to pc + 8.
function arm(data: Uint8Array, start: number): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    if (data[i + 3] !== 0xeb) continue;
    const src = ((data[i + 2]! << 16) | (data[i + 1]! << 8) | data[i]!) << 2;
    const dest = (src - (start + i + 8)) >>> 2;
    data[i + 2] = (dest >>> 16) & 0xff;
    data[i + 1] = (dest >>> 8) & 0xff;
    data[i] = dest & 0xff;
  }
}

// ARM Thumb: the two halves of a BL pair (0xF000 / 0xF800 prefixes), 22-bit halfword offset from pc + 4.
function armThumb(data: Uint8Array, start: number): void {
  for (let i = 0; i + 4 <= data.length; i += 2) {
    if ((data[i + 1]! & 0xf8) !== 0xf0 || (data[i + 3]! & 0xf8) !== 0xf8) continue;
    const src = (((data[i + 1]! & 7) << 19) | (data[i]! << 11) | ((data[i + 3]! & 7) << 8) | data[i + 2]!) << 1;
    const dest = (src - (start + i + 4)) >>> 1;
    data[i + 1] = 0xf0 | ((dest >>> 19) & 7);
    data[i] = (dest >>> 11) & 0xff;
    data[i + 3] = 0xf8 | ((dest >>> 8) & 7);
    data[i + 2] = dest & 0xff;
    i += 2;
  }
}

// PowerPC (big-endian): "bl" instructions, opcode 18 with AA=0 and LK=1.
function powerpc(data: Uint8Array, start: number): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    if ((data[i]! >>> 2) !== 0x12 || (data[i + 3]! & 3) !== 1) continue;
    const src = ((data[i]! & 3) << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | (data[i + 3]! & ~3 & 0xff);
    const dest = (src - (start + i)) >>> 0;
    data[i] = 0x48 | ((dest >>> 24) & 3);
    data[i + 1] = (dest >>> 16) & 0xff;
    data[i + 2] = (dest >>> 8) & 0xff;
    data[i + 3] = (data[i + 3]! & 3) | (dest & 0xff);
  }
}

// SPARC: "call" instructions whose 30-bit displacement has its top bits all equal.
function sparc(data: Uint8Array, start: number): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    const b0 = data[i]!;
    const b1 = data[i + 1]!;
    if (!((b0 === 0x40 && (b1 & 0xc0) === 0x00) || (b0 === 0x7f && (b1 & 0xc0) === 0xc0))) continue;
    let src = ((b0 << 24) | (b1 << 16) | (data[i + 2]! << 8) | data[i + 3]!) >>> 0;
    src = (src << 2) >>> 0;
    let dest = (src - (start + i)) >>> 0;
    dest >>>= 2;
    dest = ((((0 - ((dest >>> 22) & 1)) << 22) & 0x3fffffff) | (dest & 0x3fffff) | 0x40000000) >>> 0;
    data[i] = dest >>> 24;
    data[i + 1] = (dest >>> 16) & 0xff;
    data[i + 2] = (dest >>> 8) & 0xff;
    data[i + 3] = dest & 0xff;
  }
}

// ARM64: BL (26-bit word offset) and ADRP (21-bit page offset, converted only within +-512 MiB).
function arm64(data: Uint8Array, start: number): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    const pc = (start + i) >>> 0;
    let insn = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    if (insn >>> 26 === 0x25) {
      const dest = ((insn & 0x03ffffff) - (pc >>> 2)) >>> 0;
      insn = (0x94000000 | (dest & 0x03ffffff)) >>> 0;
    } else if ((insn & 0x9f000000) >>> 0 === 0x90000000) {
      const src = ((insn >>> 29) & 3) | ((insn >>> 3) & 0x001ffffc);
      if (((src + 0x00020000) & 0x001c0000) !== 0) continue;
      const dest = (src - (pc >>> 12)) >>> 0;
      insn = ((insn & 0x9000001f) | ((dest & 3) << 29) | ((dest & 0x0003fffc) << 3) | ((0 - (dest & 0x00020000)) & 0x00e00000)) >>> 0;
    } else {
      continue;
    }
    data[i] = insn & 0xff;
    data[i + 1] = (insn >>> 8) & 0xff;
    data[i + 2] = (insn >>> 16) & 0xff;
    data[i + 3] = insn >>> 24;
  }
}

const BCJ: Record<number, FilterDecode> = { 0x04: x86, 0x05: powerpc, 0x07: arm, 0x08: armThumb, 0x09: sparc, 0x0a: arm64 };

/** The decoder for a non-last filter, from its ID and properties; throws for unsupported filters. */
export function filterFor(id: number, props: Uint8Array): BlockFilter {
  if (id === 0x03) {
    if (props.length !== 1) throw new FormatError('xz: Delta filter needs one property byte');
    return delta(props[0]! + 1);
  }
  const fn = BCJ[id];
  if (!fn) throw new FormatError(`xz: unsupported filter 0x${id.toString(16)}`);
  if (props.length !== 0 && props.length !== 4) throw new FormatError('xz: BCJ filter properties must be 0 or 4 bytes');
  const start = props.length === 4 ? (props[0]! | (props[1]! << 8) | (props[2]! << 16) | (props[3]! << 24)) >>> 0 : 0;
  return (data) => fn(data, start);
}
