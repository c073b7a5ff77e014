import { describe, expect, it } from 'vitest'
import { sanitiseBriefingSvg } from '../../../src/shared/briefing/sanitiseBriefingSvg'
import { ENGLISH_WORDS } from '../../builders/languageWords'

const NS = 'xmlns="http://www.w3.org/2000/svg"'

function accepted(svg: string): string {
  const result = sanitiseBriefingSvg(svg)
  if (!result.ok) throw new Error(`refused: ${ENGLISH_WORDS.translate(result.reason)}`)
  return result.svg
}

function refusal(svg: string): string {
  const result = sanitiseBriefingSvg(svg)
  if (result.ok) throw new Error(`accepted: ${result.svg}`)
  return ENGLISH_WORDS.translate(result.reason)
}

describe('sanitiseBriefingSvg', () => {
  it('keeps a picture as the app draws it: nested svg, markers, in-picture url() and href, text', () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported --><svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" viewBox="0 0 10 10"><title>A &amp; B</title><defs><marker id="m"><path d="M0,0 L1,1"/></marker><clipPath id="c"><rect width="5" height="5"/></clipPath></defs><svg x="1" y="2"><g clip-path="url(#c)"><line x1="0" y1="0" x2="5" y2="5" marker-end="url(#m)" stroke-dasharray="4 2"/><use href="#m"/><use xlink:href="#m"/><text x="1" y="9" font-family="system-ui, &quot;Segoe UI&quot;">3 January 2018 &lt;b&gt;</text></g></svg></svg>`
    expect(accepted(svg)).toBe(
      `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" viewBox="0 0 10 10"><title>A &amp; B</title><defs><marker id="m"><path d="M0,0 L1,1"></path></marker><clipPath id="c"><rect width="5" height="5"></rect></clipPath></defs><svg x="1" y="2"><g clip-path="url(#c)"><line x1="0" y1="0" x2="5" y2="5" marker-end="url(#m)" stroke-dasharray="4 2"></line><use href="#m"></use><use xlink:href="#m"></use><text x="1" y="9" font-family="system-ui, &quot;Segoe UI&quot;">3 January 2018 &lt;b&gt;</text></g></svg></svg>`
    )
  })

  it('closes elements left open, so what comes out is always well formed', () => {
    expect(accepted(`<svg ${NS}><g><rect>`)).toBe(`<svg ${NS}><g><rect></rect></g></svg>`)
  })

  it('adds the SVG namespace when the root lacks it', () => {
    expect(accepted('<svg width="1"></svg>')).toBe(`<svg ${NS} width="1"></svg>`)
  })

  it.each([
    ['a script', `<svg ${NS}><script>alert(1)</script></svg>`, 'the picture contains a <script> element'],
    ['foreignObject', `<svg ${NS}><foreignObject><div>x</div></foreignObject></svg>`, 'the picture contains a <foreignObject> element'],
    ['a style element', `<svg ${NS}><style>@import url(https://evil.example/x.css)</style></svg>`, 'the picture contains a <style> element'],
    ['an event handler', `<svg ${NS} onload="alert(1)"></svg>`, '<svg> has an event handler attribute "onload"'],
    ['an upper-case event handler', `<svg ${NS}><rect ONCLICK="alert(1)"/></svg>`, '<rect> has an event handler attribute "ONCLICK"'],
    ['an external link', `<svg ${NS}><a href="https://evil.example"><text>x</text></a></svg>`, 'the picture contains a <a> element'],
    [
      'a javascript: href on use',
      `<svg ${NS}><use href="javascript:alert(1)"/></svg>`,
      '<use> links to "javascript:alert(1)"; only links inside the picture (#…) are allowed'
    ],
    [
      'an entity-encoded javascript: href',
      `<svg ${NS}><use xlink:href="&#106;avascript:alert(1)"/></svg>`,
      '<use> links to "javascript:alert(1)"; only links inside the picture (#…) are allowed'
    ],
    ['an external image', `<svg ${NS}><image href="https://evil.example/x.png"/></svg>`, 'the picture contains a <image> element'],
    ['animation that rewrites a link', `<svg ${NS}><set attributeName="href" to="javascript:alert(1)"/></svg>`, 'the picture contains a <set> element'],
    ['url() pointing outside', `<svg ${NS}><rect fill="url(https://evil.example/#p)"/></svg>`, '<rect> refers to url(https://evil.example/#p) in "fill"'],
    ['a style attribute with a script', `<svg ${NS}><rect style="background:javascript:alert(1)"/></svg>`, '<rect> has a suspicious value in "style"'],
    ['another namespace', `<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`, '<svg> declares the namespace "http://www.w3.org/1999/xhtml"'],
    [
      'a foreign attribute namespace',
      `<svg ${NS} xmlns:ev="http://www.w3.org/2001/xml-events"></svg>`,
      '<svg> has an attribute "xmlns:ev" that pictures do not use'
    ],
    ['HTML instead of SVG', '<div><svg></svg></div>', 'the picture contains a <div> element'],
    ['a second root', `<svg ${NS}></svg><svg ${NS}></svg>`, 'the picture has more than one root element'],
    ['text outside the root', `hello<svg ${NS}></svg>`, 'the picture has text outside its <svg> element'],
    ['nothing', '', 'there is no <svg> element']
  ])('refuses %s, saying why', (_, svg, reason) => {
    expect(refusal(svg)).toBe(reason)
  })

  it('writes text and attribute values escaped again, whatever the input used', () => {
    const out = accepted(`<svg ${NS}><text><![CDATA[<script>alert(1)</script>]]></text><title>&lt;img src=x onerror=alert(1)&gt;</title></svg>`)
    expect(out).not.toMatch(/<script|<img/)
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})
