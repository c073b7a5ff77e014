import { describe, expect, it } from 'vitest'
import { assertNever } from '@shared/lib/assertNever'

describe('assertNever', () => {
  it('throws, naming the value that was not handled', () => {
    const reach = () => assertNever({ kind: 'surprise' } as never)

    expect(reach).toThrow('Unexpected value: {"kind":"surprise"}')
  })
})
