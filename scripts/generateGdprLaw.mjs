#!/usr/bin/env node
// Generates resources/laws/eu-gdpr.json, the built-in full text of the GDPR, from GDPRtEXT's
// gdpr.json (CC BY 4.0, https://github.com/coolharsh55/GDPRtEXT).
//
//   node scripts/generateGdprLaw.mjs [path/to/gdpr.json] [path/to/output.json]
//
// The conversion is the app's own law-text importer (src/shared/interchange/adapters/lawText.ts),
// loaded with jiti (a pinned dev dependency) because it is TypeScript. The output is
// deterministic — fixed timestamps, two-space JSON — and test/shared/interchange/adapters/
// lawTextBundle.test.ts fails if the committed file differs from what this script writes.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createJiti } from 'jiti'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const input = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/data/gdpr-text-en/gdpr.json'))
const output = resolve(process.argv[3] ?? resolve(repoRoot, 'resources/laws/eu-gdpr.json'))

const jiti = createJiti(import.meta.url)
const { builtInGdprBundle, serialiseBuiltInLawBundle } = await jiti.import(resolve(repoRoot, 'src/shared/interchange/adapters/lawTextBundle.ts'))
const bundle = builtInGdprBundle(JSON.parse(readFileSync(input, 'utf8')))
writeFileSync(output, serialiseBuiltInLawBundle(bundle))
const law = bundle.records.laws[0]
const articles = law.provisions.filter((provision) => provision.unit === 'article').length
console.log(`Wrote ${output}: ${law.title}, ${articles} articles, ${law.provisions.length - articles} chapters`)
