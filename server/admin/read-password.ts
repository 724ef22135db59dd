// A new password for `create-user` and `reset-password`: one line from standard input
// when it is not a terminal (`echo "$PW" | npm run admin -- reset-password …`, or a
// secret file), else typed twice at a prompt that does not echo. Never printed.
import type { Readable, Writable } from 'node:stream';

export type PasswordInput = Readable & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };

export async function readNewPassword(input: PasswordInput, output: Writable): Promise<string> {
  if (!input.isTTY) return firstLine(input);
  const first = await promptHidden(input, output, 'New password: ');
  const again = await promptHidden(input, output, 'Type it again: ');
  if (first !== again) throw new Error('The two passwords differ.');
  return first;
}

/** The first line of the stream (without its line ending), or all of it without one. */
function firstLine(input: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = () => {
      input.off('data', onData);
      input.off('end', done);
      input.off('error', reject);
      input.pause();
      resolve(text.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (text.includes('\n')) done();
    };
    input.on('data', onData);
    input.once('end', done);
    input.once('error', reject);
  });
}

/** Reads one line in raw mode, echoing nothing; Ctrl+C or Ctrl+D gives up. */
function promptHidden(input: PasswordInput, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
