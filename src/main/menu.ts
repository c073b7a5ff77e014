import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IpcEvent, type MenuCommand } from '../shared/ipc/channels'
import type { AppLocale } from '../shared/locale/interfaceLocales'
import english from '../locales/en/menu.json'
import chinese from '../locales/zh-CN/menu.json'

/** The menu's words in each interface language (src/locales/<language>/menu.json). */
const MENU_WORDS: Readonly<Record<AppLocale, typeof english.menu>> = { en: english.menu, 'zh-CN': chinese.menu }

/** What the menu template depends on. */
export interface MenuTemplateOptions {
  /** Packaged builds have no reload or DevTools items. */
  readonly isPackaged: boolean
  readonly platform: NodeJS.Platform
  readonly sendCommand: (command: MenuCommand) => void
  /** The interface language: the page tells main when it starts and when it changes. */
  readonly locale: AppLocale
}

/**
 * The application menu. App-specific items only send a {@link MenuCommand} to the page, which
 * decides what it means; the native side holds no application state.
 */
export function buildMenuTemplate({ isPackaged, platform, sendCommand, locale }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const words = MENU_WORDS[locale]
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
      label: words.file,
      submenu: [
        command(words.newIncident, 'new-incident', 'CmdOrCtrl+N'),
        command(words.import, 'import-records', 'CmdOrCtrl+I'),
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: words.view,
      submenu: [
        command(words.incidents, 'go-incidents', 'CmdOrCtrl+1'),
        command(words.organisations, 'go-organisations', 'CmdOrCtrl+2'),
        command(words.jurisdictions, 'go-jurisdictions', 'CmdOrCtrl+3'),
        command(words.laws, 'go-laws', 'CmdOrCtrl+4'),
        command(words.responses, 'go-responses', 'CmdOrCtrl+5'),
        command(words.sources, 'go-sources', 'CmdOrCtrl+6'),
        command(words.briefings, 'go-briefings', 'CmdOrCtrl+7'),
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

/**
 * Installs the application menu in `locale` (the system's language until the page says which it
 * shows); commands go to whatever `getWindow` returns at click time. Returns how to change its language.
 */
export function installApplicationMenu(
  getWindow: () => BrowserWindow | null,
  isPackaged: boolean,
  locale: AppLocale
): { setLanguage(locale: AppLocale): void } {
  let shown: AppLocale | undefined
  const install = (next: AppLocale): void => {
    if (next === shown) return
    shown = next
    const template = buildMenuTemplate({
      isPackaged,
      platform: process.platform,
      sendCommand: (command) => getWindow()?.webContents.send(IpcEvent.menuCommand, command),
      locale: next
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  install(locale)
  installedMenu = { setLanguage: install }
  return installedMenu
}

// The menu is the application's one (Menu.setApplicationMenu): the IPC service changes its language here.
let installedMenu: { setLanguage(locale: AppLocale): void } | undefined

/** Shows the installed menu in `locale` (the page's language); nothing before the menu is installed. */
export function setApplicationMenuLanguage(locale: AppLocale): void {
  installedMenu?.setLanguage(locale)
}
