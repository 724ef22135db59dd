// The server's bundle entry (dist/server/main.js, what `npm start` and the image run).
// It tells V8 to favour memory over speed before anything else loads, then starts the
// server (main.ts). On a small machine memory is the limit: a sign-in's password hash
// takes 64 MiB outside the heap, and with V8's defaults the heap keeps a young
// generation of up to 32 MiB plus the garbage of earlier requests around it; with this
// flag the server peaks at about 175 MiB instead of 195 MiB while ten sign-ins arrive
// during a first sync (scripts/bench-memory.ts). Set here, in code, so every launcher of
// the built server gets it (npm start, the image, the benches and e2e tests); tests that
// start server/main.ts from source run without it. It must run before the other modules
// load, hence the dynamic import. Set at run time it does only part of what the
// command-line flag does (V8 sizes some spaces at start), but needs no launcher to
// repeat it.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--optimize-for-size');
await import('./main');
