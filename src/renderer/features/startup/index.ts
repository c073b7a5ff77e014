export { useStartup, type StartupState } from './useStartup'
export { prepareKnowledgeBase, NewerKnowledgeBaseError, type StartupReport } from './prepareKnowledgeBase'
