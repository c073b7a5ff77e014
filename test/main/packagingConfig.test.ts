import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

interface PackagingConfig {
  readonly asar: boolean
  readonly files: readonly string[]
  readonly electronFuses: Readonly<Record<string, boolean>>
}

const config = JSON.parse(readFileSync(resolve(__dirname, '../../electron-builder.json'), 'utf8')) as PackagingConfig

describe('electron-builder.json', () => {
  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true)
  })

  it('flips the fuses that stop the packaged binary being used as a Node runtime or debugged', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false
    })
  })

  it('loads the app only from an asar archive whose integrity is checked', () => {
    expect(config.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true })
  })

  it('gives file: URLs no extra privileges', () => {
    expect(config.electronFuses['grantFileProtocolExtraPrivileges']).toBe(false)
  })

  it('ships only the built bundles, never sources or tests', () => {
    expect(config.files.every((pattern) => pattern.startsWith('out/') || pattern === 'package.json')).toBe(true)
  })
})
