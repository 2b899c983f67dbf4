/**
 * `npm run serve` as a real process: the bundled build/serve.cjs spawned with node and a clean environment
 * (none of the YINLING_* settings of the machine running the tests), waited on until it prints its
 * `listening on` line or exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')

let built = false
/** Bundles server/ into build/ once per test file (esbuild: a second or two). */
export function buildServerOnce(): void {
  if (built) return
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`build-server failed: ${r.stderr}`)
  built = true
}

export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^(YINLING_|PORT$|HOST$)/.test(k)) env[k] = v
  return { ...env, ...extra } as NodeJS.ProcessEnv
}

export interface ServeProcess {
  child: ChildProcess
  url: string
  stdout(): string
  stderr(): string
  stop(): Promise<number | null>
}

export interface Exited {
  code: number | null
  stdout: string
  stderr: string
}

/** Starts serve; resolves when it listens, or with how it exited if it stopped first. */
export function startServe(env: Record<string, string>, timeoutMs = 20_000): Promise<ServeProcess | Exited> {
  const child = spawn(process.execPath, [path.join(ROOT, 'build/serve.cjs')], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`serve did not listen within ${timeoutMs} ms:\n${err}\n${out}`))
    }, timeoutMs)
    const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)))
    child.stderr!.on('data', (d) => {
      err += d
      const m = /listening on (http:\/\/\S+)/.exec(err)
      if (m && !(child as { resolved?: boolean }).resolved) {
        ;(child as { resolved?: boolean }).resolved = true
        clearTimeout(timer)
        resolve({
          child,
          url: m[1],
          stdout: () => out,
          stderr: () => err,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM')
            return exited
          }
        })
      }
    })
    void exited.then((code) => {
      if ((child as { resolved?: boolean }).resolved) return
      clearTimeout(timer)
      resolve({ code, stdout: out, stderr: err })
    })
  })
}

export function isRunning(p: ServeProcess | Exited): p is ServeProcess {
  return 'child' in p
}
