import { app } from 'electron'
import type { AppInfo } from '../../shared/ipc/contract'

/** The application's name and version (from package.json) and the operating system. */
export function getAppInfo(): AppInfo {
  return { name: app.getName(), version: app.getVersion(), platform: process.platform }
}
