import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findWebAddresses, normaliseWebAddress, sourceDraftForWebAddress, sourceIdForWebAddress } from '@shared/interchange/text/webAddresses'

describe('normaliseWebAddress and sourceIdForWebAddress', () => {
  it('folds the case of scheme and host, default ports, fragments and an empty path, and keeps the path and query', () => {
    expect(normaliseWebAddress(' HTTPS://WWW.Example.ORG:443/Path/A?q=B#section ')).toBe('https://www.example.org/Path/A?q=B')
    expect(normaliseWebAddress('http://example.org:80')).toBe('http://example.org/')
    expect(normaliseWebAddress('http://example.org:8080/x')).toBe('http://example.org:8080/x')
  })

  it('gives every spelling of one address the same source id, and different addresses different ids', () => {
    expect(sourceIdForWebAddress('HTTP://Example.org#top')).toBe(sourceIdForWebAddress('http://example.org/'))
    expect(sourceIdForWebAddress('http://example.org/a')).not.toBe(sourceIdForWebAddress('http://example.org/A'))
    expect(sourceIdForWebAddress('http://example.org/')).toMatch(/^src-[0-9a-f]{16}$/)
  })
})

describe('findWebAddresses', () => {
  it('splits addresses separated by commas, semicolons, spaces or nothing at all', () => {
    const found = findWebAddresses('http://a.example/1, http://b.example/2;http://c.example/3 http://d.example/4.htmlhttp://e.example/5')
    expect(found.addresses.map((address) => address.url)).toEqual([
      'http://a.example/1',
      'http://b.example/2',
      'http://c.example/3',
      'http://d.example/4.html',
      'http://e.example/5'
    ])
    expect(found.leftovers).toEqual([])
  })

  it('keeps commas inside an address and strips punctuation around it', () => {
    expect(findWebAddresses('(see http://a.example/x?ids=1,2,3).').addresses.map((address) => address.url)).toEqual(['http://a.example/x?ids=1,2,3'])
  })

  it('lists each address once', () => {
    expect(findWebAddresses('http://a.example/x http://A.example/x#again').addresses).toHaveLength(1)
  })

  it('reads an address written without its scheme, and says so', () => {
    expect(findWebAddresses('www.news.gov.hk/en/2013/01/x.shtml doj.nh.gov/consumer/a.pdf').addresses).toEqual([
      { url: 'http://www.news.gov.hk/en/2013/01/x.shtml', schemeAdded: true },
      { url: 'http://doj.nh.gov/consumer/a.pdf', schemeAdded: true }
    ])
  })

  it.each([
    ['(20130215)', '2013-02-15'],
    ['(8/22/2013)', '2013-08-22'],
    ['(8.22.2013)', '2013-08-22'],
    ['(22/8/2013)', '2013-08-22'],
    ['(8/2013)', '2013-08'],
    ['(3/4/2013)', '2013']
  ])('reads the access date %s after an address, at the precision it can be sure of', (written, accessedOn) => {
    expect(findWebAddresses(`http://a.example/x ${written}`).addresses).toEqual([{ url: 'http://a.example/x', schemeAdded: false, accessedOn }])
  })

  it('returns the words that are not addresses, including a broken one', () => {
    expect(findWebAddresses('HHS Breachtool http://www. http://ok.example/').leftovers).toEqual(['HHS', 'Breachtool', 'http://www.'])
  })

  it('takes time in proportion to the length of the text, however hostile', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '-', '.', '/', 'h', 't', 'p', ':', ' ', ','), maxLength: 2000 }), (text) => {
        const started = performance.now()
        findWebAddresses(text.repeat(5))
        expect(performance.now() - started).toBeLessThan(250)
      }),
      { numRuns: 200 }
    )
  })
})

describe('sourceDraftForWebAddress', () => {
  it('titles a source by host and readable path, published by the host', () => {
    expect(sourceDraftForWebAddress('https://www.oag.example.us/idtheft/Breach%20Notices/ITU.pdf?x=1')).toEqual({
      id: sourceIdForWebAddress('https://www.oag.example.us/idtheft/Breach%20Notices/ITU.pdf?x=1'),
      title: 'www.oag.example.us/idtheft/Breach Notices/ITU.pdf',
      publisher: 'oag.example.us',
      url: 'https://www.oag.example.us/idtheft/Breach%20Notices/ITU.pdf?x=1'
    })
  })

  it('never puts a control character or a broken escape into a title', () => {
    expect(sourceDraftForWebAddress('http://a.example/x%0Ay').title).toBe('a.example/xy')
    expect(sourceDraftForWebAddress('http://a.example/100%').title).toBe('a.example/100%')
  })
})
