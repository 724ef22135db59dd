// zod as the client build sees it: vite.config.ts aliases every `import … from 'zod'` in
// the client to this module, so the config below runs before any module that uses zod,
// whichever lazily loaded chunk (writes, accounts, sync) brings zod in first.
//
// zod 4 probes `new Function` once to decide whether to JIT-compile object parsers; under
// our CSP (script-src 'self', no 'unsafe-eval') that probe is blocked and reported as a
// violation on every load. Jitless parsing is plenty fast for form input and pulled cells.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
