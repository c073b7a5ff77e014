import { contextBridge } from 'electron'
import { desktopApi } from './desktopApi'

// NOTE: contextIsolation is always on (see mainWindow.ts), so exposing through the bridge is the
// only way; a failure here must be loud rather than fall back to assigning to window.
contextBridge.exposeInMainWorld('desktop', desktopApi)
