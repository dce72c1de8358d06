import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import './styles.css'
import { z } from 'zod'
import { App } from './App'

// zod 4 probes for eval (`Function('')`) to compile parsers; our CSP forbids eval, and the
// probe, though caught, is reported as a CSP violation on every page load.
z.config({ jitless: true })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
