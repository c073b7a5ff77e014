import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser'
import secureJson from 'secure-json-parse'
import { lineAndColumn } from './decodeImportText'
import { ImportInputError } from './importProblem'
import { message, type Message } from '../locale/message'

/**
 * Parses untrusted JSON (RELIABILITY-SECURITY 33). A `__proto__` or `constructor.prototype` key
 * anywhere is refused outright rather than dropped: a file that carries one was made to attack,
 * and silently importing the rest would hide that. The result still goes through a strict schema
 * that builds fresh objects; nothing parsed here is ever merged into an existing object.
 *
 * @throws ImportInputError with the line and column of a syntax error, or naming the hostile key
 */
export function parseJsonSafely(text: string, file: string): unknown {
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (/forbidden (prototype|constructor) property/i.test(reason)) {
      throw new ImportInputError({ file, message: message('importProblems.input.prototypeKey') })
    }
    throw new ImportInputError({ file, ...describeSyntaxError(text) })
  }
}

/**
 * Where a text stops being JSON. JSON.parse's messages differ between engines and often give no
 * position, so a second, error-collecting parser (VS Code's) locates it; it runs only on failure.
 */
function describeSyntaxError(text: string): { readonly row?: number; readonly message: Message } {
  const errors: ParseError[] = []
  parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  const first = errors[0]
  if (first === undefined) return { message: message('importProblems.input.notJson') }
  const { line, column } = lineAndColumn(text, first.offset)
  return { row: line, message: message('importProblems.input.notJsonAt', { line, column, code: printParseErrorCode(first.error) }) }
}
