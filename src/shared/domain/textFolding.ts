/**
 * Text folded for matching, not for display: Unicode compatibility forms unified (NFKC: full-width
 * "Ａｌｉｐａｙ" is "Alipay"), case folded, and accents removed ("Société" matches "societe", a
 * decomposed "é" matches a composed one). Chinese, Japanese and Korean characters are kept as they are.
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und').normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
}

/** Whether `haystack` contains `needle` once both are folded; an empty needle matches everything. */
export function containsFolded(haystack: string, needle: string): boolean {
  return foldForMatching(haystack).includes(foldForMatching(needle).trim())
}
