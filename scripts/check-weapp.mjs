// The WeChat compiler gate: runs miniprogram-ci's compiler (getCompiledResult) and checkCodeQuality over
// dist/weapp, offline. A Project whose attr() answers miniprogram-ci's DefaultProjectAttr never asks WeChat's
// servers for the app's attributes, so this runs with no network and no upload key.
// Fails on any compile error, any failed quality item, a package over its budget, or a page whose single
// setData is over 256 KB (scripts/weapp-setdata.mjs runs every page as its user); prints sizes in KB.
import { createRequire } from 'node:module'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SETDATA_LIMIT, measureSetData, setDataTable } from './weapp-setdata.mjs'

const require = createRequire(import.meta.url)
const ci = require('miniprogram-ci')

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const projectPath = path.join(root, 'dist/weapp')

/** Budgets (KB). WeChat allows 2 MB per package; its audit warns above 1.5 MB; ours are tighter. */
export const BUDGET = { mainKB: 600, totalKB: 1536, subpackageKB: 2048 }

class OfflineProject extends ci.Project {
  async attr() {
    return ci.DefaultProjectAttr
  }
}

export async function checkWeapp({ quiet = false } = {}) {
  if (!existsSync(path.join(projectPath, 'app.json'))) {
    throw new Error('dist/weapp is missing: run npm run build:weapp first')
  }
  const appJson = JSON.parse(readFileSync(path.join(projectPath, 'app.json'), 'utf8'))
  const project = new OfflineProject({
    appid: process.env.WEAPP_APPID || 'touristappid',
    type: 'miniProgram',
    projectPath,
    // CIProject insists on an upload key; nothing is uploaded here, so a throwaway one stands in for it.
    privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString(),
    ignores: ['node_modules/**/*']
  })
  const log = quiet ? () => undefined : (s) => process.stdout.write(`${s}\n`)

  // 1. The official compiler. Throws on a compile error (bad WXML/WXSS/JSON/JS).
  const compiled = await ci.getCompiledResult(
    {
      project,
      version: '0.0.0',
      setting: { es6: true, es7: true, minify: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true }
    },
    undefined
  )

  // 2. Sizes of what would be uploaded, per package.
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'))
  const sizes = { main: 0 }
  for (const r of roots) sizes[r] = 0
  if (process.env.CHECK_WEAPP_LIST) {
    for (const [file, content] of Object.entries(compiled))
      log(`    ${file} ${typeof content === 'string' ? Buffer.byteLength(content) : content.length}`)
  }
  for (const [file, content] of Object.entries(compiled)) {
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length
    const sub = roots.find((r) => file.startsWith(r))
    sizes[sub ?? 'main'] += bytes
  }
  const kb = (b) => Math.round((b / 1024) * 10) / 10
  const totalBytes = Object.values(sizes).reduce((a, b) => a + b, 0)
  log('WeChat compiler: ok')
  log(`  main package: ${kb(sizes.main)} KB (budget ${BUDGET.mainKB} KB)`)
  for (const r of roots) log(`  subpackage ${r}: ${kb(sizes[r])} KB`)
  log(`  total: ${kb(totalBytes)} KB (budget ${BUDGET.totalKB} KB)`)

  // 3. The code-quality audit (the same items as DevTools' 代码质量 panel).
  const quality = await ci.checkCodeQuality(project)
  const failed = quality.filter((q) => !q.success)
  for (const q of quality) log(`  ${q.success ? 'pass' : 'FAIL'}  ${q.name}: ${q.text}`)

  const problems = failed.map((q) => `quality item failed: ${q.name} (${q.text})`)
  if (kb(sizes.main) > BUDGET.mainKB) problems.push(`main package ${kb(sizes.main)} KB > ${BUDGET.mainKB} KB`)
  if (kb(totalBytes) > BUDGET.totalKB) problems.push(`total ${kb(totalBytes)} KB > ${BUDGET.totalKB} KB`)
  for (const r of roots)
    if (kb(sizes[r]) > BUDGET.subpackageKB)
      problems.push(`subpackage ${r} ${kb(sizes[r])} KB > ${BUDGET.subpackageKB} KB`)

  // 4. setData: every page loaded as its user, in both modes, over the real handlers.
  const setData = await measureSetData({ dist: projectPath })
  const loads = setData.results.reduce((n, r) => n + r.pages.length, 0)
  const largest = Math.max(0, ...setData.results.flatMap((r) => r.pages.map((p) => p.maxBytes)))
  log(
    `setData: ${loads} page loads, largest single setData ${kb(largest)} KB (limit ${kb(SETDATA_LIMIT)} KB); the ten largest:`
  )
  log(setDataTable(setData.results).split('\n').slice(0, 11).join('\n'))
  problems.push(...setData.problems.map((p) => `setData: ${p}`))
  return {
    sizesKB: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, kb(v)])),
    totalKB: kb(totalBytes),
    quality,
    problems
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const result = await checkWeapp()
    if (result.problems.length) {
      for (const p of result.problems) process.stderr.write(`check:weapp: ${p}\n`)
      process.exit(1)
    }
    process.stdout.write('check:weapp: all passed\n')
    // miniprogram-ci leaves a file watcher and compiler workers running: end explicitly.
    process.exit(0)
  } catch (err) {
    process.stderr.write(`check:weapp: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  }
}
