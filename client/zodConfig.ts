// zod 4 probes for eval (`Function('')`) to compile parsers; our CSP forbids eval, and the probe,
// though caught, is reported as a CSP violation. Imported first by main.tsx: ES modules are
// evaluated in import order, and any module that parses at load time would probe before a
// later `z.config` call.
import { z } from 'zod'

z.config({ jitless: true })
