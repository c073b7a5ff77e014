import { onMounted, onScopeDispose } from 'vue'
import type { Router } from 'vue-router'
import type { MenuCommand } from '@shared/ipc/channels'
import { getDesktopClient } from '@renderer/desktop/desktopClient'
import { COMMAND_ROUTES, commandForKeyPress } from './appCommands'

/** Carries out app commands from the desktop menu and from Alt+key shortcuts. */
export function useAppCommands(router: Router): void {
  const run = (command: MenuCommand): void => {
    void router.push(COMMAND_ROUTES[command])
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    const command = commandForKeyPress(event)
    if (command === undefined) return
    event.preventDefault()
    run(command)
  }
  let stopMenu: (() => void) | undefined
  onMounted(() => {
    window.addEventListener('keydown', onKeyDown)
    stopMenu = getDesktopClient().onMenuCommand(run)
  })
  onScopeDispose(() => {
    window.removeEventListener('keydown', onKeyDown)
    stopMenu?.()
  })
}
