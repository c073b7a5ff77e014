import { describe, expect, it } from 'vitest'
import { COMMAND_ROUTES, commandForKeyPress } from '../../../../src/renderer/features/shell/appCommands'
import { menuCommands } from '../../../../src/shared/ipc/channels'

const press = (key: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}, code?: string) => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers
})

describe('commandForKeyPress', () => {
  it('opens a new incident on Alt+N', () => {
    expect(commandForKeyPress(press('n', { altKey: true }, 'KeyN'))).toBe('new-incident')
  })

  it('goes to a section on Alt and its number', () => {
    expect(commandForKeyPress(press('4', { altKey: true }, 'Digit4'))).toBe('go-laws')
  })

  it('goes to the briefings on Alt+7', () => {
    expect(commandForKeyPress(press('7', { altKey: true }, 'Digit7'))).toBe('go-briefings')
  })

  it('uses the physical key when Alt changes the character, as on macOS', () => {
    expect(commandForKeyPress(press('¡', { altKey: true }, 'Digit1'))).toBe('go-incidents')
  })

  it('ignores the key without Alt, and with another modifier', () => {
    expect(commandForKeyPress(press('n'))).toBeUndefined()
    expect(commandForKeyPress(press('n', { altKey: true, ctrlKey: true }))).toBeUndefined()
  })
})

describe('COMMAND_ROUTES', () => {
  it('has a route for every command the desktop menu can send', () => {
    expect(Object.keys(COMMAND_ROUTES).sort()).toEqual([...menuCommands].sort())
  })
})
