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

    clickAll(buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: (command) => sent.push(command) }))

    expect(sent.sort()).toEqual([...menuCommands].sort())
  })

  it('has no DevTools or reload items when packaged', () => {
    const roles = flatten(buildMenuTemplate({ isPackaged: true, platform: 'linux', sendCommand: vi.fn() })).map((item) => item.role)

    expect(roles).not.toContain('toggleDevTools')
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('forceReload')
  })

  it('has DevTools in development', () => {
    const roles = flatten(buildMenuTemplate({ isPackaged: false, platform: 'linux', sendCommand: vi.fn() })).map((item) => item.role)

    expect(roles).toContain('toggleDevTools')
  })

  it('starts with the app menu on macOS', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin', sendCommand: vi.fn() })[0]?.role).toBe('appMenu')
  })
})

describe('installApplicationMenu', () => {
  it('sends a clicked command to the current window on menu:command', () => {
    const send = vi.fn()
    installApplicationMenu(() => ({ webContents: { send } }) as never, true)
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[]

    const newIncident = flatten(template).find((item) => item.label === 'New Incident')
    ;(newIncident!.click as () => void)()

    expect(send).toHaveBeenCalledExactlyOnceWith(IpcEvent.menuCommand, 'new-incident')
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(template)
  })

  it('does nothing when there is no window', () => {
    installApplicationMenu(() => null, true)
    const template = Menu.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[]

    expect(() => clickAll(template)).not.toThrow()
  })
})
