// Reads a HAR file for `explain`: file errors and JSON syntax errors become CliErrors that name
// the file and the line, so the user never sees a stack trace.
import { readFile } from 'node:fs/promises';
import { harToCalls, HarFormatError } from '../shared/har-to-calls';
import type { ObservedCall } from '../shared/observed-call';
import { CliError } from './cli-error';
import { jsonErrorOffset } from './json-error-offset';

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse, with syntax errors turned into "line N" messages. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = text.trim() === '' ? null : jsonErrorOffset(text);
    const where = offset === null ? 'the file is empty' : `line ${lineOf(text, offset)}`;
    // V8's message quotes a snippet of the text; on a HAR that is noise, so keep the token only.
    const reason = /^Unexpected (token '?[^',\s]*'?|end of JSON input|non-whitespace character)/.exec(message)?.[0] ?? 'syntax error';
    throw new CliError(`${file} is not valid JSON (${where}): ${reason}`);
  }
}

export async function readHarCalls(file: string): Promise<ObservedCall[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `cannot find ${file}`
        : code === 'EISDIR'
          ? `${file} is a folder, not a HAR file`
          : `cannot read ${file} (${code ?? 'unknown error'})`,
    );
  }
  const har = parseJson(text, file);
  try {
    return harToCalls(har);
  } catch (error) {
    if (error instanceof HarFormatError) throw new CliError(`${file} is not a HAR file we can read: ${error.message}`);
    throw error;
  }
}
