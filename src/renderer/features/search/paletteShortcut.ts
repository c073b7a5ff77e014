/** Whether a key press opens the "Go to record" palette: Ctrl+K, or ⌘K on macOS, with no other modifier. */
export function isPaletteShortcut(press: {
  readonly key: string
  readonly altKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
}): boolean {
  return press.key.toLowerCase() === 'k' && press.ctrlKey !== press.metaKey && !press.altKey && !press.shiftKey
}
