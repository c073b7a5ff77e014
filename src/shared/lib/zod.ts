/**
 * zod, configured once for every schema in the app: each module that builds or names a schema imports
 * `z` from here, never from 'zod' (ESLint keeps it so), so the configuration is in place before the
 * first schema is made, whichever module the page, a worker or the command line loads first.
 *
 * `jitless`: zod 4 otherwise compiles object parsers with `new Function`, and probes for it once when
 * the first object schema is made. Under the app's CSP (no 'unsafe-eval', Trusted Types required for
 * script) the probe is refused and logged as a violation, though zod then parses without it anyway.
 * Interpreted parsing is what runs under the CSP either way; jitless says so up front.
 */
import { z } from 'zod'

z.config({ jitless: true })

export { z }
