/** Bundled into cloudfunctions/api/index.js by scripts/build-cloudfunction.mjs; wx-server-sdk stays external. */
import { createCloudMain, type CloudSdk } from './cloud-main'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as CloudSdk

export const main = createCloudMain(cloud)
