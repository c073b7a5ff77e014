import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IpcEvent, type MenuCommand } from '../shared/ipc/channels'

/** What the menu template depends on. */
export interface MenuTemplateOptions {
  /** Packaged builds have no reload or DevTools items. */
  readonly isPackaged: boolean
  readonly platform: NodeJS.Platform
  readonly sendCommand: (command: MenuCommand) => void
}

/**
 * The application menu. App-specific items only send a {@link MenuCommand} to the page, which
 * decides what it means; the native side holds no application state.
 */
export function buildMenuTemplate({ isPackaged, platform, sendCommand }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const command = (label: string, menuCommand: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => sendCommand(menuCommand)
  })
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        command('New Incident', 'new-incident', 'CmdOrCtrl+N'),
        command('Import…', 'import-records', 'CmdOrCtrl+I'),
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        command('Incidents', 'go-incidents', 'CmdOrCtrl+1'),
        command('Organisations', 'go-organisations', 'CmdOrCtrl+2'),
        command('Jurisdictions', 'go-jurisdictions', 'CmdOrCtrl+3'),
        command('Laws', 'go-laws', 'CmdOrCtrl+4'),
        command('Responses', 'go-responses', 'CmdOrCtrl+5'),
        command('Sources', 'go-sources', 'CmdOrCtrl+6'),
        command('Briefings', 'go-briefings', 'CmdOrCtrl+7'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developerItems
      ]
    },
    { role: 'windowMenu' }
  ]
}

/** Installs the application menu; commands go to whatever `getWindow` returns at click time. */
export function installApplicationMenu(getWindow: () => BrowserWindow | null, isPackaged: boolean): void {
  const template = buildMenuTemplate({
    isPackaged,
    platform: process.platform,
    sendCommand: (command) => getWindow()?.webContents.send(IpcEvent.menuCommand, command)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
