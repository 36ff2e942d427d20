import type { Command } from 'commander';
import type { CommandModule } from '../command.js';
import { addLimitOptions } from '../firmware/options.js';
import { jsonEntry, longLines } from '../firmware/listing.js';
import { requireTrees, unpackForCli, type UnpackCliOptions } from '../firmware/run.js';
import type { Io } from '../io.js';
import { SUMMARIES } from './summaries.js';

interface LsOptions extends UnpackCliOptions {
  readonly long?: boolean;
  readonly json?: boolean;
}

/** `iotcop ls <image>`: every entry of every filesystem or archive in the image. */
export const lsCommand: CommandModule = {
  register(program: Command, io: Io) {
    const command = program
      .command('ls')
      .description(SUMMARIES.ls)
      .addHelpText('after', `
Examples:
  $ iotcop ls rootfs.squashfs -l               like unsquashfs -ll
  $ iotcop ls firmware.bin --json | jq '.[] | select(.type == "symlink")'`)
      .argument('<image>', 'firmware image, archive or extracted directory')
      .option('-l, --long', 'one line per entry with mode, owner, size and time (like ls -l)')
      .option('--json', 'a JSON array of {path, type, mode, uid, gid, size, target, layer}')
      .option('--deep', 'also unpack archives and filesystems found inside files of the trees')
      .option('-q, --quiet', 'no progress bar');
    addLimitOptions(command).action(async (image: string, options: LsOptions) => {
      const evidence = await unpackForCli(image, options, io);
      requireTrees(evidence);
      if (options.json) {
        const all = evidence.filesystems.flatMap((fs) => fs.entries().map(jsonEntry));
        io.out(`${JSON.stringify(all, null, 2)}\n`);
        return;
      }
      const several = evidence.filesystems.length > 1;
      evidence.filesystems.forEach((fs, i) => {
        if (several) io.out(`${i > 0 ? '\n' : ''}${fs.layer}:\n`);
        const lines = options.long ? longLines(fs.entries()) : fs.entries().map((e) => e.path);
        if (lines.length > 0) io.out(`${lines.join('\n')}\n`);
      });
    });
  },
};
