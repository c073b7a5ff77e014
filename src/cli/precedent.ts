import { nodeCliIo } from './nodeCliIo'
import { nodeTeamAccess } from './nodeTeamAccess'
import { referenceRecords } from './referenceRecords'
import { runCli } from './runCli'

process.exitCode = await runCli(process.argv.slice(2), nodeCliIo(), referenceRecords, nodeTeamAccess)
