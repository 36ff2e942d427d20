import type { Command } from 'commander';
import type { CommandModule } from '../command.js';
import { addLimitOptions } from '../firmware/options.js';
import { unpackForCli, type UnpackCliOptions } from '../firmware/run.js';
import { palette, type Io } from '../io.js';
import { writeOutput } from '../output.js';
import { VERSION } from '../version.js';
import { parseNow } from './assess.js';
import { SUMMARIES } from './summaries.js';

interface SbomCliOptions extends UnpackCliOptions {
  readonly out?: string;
  readonly now?: string;
  readonly json?: boolean;
}

async function runSbom(image: string, options: SbomCliOptions, io: Io): Promise<void> {
  const timestamp = parseNow(options.now);
  // Loaded when used: the CycloneDX library and the component analysis are not needed by other commands.
  const { sbomJson, sbomOfImage } = await import('../../sbom/index.js');
  // As `iotcop assess` sees an image: packages and archives inside the trees are unpacked too.
  const evidence = await unpackForCli(image, { ...options, deep: true }, io, { hash: true });
  const bom = await sbomOfImage(evidence, { toolVersion: VERSION, ...(timestamp ? { timestamp } : {}) });
  const text = sbomJson(bom);
  const p = palette(io);
  if (evidence.filesystems.length === 0 && !options.quiet) {
    io.err(`${p.yellow('warning')} no filesystem could be unpacked from ${image}: the SBOM lists only what the unpack log shows (kernels)\n`);
  }
  if (!options.out) {
    io.out(text);
    return;
  }
  await writeOutput(options.out, text);
  if (!options.quiet) io.err(`${options.out}: CycloneDX 1.6 SBOM, ${bom.components?.length ?? 0} components\n`);
}

/** `iotcop sbom <image>`: the CycloneDX 1.6 SBOM of a firmware image or extracted root filesystem. */
export const sbomCommand: CommandModule = {
  register(program: Command, io: Io) {
    const command = program
      .command('sbom')
      .description(SUMMARIES.sbom)
      .addHelpText('after', `
Examples:
  $ iotcop sbom router.bin > router.cdx.json          on stdout
  $ iotcop sbom rootfs/ --out sbom.cdx.json           an extracted root filesystem, into a file
  $ iotcop sbom router.bin --now 2026-01-01           with that date as the timestamp (reproducible output)`)
      .argument('<image>', 'firmware image, archive or directory holding an extracted root filesystem')
      .option('--out <file>', 'write the SBOM to this file instead of stdout')
      .option('--now <date>', 'timestamp the SBOM with this date (YYYY-MM-DD or ISO); without it there is no timestamp')
      .option('--json', 'errors as JSON too (the SBOM is JSON either way)')
      .option('-q, --quiet', 'no progress bar and no summary');
    addLimitOptions(command).action(async (image: string, options: SbomCliOptions) => {
      await runSbom(image, options, io);
    });
  },
};
