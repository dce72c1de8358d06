#!/usr/bin/env node
// Finds import cycles among the repository's own TypeScript/JavaScript modules.
// Plain Node, no dependency: it reads `import … from '…'`, `export … from '…'`, side-effect
// `import '…'` and dynamic `import('…')` of relative paths, resolves them the way the bundler and
// tsc do (.js → .ts/.tsx, extensionless, index files), and prints every cycle with its files.
// Usage: node scripts/checkImportCycles.mjs [root] [dir …]   (exit 1 when a cycle exists)
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx'];
const DEFAULT_DIRS = ['client', 'server', 'shared', 'scripts'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

const IMPORT_PATTERNS = [
  // import x from '…', import { a } from '…', import type … from '…', export … from '…'
  /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  // import '…' (side effect)
  /\bimport\s*['"]([^'"]+)['"]/g,
  // import('…')
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function listSources(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (SOURCE_EXTENSIONS.includes(extname(entry.name)) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function resolveImport(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  const ext = extname(base);
  const stem = ['.js', '.jsx', '.mjs'].includes(ext) ? base.slice(0, -ext.length) : base;
  const candidates = [base];
  for (const e of SOURCE_EXTENSIONS) candidates.push(stem + e);
  for (const e of SOURCE_EXTENSIONS) candidates.push(join(base, 'index' + e));
  return candidates.find(isFile) ?? null;
}

export function importsOf(file) {
  const text = stripComments(readFileSync(file, 'utf8'));
  const targets = new Set();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1];
      if (!specifier.startsWith('.')) continue;
      const target = resolveImport(file, specifier);
      if (target) targets.add(target);
    }
  }
  return [...targets];
}

/** Strongly connected components (Tarjan) of more than one file, or a file importing itself. */
export function findCycles(files) {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (start) => {
    // Iterative Tarjan so deep import chains cannot overflow the call stack.
    const work = [[start, 0]];
    indices.set(start, index);
    low.set(start, index);
    index += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1] += 1;
        const next = edges[i];
        if (!graph.has(next)) continue;
        if (!indices.has(next)) {
          indices.set(next, index);
          low.set(next, index);
          index += 1;
          stack.push(next);
          onStack.add(next);
          work.push([next, 0]);
        } else if (onStack.has(next)) {
          low.set(node, Math.min(low.get(node), indices.get(next)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indices.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = component.length === 1 && edges.includes(node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  };
  for (const file of files) if (!indices.has(file)) visit(file);
  return cycles;
}

function main() {
  const [rootArg, ...dirArgs] = process.argv.slice(2);
  const root = resolve(rootArg ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const dirs = dirArgs.length > 0 ? dirArgs : DEFAULT_DIRS;
  const files = dirs.flatMap((d) => listSources(join(root, d)));
  const cycles = findCycles(files);
  if (cycles.length === 0) {
    console.log(`No import cycle among ${files.length} files.`);
    return 0;
  }
  for (const [n, cycle] of cycles.entries()) {
    console.log(`Import cycle ${n + 1} (${cycle.length} files):`);
    for (const file of cycle) console.log(`  ${relative(root, file)}`);
  }
  console.log(`${cycles.length} import cycle(s) found.`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
