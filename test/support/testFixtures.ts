import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The folder of small fixtures kept in the repository (see its README for sources and licences). */
export const FIXTURES_FOLDER = resolve(__dirname, '../fixtures')

/** The absolute path of a fixture, by its path in test/fixtures ("gdpr-text-en-excerpt/gdpr.json"). */
export function fixturePath(pathInFixtures: string): string {
  return resolve(FIXTURES_FOLDER, pathInFixtures)
}

/** A fixture's text (UTF-8). */
export function readFixture(pathInFixtures: string): string {
  return readFileSync(fixturePath(pathInFixtures), 'utf8')
}
