import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeEvidence, type WriteReport } from '../../firmware/index.js';
import { IotcopError } from '../../model/index.js';
import type { CommandModule } from '../command.js';
import { addLimitOptions } from '../firmware/options.js';
import { ProgressBar } from '../firmware/progress.js';
import { requireTrees, unpackForCli, type UnpackCliOptions } from '../firmware/run.js';
import { palette, type Io } from '../io.js';
import { SUMMARIES } from './summaries.js';

interface UnpackOptions extends UnpackCliOptions {
  readonly output: string;
  readonly force?: boolean;
  readonly owners?: boolean;
  readonly json?: boolean;
}

/** Refuses an output directory that has content unless --force; a missing one is created by the writer. */
function checkOutput(dir: string, force: boolean): void {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new IotcopError('ERR_OUTPUT_WRITE', `${dir} exists and is not a directory`);
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (names.length > 0 && !force) {
    throw new IotcopError('ERR_OUTPUT_WRITE', `output directory ${dir} is not empty`, { hint: 'Choose an empty directory, or pass --force to write into it.' });
  }
}

function summary(report: WriteReport): string {
  return `${report.files} files (${report.bytes} bytes), ${report.dirs} directories, ${report.symlinks} symlinks, ${report.hardlinks} hard links, ${report.specials} device/fifo/socket placeholders`;
}

/** `iotcop unpack <image> -o <dir>`: writes every filesystem and archive of the image to disk. */
export const unpackCommand: CommandModule = {
  register(program: Command, io: Io) {
    const command = program
      .command('unpack')
      .description(SUMMARIES.unpack)
      .addHelpText('after', `
Examples:
  $ iotcop unpack rootfs.squashfs -o rootfs    the tree, as unsquashfs -d rootfs would write it
  $ iotcop unpack firmware.bin -o out --deep   nested layers go into folders named <offset>-<format>`)
      .argument('<image>', 'firmware image or archive')
      .requiredOption('-o, --output <dir>', 'output directory (created if missing; must be empty unless --force)')
      .option('--deep', 'also unpack archives and filesystems found inside files of the trees')
      .option('-f, --force', 'write into a non-empty output directory, replacing files (never following symlinks)')
      .option('--owners', 'apply stored uid/gid (needs root)')
      .option('--json', 'print what was written as JSON')
      .option('-q, --quiet', 'no progress bar and no summary');
    addLimitOptions(command).action(async (image: string, options: UnpackOptions) => {
      checkOutput(options.output, options.force ?? false);
      const evidence = await unpackForCli(image, options, io, { hash: options.json ?? false });
      requireTrees(evidence);
      const bar = new ProgressBar(io, options.quiet ?? false);
      let report: WriteReport;
      try {
        report = await writeEvidence(evidence, options.output, {
          force: options.force ?? false, owners: options.owners ?? false,
          onProgress: (done, total) => bar.update('writing', done, total),
        });
      } finally {
        bar.clear();
      }
      const folders = report.folders.map((f) => ({ layer: f.layer, folder: resolve(options.output, f.dir) }));
      if (options.json) {
        io.out(`${JSON.stringify({ output: resolve(options.output), layers: folders, written: report, log: evidence.log }, null, 2)}\n`);
        return;
      }
      if (options.quiet) return;
      const p = palette(io);
      for (const f of folders) io.err(`${f.layer} -> ${f.folder}\n`);
      io.err(`wrote ${summary(report)}\n`);
      for (const w of report.warnings) io.err(`${p.yellow('warning')} ${w}\n`);
      for (const l of evidence.log.layers) if (l.error) io.err(`${p.red('layer error')} ${l.id}: ${l.error.code}: ${l.error.message}\n`);
      for (const r of evidence.log.unknown) {
        if (r.entropy >= 7.5) io.err(`${p.yellow('unknown')} ${r.layer ?? 'image'} 0x${r.offset.toString(16)}+0x${r.length.toString(16)}: entropy ${r.entropy.toFixed(2)}, compressed or encrypted data nobody could read\n`);
      }
    });
  },
};
