// Bundles the local host and the seed command into build/ (CommonJS for Node 20). better-sqlite3 stays a
// runtime dependency (a native addon cannot be bundled).
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export async function buildServer() {
  await build({
    entryPoints: {
      'local-host': path.join(root, 'server/hosts/local/main.ts'),
      seed: path.join(root, 'server/tools/seed-cli.ts'),
      backup: path.join(root, 'server/tools/backup-cli.ts'),
      'points-reconcile': path.join(root, 'server/tools/points-reconcile.ts'),
      'points-expire': path.join(root, 'server/tools/points-expire.ts'),
      'hours-reconcile': path.join(root, 'server/tools/hours-reconcile.ts'),
      serve: path.join(root, 'server/hosts/local/serve.ts'),
      'admin-create': path.join(root, 'server/tools/admin-create-cli.ts'),
      upgrade: path.join(root, 'server/tools/upgrade-cli.ts')
    },
    outdir: path.join(root, 'build'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['better-sqlite3'],
    logLevel: 'warning'
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer()
}
