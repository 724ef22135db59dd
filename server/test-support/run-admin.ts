// Runs `npm run admin` in process with this environment and stdin, capturing what it
// prints (the tests of server/admin/).
import { Readable, Writable } from 'node:stream';
import { runAdmin } from '../admin/cli';
import { TEST_SCRYPT } from './fixture';

export async function runAdminCaptured(
  env: Record<string, string>,
  argv: string[],
  stdin = '',
  now?: () => number,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        write(chunk.toString('utf8'));
        done();
      },
    });
  const code = await runAdmin(argv, {
    env,
    stdin: Readable.from([stdin]),
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    scrypt: TEST_SCRYPT,
    ...(now ? { now } : {}),
  });
  return { code, out, err };
}
