// The server's bundle entry (dist/server/main.js, what `npm start` and the image run).
// It tells V8 to favour memory over speed before anything else loads, then starts the
// server (main.ts). On a small machine memory is the limit: a sign-in's password hash
// takes 64 MiB outside the heap, and with V8's defaults the heap keeps a young
// generation of up to 32 MiB plus the garbage of earlier requests around it; with this
// flag the server peaks at about 175 MiB instead of 195 MiB while ten sign-ins arrive
// during a first sync (scripts/bench-memory.ts). Set here, in code, so every way of
// starting the server gets it; it must run before the other modules load, hence the
// dynamic import. (A command-line flag would do more, but would have to be repeated in
// every launcher: npm start, the image, systemd units, the test support.)
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--optimize-for-size');
await import('./main');
