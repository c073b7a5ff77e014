import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * `npm test` must pass in a clone with nothing beside it, so only test/support/sharedData.ts may
 * name ../shared: every other test asks it whether a data set is there and skips with one line when
 * it is not. This guard finds the ways tests used to reach ../shared on their own.
 */

const repoRoot = resolve(__dirname, '../..')
const sharedFolder = resolve(repoRoot, '../shared')
const HELPER = resolve(__dirname, 'sharedData.ts')

const insideShared = (path: string) => path === sharedFolder || path.startsWith(`${sharedFolder}${sep}`)

/** A module specifier: `from '…'`, `import '…'` or `import('…')`, which resolves from the file's folder only. */
const MODULE_SPECIFIER = /\b(?:from|import)\s*\(?\s*(['"])([^'"]+)\1/g
/** A relative path climbing to a folder called shared: '../shared/data', '../../../../../shared/reference/x'. */
const CLIMB_TO_SHARED = /(?:\.\.\/)+shared(?=$|[/'"`\s)])[^'"`\s)]*/g
/** '..' and 'shared' passed to join or resolve as separate parts. */
const SPLIT_PARTS = /(['"])\.\.\1\s*,\s*(['"])shared\2/

/**
 * The places in a test file's source that lead to ../shared: relative paths that reach it from
 * the file's folder (as `__dirname` and `import.meta.url` paths do) or from the repository root
 * (where tests run, as bare relative paths do), and '..', 'shared' given as separate path parts.
 */
function sharedReads(file: string, source: string): string[] {
  const found: string[] = []
  const specifiers = new Set<number>()
  for (const match of source.matchAll(MODULE_SPECIFIER)) {
    const specifier = match[2]!
    specifiers.add(match.index + match[0].length - specifier.length - 1)
    if (specifier.startsWith('.') && insideShared(resolve(dirname(file), specifier))) found.push(specifier)
  }
  for (const match of source.matchAll(CLIMB_TO_SHARED)) {
    if (specifiers.has(match.index)) continue
    if (insideShared(resolve(dirname(file), match[0])) || insideShared(resolve(repoRoot, match[0]))) found.push(match[0])
  }
  const split = SPLIT_PARTS.exec(source)
  if (split !== null) found.push(split[0])
  return found
}

/** Every source file under test/, but not the fixtures (data, not code). */
function testSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'node_modules' ? [] : testSources(path)
    return /\.(?:[cm]?[jt]s|vue)$/.test(entry.name) ? [path] : []
  })
}

describe('reads of ../shared outside test/support/sharedData.ts', () => {
  const at = (path: string) => resolve(repoRoot, path)

  it('are found in each form tests have used', () => {
    expect(
      sharedReads(at('test/shared/interchange/text/x.test.ts'), "readFileSync(resolve(__dirname, '../../../../../shared/data/vcdb-2013/incidents.json'))")
    ).toEqual(['../../../../../shared/data/vcdb-2013/incidents.json'])
    expect(sharedReads(at('test/shared/interchange/x.test.ts'), "const DATA = new URL('../../../../shared/data/', import.meta.url)")).toEqual([
      '../../../../shared/data/'
    ])
    expect(sharedReads(at('test/commandLine/x.e2e.test.ts'), "const DATA = '../shared/data'")).toEqual(['../shared/data'])
    expect(sharedReads(at('test/resources/x.test.ts'), "path.resolve(repoRoot, '../shared/data/country-codes/country-codes.csv')")).toEqual([
      '../shared/data/country-codes/country-codes.csv'
    ])
    expect(sharedReads(at('test/e2e/x.e2e.test.ts'), 'const seed = `../shared/reference/seed-facts.md`')).toEqual(['../shared/reference/seed-facts.md'])
    expect(sharedReads(at('test/x.test.ts'), "resolve(repoRoot, '..', 'shared', 'data')")).toEqual(["'..', 'shared'"])
    expect(sharedReads(at('test/x.test.ts'), "import seeds from '../../shared/reference/seeds.json'")).toEqual(['../../shared/reference/seeds.json'])
  })

  it('are not confused with the tests of src/shared in test/shared', () => {
    expect(sharedReads(at('test/renderer/features/x.test.ts'), "import { sampleBriefing } from '../../shared/briefing/sampleBriefing'")).toEqual([])
    expect(
      sharedReads(at('test/renderer/x.test.ts'), "import { anIncident } from '@shared/domain/incident'\nconst folder = 'test/shared/interchange'")
    ).toEqual([])
  })

  it('appear in no test file: full-data tests go through test/support/sharedData.ts', () => {
    const offenders = testSources(resolve(repoRoot, 'test'))
      .filter((file) => file !== HELPER && file !== __filename)
      .flatMap((file) => sharedReads(file, readFileSync(file, 'utf8')).map((read) => `${relative(repoRoot, file)}: ${read}`))
    expect(offenders).toEqual([])
  })
})
