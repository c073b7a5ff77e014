// Globals every runtime we target has (Node 20, Chromium pages and workers) but that the ES2023
// library does not declare. Declared narrowly here so src/shared stays free of DOM and Node types.

interface TextDecoderOptions {
  fatal?: boolean
  ignoreBOM?: boolean
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions)
  decode(input?: Uint8Array): string
}

declare class TextEncoder {
  encode(input?: string): Uint8Array
}
