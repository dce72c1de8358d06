/**
 * prom-client's metric classes, imported from their own files. Its index also loads its default
 * process metrics, its cluster aggregator and its Pushgateway client (with https), which the
 * server never uses (issue 18, empty-server memory).
 */
import type * as Prom from 'prom-client'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const Registry: typeof Prom.Registry = require('prom-client/lib/registry')
export const Counter: typeof Prom.Counter = require('prom-client/lib/counter')
export const Gauge: typeof Prom.Gauge = require('prom-client/lib/gauge')
export const Histogram: typeof Prom.Histogram = require('prom-client/lib/histogram')
export type Registry = Prom.Registry
