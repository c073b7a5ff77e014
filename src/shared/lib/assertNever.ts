/** Ends an exhaustive `switch`: adding a case to a union makes every unhandled switch fail to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
