#!/usr/bin/env node
/**
 * Lists product files over MAX_FILE_LINES lines and functions over MAX_FUNCTION_LINES lines
 * (declarations, methods, arrow functions and function expressions, measured with the
 * TypeScript parser). A function may be longer when a comment in the 3 lines above it says why
 * (`long-function:` followed by the reason). Exit code 1 when anything is over.
 *
 *   node scripts/checkSizes.mjs [root]
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 80
const FOLDERS = ['client', 'server', 'shared', 'scripts']
const EXTENSIONS = new Set(['.ts', '.tsx', '.mjs'])

function* sourceFiles(dir) {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(p)
    else if (EXTENSIONS.has(path.extname(entry.name))) yield p
  }
}

function isFunction(node) {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)
}

function functionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  return '(anonymous)'
}

export function checkSizes(root) {
  const over = []
  for (const folder of FOLDERS) {
    for (const file of sourceFiles(path.join(root, folder))) {
      const text = fs.readFileSync(file, 'utf8')
      const lines = text.split('\n')
      const rel = path.relative(root, file)
      if (lines.length > MAX_FILE_LINES) over.push(`${rel}: file of ${lines.length} lines (max ${MAX_FILE_LINES})`)
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
      const visit = (node) => {
        if (isFunction(node) && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
          const end = source.getLineAndCharacterOfPosition(node.end).line
          const length = end - start + 1
          const above = lines.slice(Math.max(0, start - 3), start + 1).join('\n')
          if (length > MAX_FUNCTION_LINES && !/long-function:/.test(above)) {
            over.push(`${rel}:${start + 1}: function ${functionName(node)} of ${length} lines (max ${MAX_FUNCTION_LINES})`)
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
  }
  return over
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const over = checkSizes(path.resolve(process.argv[2] ?? '.'))
  for (const line of over) console.log(line)
  console.log(over.length === 0 ? 'No file or function over its size.' : `${over.length} over their size.`)
  process.exit(over.length === 0 ? 0 : 1)
}
