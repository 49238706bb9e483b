// Reading a JSON array of records as a stream (@streamparser/json): each element is handed on as soon as its
// closing brace is read and then dropped by the parser, so neither the file's text nor the whole array is
// ever held. A mistake is reported as the record it is in, with its line and character where the parser
// tells its byte offset.
import { createReadStream } from 'node:fs';
import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import { InputError } from './errors.js';

/** One element of the array (a JSON object), with its position (1-based). */
export interface ArrayElement {
  readonly index: number;
  readonly value: object;
}

/** What went wrong, and at which byte of the file when known. */
interface Failure {
  readonly problem: string;
  readonly offset?: number | undefined;
  /** The record the failure is in; the one after the last element read when not given. */
  readonly record?: number | undefined;
}

const SHOWN: Partial<Record<TokenType, string>> = {
  [TokenType.LEFT_BRACE]: '{',
  [TokenType.RIGHT_BRACE]: '}',
  [TokenType.LEFT_BRACKET]: '[',
  [TokenType.RIGHT_BRACKET]: ']',
  [TokenType.COLON]: ':',
  [TokenType.COMMA]: ',',
};

const NOT_AN_ARRAY = 'must hold a JSON array of records ([{…}, {…}])';

const AFTER_THE_ARRAY = "has more after the array's closing ']': a JSON file holds one array of records";

/** What the parser expects in each of its states (its messages end `in state COLON`). */
const EXPECTED: Readonly<Record<string, string>> = {
  VALUE: 'a value',
  KEY: 'a field name in double quotes',
  COLON: "':'",
  COMMA: "',' or a closing bracket",
};

/** The one-line problem of a token that cannot come where it is, with the usual fix where one is clear. */
function tokenProblem(token: TokenType, value: unknown, previous: TokenType | undefined, message: string): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  const shown = SHOWN[token] ?? (text.length > 24 ? `${text.slice(0, 20)}…` : text);
  if ((token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) && previous === TokenType.COMMA)
    return `is not valid JSON: a comma before '${shown}': remove it (JSON allows no comma after the last item)`;
  if (token === TokenType.LEFT_BRACE && previous === TokenType.RIGHT_BRACE)
    return "is not valid JSON: a record follows another without a comma: separate the records with ','";
  const expected = EXPECTED[/in state (\w+)$/.exec(message)?.[1] ?? ''];
  return `is not valid JSON: unexpected '${shown}'${expected ? ` where ${expected} is expected` : ''}`;
}

/** The problem of a byte the tokenizer refuses, from its message (`Unexpected "x" at … position "12"`). */
function characterFailure(message: string): Failure {
  const match = /^Unexpected "([\s\S]*)" at chunk position "\d+" \(absolute position "(\d+)"\)/.exec(message);
  if (match === null) return { problem: `is not valid JSON: ${message}` };
  const offset = Number(match[2]);
  const char = match[1] as string;
  if (char === "'") return { problem: 'is not valid JSON: a single quote: JSON strings need double quotes', offset };
  const code = char.charCodeAt(0);
  const shown = code > 0x20 && code < 0x7f ? `'${char}'` : `the byte 0x${code.toString(16).padStart(2, '0')}`;
  return { problem: `is not valid JSON: unexpected ${shown}`, offset };
}

/** A failure raised inside the parser's callbacks, carried out of them. */
class Signal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.problem);
  }
}

function failureOf(error: unknown): Failure {
  if (error instanceof Signal) return error.failure;
  if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
    return { problem: 'is not valid UTF-8 text: save the file as UTF-8 (JSON files are UTF-8)' };
  return characterFailure((error as Error).message);
}

/**
 * The elements of the JSON array in `source` (the bytes of `file`), one at a time, as they are read; throws an
 * InputError naming the record (and its line) when the file is not one JSON array of objects.
 */
