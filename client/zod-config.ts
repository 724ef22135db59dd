// Imported first by main.tsx. zod 4 probes `new Function` once to decide whether
// to JIT-compile object parsers; under our CSP (script-src 'self', no
// 'unsafe-eval') that probe is blocked and reported as a violation on every
// load. Jitless parsing is plenty fast for form input and pulled cells.
import { z } from 'zod';

z.config({ jitless: true });
