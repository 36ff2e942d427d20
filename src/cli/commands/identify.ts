import type { Command } from 'commander';
import type { CommandModule } from '../command.js';
import { layerTree } from '../firmware/layer-tree.js';
import { addLimitOptions } from '../firmware/options.js';
import { unpackForCli, type UnpackCliOptions } from '../firmware/run.js';
import { palette, type Io } from '../io.js';
import { SUMMARIES } from './summaries.js';

interface IdentifyOptions extends UnpackCliOptions {
  readonly json?: boolean;
}

/** `iotcop identify <image>`: the layer tree with offsets, lengths, formats, unknown regions and errors. */
export const identifyCommand: CommandModule = {
  register(program: Command, io: Io) {
    const command = program
      .command('identify')
      .description(SUMMARIES.identify)
      .addHelpText('after', `
Examples:
  $ iotcop identify router.bin                 the layer tree: uImage > lzma > squashfs, carved regions, entropy
  $ iotcop identify flash-dump.bin --json      the unpack log as JSON (layers, unknown regions)`)
      .argument('<image>', 'firmware image or archive')
      .option('--json', 'the unpack log as JSON')
      .option('--deep', 'also look inside files of the trees for archives and filesystems')
      .option('-q, --quiet', 'no progress bar');
    addLimitOptions(command).action(async (image: string, options: IdentifyOptions) => {
      const evidence = await unpackForCli(image, options, io);
      if (options.json) io.out(`${JSON.stringify(evidence.log, null, 2)}\n`);
      else io.out(`${layerTree(evidence.log, palette(io)).join('\n')}\n`);
    });
  },
};
