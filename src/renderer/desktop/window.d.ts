import type { DesktopApi } from '../../shared/ipc/desktopApi'

declare global {
  interface Window {
    /** The preload's bridge; absent in a plain browser. Read only by desktopClient.ts. */
    readonly desktop?: DesktopApi
  }
}

export {}
