export { useStartup, type StartupState } from './useStartup'