export async function* jsonArrayElements(file: string, source: AsyncIterable<Buffer>): AsyncGenerator<ArrayElement> {
  const tokenizer = new Tokenizer();
  let parser: TokenParser | undefined;
  /** Whether the file's value is an array; a file that is not is read to its end, to report invalid JSON first. */
  let array: boolean | undefined;
  let ready: ArrayElement[] = [];
  let read = 0;
  let depth = 0;
  let bom = 0;
  let previous: TokenType | undefined;
  let closed = false;
  const start = (token: TokenType): TokenParser => {
    array = token === TokenType.LEFT_BRACKET;
    // keepStack false: the parser forgets each element once it is handed on (and, with no paths to emit,
    // every value of a file that is not an array).
    const created = new TokenParser({ paths: array ? ['$.*'] : [], keepStack: false });
    created.onValue = ({ value }) => {
      read++;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Signal({ problem: 'must be a JSON object', record: read });
      ready.push({ index: read, value });
    };
    return created;
  };
  tokenizer.onToken = (info) => {
    const { token, value } = info;
    // The tokenizer counts its offsets after a byte-order mark.
    const offset = info.offset + bom;
    if (closed) {
      throw new Signal({
        problem: AFTER_THE_ARRAY,
        offset,
        record: 0,
      });
    }
    parser ??= start(token);
    const before = previous;
    previous = token;
    try {
      parser.write(info);
    } catch (error) {
      if (error instanceof Signal) throw error;
      const problem = tokenProblem(token, value, before, (error as Error).message);
      // A mistake between two records (a comma before the closing bracket) is in neither of them.
      throw new Signal({ problem, offset, record: depth === 1 && before === TokenType.COMMA ? 0 : undefined });
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth++;
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    if (depth > 0) return;
    closed = true;
    if (!array) {
      const what = token === TokenType.RIGHT_BRACE ? 'an object' : 'a single value';
      throw new Signal({
        problem: `${NOT_AN_ARRAY}, not ${what}; for one JSON object per line, give --format jsonl`,
        record: 0,
      });
    }
  };
  const fail = async (found: Failure): Promise<never> => {
    const record = array ? (found.record ?? read + 1) : 0;
    const where = found.offset === undefined ? undefined : await positionOf(file, found.offset);
    const location = record === 0 ? where : `record ${record}${where === undefined ? '' : ` (${where})`}`;
    throw new InputError(file, location, undefined, found.problem);
  };
  let failure: Failure | undefined;
  for await (const chunk of source) {
    if (parser === undefined && bom === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) bom = 3;
    try {
      tokenizer.write(chunk);
    } catch (error) {
      failure = failureOf(error);
      if (closed && !(error instanceof Signal)) failure = { ...failure, problem: AFTER_THE_ARRAY, record: 0 };
    }
    // The records read before a mistake come first, as they would from a CSV file.
    const batch = ready;
    ready = [];
    yield* batch;
    if (failure !== undefined) return await fail(failure);
  }
  // A number at the very end is only complete once the tokenizer is told the file is over.
  let midToken = false;
  try {
    tokenizer.end();
  } catch (error) {
    if (error instanceof Signal) failure = error.failure;
    else midToken = true;
  }
  yield* ready;
  if (failure !== undefined) return await fail(failure);
  if (closed) return;
  if (parser === undefined && !midToken)
    return await fail({ problem: 'is empty: a JSON array of records is expected ([] for none)' });
  if (!array || depth > 1 || midToken)
    return await fail({
      problem: `is not valid JSON: the file ends inside ${array ? 'this record' : 'a value'}: it is cut short, or a closing } ] or " is missing`,
    });
  const records = read === 0 ? '' : ` after ${read === 1 ? 'one record' : `${read} records`}`;
  return await fail({
    problem: `is not valid JSON: the file ends${records} without the array's closing ']': it is cut short`,
    record: 0,
  });
}

/** `line 7, character 12` of a byte offset, read again from the file (only when reporting a mistake). */
async function positionOf(file: string, offset: number): Promise<string | undefined> {
  let line = 1;
  let lineStart: Buffer[] = [];
  try {
    if (offset > 0) {
      for await (const chunk of createReadStream(file, { end: offset - 1 }) as AsyncIterable<Buffer>) {
        const last = chunk.lastIndexOf(0x0a);
        if (last === -1) {
          lineStart.push(chunk);
          continue;
        }
        for (let i = 0; i <= last; i++) if (chunk[i] === 0x0a) line++;
        lineStart = [chunk.subarray(last + 1)];
      }
    }
  } catch {
    return undefined;
  }
  const characters = [
    ...Buffer.concat(lineStart)
      .toString('utf8')
      .replace(/^\ufeff/, ''),
  ].length;
  return `line ${line}, character ${characters + 1}`;
}
