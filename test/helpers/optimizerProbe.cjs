// Preloaded into a server process run with --allow-natives-syntax (test/integration/startupFlags.test.ts):
// once the server says it is open, runs a hot function until V8's optimizing compiler (TurboFan)
// has optimized it, or for 5 s, and prints "optimizer: on" or "optimizer: off". It runs in
// slices, so that an optimization compiled on a helper thread is installed on a loaded machine.
const TURBOFANNED = 1 << 4
const hot = new Function('a', 'let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2; return s')
const status = new Function('f', 'return %GetOptimizationStatus(f)')
const log = console.log
console.log = (...args) => {
  log(...args)
  if (typeof args[0] !== 'string' || !args[0].includes(' open http')) return
  console.log = log
  const values = Array.from({ length: 1000 }, (_, i) => i)
  const deadline = Date.now() + 5000
  const slice = () => {
    for (let i = 0; i < 2000; i++) hot(values)
    const on = (status(hot) & TURBOFANNED) !== 0
    if (on || Date.now() > deadline) log(`optimizer: ${on ? 'on' : 'off'}`)
    else setTimeout(slice, 5)
  }
  setImmediate(slice)
}
