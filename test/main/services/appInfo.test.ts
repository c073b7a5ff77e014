import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ app: { getName: () => 'Precedent', getVersion: () => '0.1.0' } }))

import { getAppInfo } from '../../../src/main/services/appInfo'

describe('getAppInfo', () => {
  it('reports the app name, its version and the platform', () => {
    expect(getAppInfo()).toEqual({ name: 'Precedent', version: '0.1.0', platform: process.platform })
  })
})
