/** Stored duplicate pairs, kept up to date by a worker. Features use this face. */
export { startDuplicatePairs, startDuplicatePairsWhenIdle } from './duplicatePairsClient'
export type { DuplicatePairsStatus } from './duplicatePairsProtocol'
