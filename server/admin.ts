// The admin command's entry point (bundled to dist/server/admin.js); see admin/cli.ts.
import { runAdmin } from './admin/cli';

process.exitCode = await runAdmin(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
