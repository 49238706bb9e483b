// `--output FILE`: the result is written whole to a temporary file beside FILE and renamed into place, so a
// failure never leaves a partial file that could pass for a complete one, and an existing FILE stays as it was;
// a FILE that is replaced keeps its permissions.
import { randomBytes } from 'node:crypto';
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

/** Writes `text` to `file` atomically (rename on the same file system); throws an OutputError on failure. */
export function writeWhole(file: string, text: string): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${file}: it is a folder`);
  if (existing !== undefined && !existing.isFile()) {
    // A device or a pipe (/dev/stdout, a FIFO) is written as it is: renaming over it would replace it.
    try {
      writeFileSync(file, text);
    } catch (error) {
      throw new OutputError(`cannot write ${file}: ${(error as Error).message}`);
    }
    return;
  }
  let temporary: string | undefined;
  try {
    // A symbolic link stays a link: the file it points to is the one replaced.
    const target = existing === undefined ? file : realpathSync(file);
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temporary, text, { flag: 'wx' });
    // The replaced file keeps its permissions (a report shared with a group, a script kept executable).
    if (existing !== undefined) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    if (temporary !== undefined) rmSync(temporary, { force: true });
    throw new OutputError(`cannot write ${file}: ${(error as Error).message}`);
  }
}
