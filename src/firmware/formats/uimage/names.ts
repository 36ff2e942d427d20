// Names of the legacy uImage header's enumerations, as u-boot's include/image.h numbers them and as
// `dumpimage -l` prints them (the long names of u-boot's image.c tables), so our log reads like the tool.
import type { PayloadCodec } from '../../container/payload.js';

const OS: readonly string[] = [
  'Invalid OS', 'OpenBSD', 'NetBSD', 'FreeBSD', '4_4BSD', 'Linux', 'SVR4', 'Esix', 'Solaris', 'Irix', 'SCO', 'Dell', 'NCR',
  'LynxOS', 'VxWorks', 'pSOS', 'QNX', 'U-Boot', 'RTEMS', 'ARTOS', 'Unity OS', 'INTEGRITY', 'Enea OSE', 'Plan 9', 'OpenRTOS',
  'ARM Trusted Firmware', 'Trusted Execution Environment', 'RISC-V OpenSBI', 'EFI Firmware',
];

const ARCH: readonly string[] = [
  'Invalid ARCH', 'Alpha', 'ARM', 'Intel x86', 'IA64', 'MIPS', 'MIPS 64 Bit', 'PowerPC', 'IBM S390', 'SuperH', 'SPARC',
  'SPARC 64 Bit', 'M68K', 'Nios-32', 'MicroBlaze', 'NIOS II', 'Blackfin', 'AVR32', 'ST200', 'Sandbox', 'NDS32',
  'OpenRISC 1000', 'AArch64', 'ARC', 'AMD x86_64', 'Xtensa', 'RISC-V',
];

const TYPE: readonly string[] = [
  'Invalid Image', 'Standalone Program', 'Kernel Image', 'RAMDisk Image', 'Multi-File Image', 'Firmware', 'Script',
  'Filesystem Image', 'Flat Device Tree', 'Kirkwood Boot Image', 'Freescale i.MX Boot Image', 'Davinci UBL image',
  'TI OMAP SPL With GP CH', 'Davinci AIS image', 'Kernel Image (no loading done)', 'Freescale PBL Boot Image',
  'Freescale MXS Boot Image', 'TI Keystone SPL Image', 'ATMEL ROM-Boot Image', 'Altera SoCFPGA CV/AV preloader',
  'x86 setup.bin', 'LPC32XX Boot Image', 'A list of typeless images', 'Rockchip Boot Image', 'Rockchip SD Boot Image',
  'Rockchip SPI Boot Image', 'Xilinx Zynq Boot Image', 'Xilinx ZynqMP Boot Image', 'Xilinx ZynqMP Boot Image (bif)',
  'FPGA Image', 'Vybrid Boot Image', 'Trusted Execution Environment Image', 'Firmware with HABv4 IVT',
  'TI Power Management Micro-Controller Firmware', 'STMicroelectronics STM32 Image', 'Altera SoCFPGA A10 preloader',
  'MediaTek BootROM loadable Image', 'NXP i.MX8M Boot Image', 'NXP i.MX8 Boot Image', 'Coprocessor Image',
  'Allwinner eGON Boot Image',
];

const COMP: readonly string[] = ['uncompressed', 'gzip compressed', 'bzip2 compressed', 'lzma compressed', 'lzo compressed', 'lz4 compressed', 'zstd compressed'];

/**
 * Codec per IH_COMP value. u-boot's lzma is the .lzma "alone" stream with its 13-byte header, lz4 the frame
 * format, lzo the lzop file format (mkimage expects `lzop` output).
 */
const CODEC: readonly (PayloadCodec | undefined)[] = [undefined, 'gzip', 'bzip2', 'lzma', 'lzop', 'lz4-frame', 'zstd'];

export const IH_TYPE_MULTI = 4;
export const IH_COMP_COUNT = COMP.length;

function name(table: readonly string[], value: number): string {
  return table[value] ?? `Unknown (${value})`;
}

export const osName = (v: number): string => name(OS, v);
export const archName = (v: number): string => name(ARCH, v);
export const typeName = (v: number): string => name(TYPE, v);
export const compName = (v: number): string => name(COMP, v);
export const compCodec = (v: number): PayloadCodec | undefined => CODEC[v];
