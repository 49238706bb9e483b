// `--output FILE`: the result is written whole to a temporary file beside FILE and renamed into place, so a
// failure never leaves a partial file that could pass for a complete one, and an existing FILE stays as it was;
// a FILE that is replaced keeps its permissions. The result may come in pieces (a large JSON result is produced
// while it is written), each written as it comes.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

/** Runs a file-system step; its failure is an OutputError naming the file. */
function attempt<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new OutputError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Writes every piece to an open file, all of its bytes (a device or a pipe may take a piece in parts). */
function writePieces(file: string, descriptor: number, pieces: Iterable<string>): void {
  // The pieces are produced here, outside `attempt`: a failure to produce them is not a failure to write.
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    let written = 0;
    while (written < bytes.length)
      written += attempt(file, () => writeSync(descriptor, bytes, written, bytes.length - written));
  }
}

/** Opens `path` with `flags`, writes the pieces and closes it, also when a piece fails. */
function writeFile(file: string, path: string, flags: string, pieces: Iterable<string>): void {
  const descriptor = attempt(file, () => openSync(path, flags));
  try {
    writePieces(file, descriptor, pieces);
  } finally {
    attempt(file, () => closeSync(descriptor));
  }
}

/**
 * Writes `text` (one string or its pieces, in order) to `file` atomically (rename on the same file system);
 * throws an OutputError when the file cannot be written, and lets through an error raised by the pieces.
 */
export function writeWhole(file: string, text: string | Iterable<string>): void {
  const pieces = typeof text === 'string' ? [text] : text;
  const existing = attempt(file, () => statSync(file, { throwIfNoEntry: false }));
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${file}: it is a folder`);
  if (existing !== undefined && !existing.isFile()) {
    // A device or a pipe (/dev/stdout, a FIFO) is written as it is: renaming over it would replace it.
    writeFile(file, file, 'w', pieces);
    return;
  }
  let temporary: string | undefined;
  try {
    // A symbolic link stays a link: the file it points to is the one replaced.
    const target = existing === undefined ? file : attempt(file, () => realpathSync(file));
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFile(file, temporary, 'wx', pieces);
    const written = temporary;
    // The replaced file keeps its permissions (a report shared with a group, a script kept executable).
    if (existing !== undefined) attempt(file, () => chmodSync(written, existing.mode & 0o7777));
    attempt(file, () => renameSync(written, target));
  } catch (error) {
    if (temporary !== undefined) rmSync(temporary, { force: true });
    throw error;
  }
}
