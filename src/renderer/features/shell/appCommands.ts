import type { MenuCommand } from '@shared/ipc/channels'

/** Where each app command goes. The desktop menu and the keyboard shortcuts both use this table. */
export const COMMAND_ROUTES: Record<MenuCommand, string> = {
  'new-incident': '/incidents/new',
  'go-incidents': '/incidents',
  'go-organisations': '/organisations',
  'go-jurisdictions': '/jurisdictions',
  'go-laws': '/laws',
  'go-responses': '/responses',
  'go-sources': '/sources',
  'go-briefings': '/briefings',
  'import-records': '/import'
}

/** Alt+key shortcuts, which work the same in the desktop app and in a browser tab (where Ctrl+N and Ctrl+1 belong to the browser). */
export const SHORTCUT_KEYS: Readonly<Record<string, MenuCommand>> = {
  n: 'new-incident',
  '1': 'go-incidents',
  '2': 'go-organisations',
  '3': 'go-jurisdictions',
  '4': 'go-laws',
  '5': 'go-responses',
  '6': 'go-sources',
  '7': 'go-briefings',
  i: 'import-records'
}

/** The command a key press asks for, if any: Alt plus the key, with no other modifier. */
export function commandForKeyPress(press: {
  readonly key: string
  readonly code?: string
  readonly altKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
}): MenuCommand | undefined {
  if (!press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return undefined
  // On macOS Alt changes the character ("¡" for 1), so the physical key decides when it is known.
  const fromCode = press.code?.replace(/^Digit|^Key/, '').toLowerCase()
  return SHORTCUT_KEYS[fromCode ?? ''] ?? SHORTCUT_KEYS[press.key.toLowerCase()]
}
