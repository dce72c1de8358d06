// Preloaded into a server process run with --allow-natives-syntax (test/integration/startupFlags.test.ts):
// once the server says it is open, runs a hot function many times and prints whether V8's
// optimizing compiler (TurboFan) optimized it: "optimizer: on" or "optimizer: off".
/* eslint-disable */
const TURBOFANNED = 1 << 4
const hot = new Function('a', 'let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2; return s')
const status = new Function('f', 'return %GetOptimizationStatus(f)')
const log = console.log
console.log = (...args) => {
  log(...args)
  if (typeof args[0] === 'string' && args[0].includes(' open http')) {
    console.log = log
    setImmediate(() => {
      const values = Array.from({ length: 1000 }, (_, i) => i)
      for (let i = 0; i < 50000; i++) hot(values)
      log(`optimizer: ${status(hot) & TURBOFANNED ? 'on' : 'off'}`)
    })
  }
}
