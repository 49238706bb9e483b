// The text encoding of a CSV file. Spreadsheets on Western Windows save "CSV" in Windows-1252 (`é` is the one
// byte 0xE9), which read as UTF-8 would turn every accented letter into U+FFFD without a word. The encoding is
// decided at the file's first byte outside ASCII (the two agree on everything before it), from the rest of
// the chunk that holds it: UTF-8 when most of its other characters are, Windows-1252 otherwise, with a warning
// naming the file.
import { isAscii } from 'node:buffer';

/** What was decided about a file's encoding, filled in while it is read. */
export interface EncodingState {
  /** `undefined` while the file has been ASCII so far. */
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | undefined;
  /** A UTF-8 file turned out to hold bytes that are not UTF-8 (read as U+FFFD). */
  invalid: boolean;
}

function firstNonAscii(bytes: Buffer): number {
  if (isAscii(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

/**
 * Whether bytes from the first one outside ASCII read as UTF-8: more of their characters outside ASCII are
 * valid UTF-8 than not. Windows-1252 text almost never makes a valid UTF-8 sequence (`é` alone is 0xE9, a lead
 * byte missing its continuation), and a UTF-8 file with one stray byte is still UTF-8. Undefined when the
 * bytes tell nothing yet (a character cut at their end, which the next chunk completes).
 */
function verdict(bytes: Uint8Array, final: boolean): 'utf-8' | 'windows-1252' | undefined {
  let valid = 0;
  let invalid = 0;
  for (const char of new TextDecoder('utf-8').decode(bytes, { stream: !final })) {
    if (char === '\ufffd') invalid++;
    else if (char >= '\u0080') valid++;
  }
  if (valid + invalid === 0) return undefined;
  return valid > invalid ? 'utf-8' : 'windows-1252';
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (WHATWG's index; five bytes it leaves undefined stay
 * control characters). The other bytes are Latin-1's. Node 20's TextDecoder('windows-1252') reads these
 * bytes as Latin-1 control characters, so that `€` (0x80) and `–` (0x96) would be lost.
 */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (char) => C1[char.charCodeAt(0) - 0x80] as string);
}

/**
 * The bytes of a CSV file as UTF-8 (or UTF-16 with its byte-order mark, left as it is): Windows-1252 text is
 * converted. `warn` is called once when the file is read as Windows-1252.
 */
export async function* utf8Chunks(
  source: AsyncIterable<Buffer>,
  state: EncodingState,
  warn: () => void,
): AsyncGenerator<Buffer> {
  const check = new TextDecoder('utf-8', { fatal: true });
  const decide = (bytes: Buffer, at: number, final: boolean): boolean => {
    state.encoding = verdict(bytes.subarray(at), final);
    if (state.encoding === 'windows-1252') warn();
    return state.encoding !== undefined;
  };
  const converted = (bytes: Buffer): Buffer => {
    if (state.encoding === 'windows-1252') return Buffer.from(windows1252(bytes), 'utf8');
    if (state.encoding === 'utf-8' && !state.invalid) {
      try {
        check.decode(bytes, { stream: true });
      } catch {
        state.invalid = true;
      }
    }
    return bytes;
  };
  // The chunk whose first byte outside ASCII tells nothing yet, held until the next one completes it.
  let held: Buffer | undefined;
  let first = true;
  for await (const piece of source) {
    const chunk = held === undefined ? piece : Buffer.concat([held, piece]);
    held = undefined;
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) state.encoding = 'utf-16le';
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) state.encoding = 'utf-8';
    }
    const at = state.encoding === undefined ? firstNonAscii(chunk) : -1;
    if (at !== -1 && !decide(chunk, at, false)) {
      held = chunk;
      continue;
    }
    yield converted(chunk);
  }
  if (held !== undefined) {
    decide(held, firstNonAscii(held), true);
    yield converted(held);
  }
  if (state.encoding === 'utf-8' && !state.invalid) {
    try {
      check.decode();
    } catch {
      state.invalid = true;
    }
  }
}
