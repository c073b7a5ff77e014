export { useAppCommands } from './useAppCommands'
export { SHORTCUT_KEYS } from './appCommands'
