// Preloaded into a peer server under `bench/cpuPerMove.ts --cpu-prof`: the peers do not handle
// SIGTERM, and Node writes a --cpu-prof profile only when the process exits by itself.
process.on('SIGTERM', () => process.exit(0))
