// npm start: build the h5 app (if its sources changed), bundle the local host, then run it in demo mode over
// data/yinling.db (seeded with the demo deployment on first start). Settings: README「本地运行」.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildServer } from './build-server.mjs'
import { ensureTaroBuild, root } from './build-stamp.mjs'

ensureTaroBuild('h5')
await buildServer()
const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'build/local-host.cjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { YINLING_DEMO: '1', ...process.env }
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
