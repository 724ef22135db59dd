// Starts a real server process on a free loopback port (PORT=0) with its own
// data directory, and waits for the line that announces its URL. Used by the
// process-level tests here and by the browser tests in e2e/.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends a signal and resolves with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

const URL_LINE = /PackYourBag is running at (http:\/\/\S+)/;

export function spawnServer(options: {
  command: string;
  args: string[];
  dataDir: string;
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      PYB_DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const stop: RunningServer['stop'] = async (signal = 'SIGTERM') => {
    const started = Date.now();
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const code = await exited;
    return { code, ms: Date.now() - started };
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`server did not start within ${options.timeoutMs ?? 20_000} ms:\n${output}`),
      );
    }, options.timeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${output}`));
    });
  });
}

/** Runs a server command to completion (for start-up failures); returns its exit code and output. */
export function runToExit(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
