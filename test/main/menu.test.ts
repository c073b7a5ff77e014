import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'

const { Menu } = vi.hoisted(() => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }))
vi.mock('electron', () => ({ Menu }))

import { buildMenuTemplate, installApplicationMenu } from '../../src/main/menu'
import { IpcEvent, menuCommands } from '../../src/shared/ipc/channels'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function clickAll(items: MenuItemConstructorOptions[]): void {
  for (const item of flatten(items)) (item.click as (() => void) | undefined)?.()
}

describe('buildMenuTemplate', () => {
  it('offers every menu command exactly once', () => {
    const sent: string[] = []

    clickAll(buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: (command) => sent.push(command), locale: 'en' }))

    expect(sent.sort()).toEqual([...menuCommands].sort())
  })

  it('has no DevTools or reload items when packaged', () => {
    const roles = flatten(buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: vi.fn(), locale: 'en' })).map((item) => item.role)

    expect(roles).not.toContain('toggleDevTools')
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('forceReload')
  })

  it('has DevTools in development', () => {
    const roles = flatten(buildMenuTemplate({ isPackaged: false, platform: 'linux', sendCommand: vi.fn(), locale: 'en' })).map((item) => item.role)

    expect(roles).toContain('toggleDevTools')
  })

  it('starts with the app menu on macOS', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin', sendCommand: vi.fn(), locale: 'en' })[0]?.role).toBe('appMenu')
  })
})

describe('installApplicationMenu', () => {
  it('sends a clicked command to the current window on menu:command', () => {
    const send = vi.fn()
    installApplicationMenu(() => ({ webContents: { send } }) as never, true, 'en')
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[]

    const newIncident = flatten(template).find((item) => item.label === 'New Incident')
    ;(newIncident!.click as () => void)()

    expect(send).toHaveBeenCalledExactlyOnceWith(IpcEvent.menuCommand, 'new-incident')
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(template)
  })

  it('does nothing when there is no window', () => {
    installApplicationMenu(() => null, true, 'en')
    const template = Menu.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[]

    expect(() => clickAll(template)).not.toThrow()
  })

  it('is rebuilt in the language the page shows, and not rebuilt for the language it already has', () => {
    const menu = installApplicationMenu(() => null, true, 'en')
    const builds = Menu.buildFromTemplate.mock.calls.length

    menu.setLanguage('zh-CN')
    const chinese = flatten(Menu.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[])
    menu.setLanguage('zh-CN')

    expect(Menu.buildFromTemplate.mock.calls.length).toBe(builds + 1)
    expect(chinese.map((item) => item.label).filter(Boolean)).toEqual([
      '文件(&F)',
      '新建事件',
      '导入…',
      '视图(&V)',
      '事件',
      '组织',
      '法域',
      '法律',
      '应对',
      '来源',
      '简报'
    ])
  })
})

describe('the menu words', () => {
  it('name the same items in every language', async () => {
    const { APP_LOCALES } = await import('../../src/shared/locale/interfaceLocales')
    const labels = (locale: (typeof APP_LOCALES)[number]) =>
      flatten(buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: vi.fn(), locale }))
        .map((item) => item.label)
        .filter((label) => label !== undefined)

    for (const locale of APP_LOCALES) expect(labels(locale)).toHaveLength(labels('en').length)
    expect(labels('en')).toEqual([
      '&File',
      'New Incident',
      'Import…',
      '&View',
      'Incidents',
      'Organisations',
      'Jurisdictions',
      'Laws',
      'Responses',
      'Sources',
      'Briefings'
    ])
  })
})
