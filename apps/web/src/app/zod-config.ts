import { z } from 'zod';

// Zod compiles fast object parsers with `new Function` when it may; our CSP (`script-src 'self'`)
// forbids eval, and even zod's guarded probe is reported as a violation. Must run before any
// schema is created, so main.tsx imports this module first.
z.config({ jitless: true });
