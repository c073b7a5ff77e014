import type { SearchDocument } from '@shared/search/searchDocument'
import { seededRandom, type SeededRandom } from './seededRandom'

// A synthetic knowledge base for the search benchmark: incidents (with the organisations,
// jurisdictions and laws they name as ids) written as search documents directly, so the bench
// measures the index and not the database. The text imitates the real records: English news-style
// summaries with organisation names, data categories and amounts; accented European words in about
// one in six; Chinese titles and summaries in about one in ten; and a long tail of rarer words and
// made-up names, because the number of distinct terms is what prefix and typo expansion cost.

const EVENTS = [
  'data breach',
  'ransomware attack',
  'unauthorised access',
  'misconfigured database',
  'phishing campaign',
  'insider leak',
  'credential stuffing',
  'lost laptop',
  'exposed storage bucket',
  'payment card skimming',
  'account takeover',
  'facial recognition rollout',
  'covert tracking',
  'unlawful data sharing',
  'consent violation',
  'algorithmic discrimination',
  'app ban',
  'data localisation order',
  'cross-border transfer',
  'surveillance programme'
]
const DATA = [
  'names',
  'email addresses',
  'phone numbers',
  'passwords',
  'payment card numbers',
  'health records',
  'location history',
  'biometric templates',
  'national identity numbers',
  'credit scores',
  'browsing history',
  'contacts',
  'photos',
  'purchase records',
  'social security numbers',
  'passport scans',
  'salary data',
  'student records'
]
const PEOPLE = ['customers', 'users', 'patients', 'employees', 'students', 'voters', 'subscribers', 'account holders', 'residents']
const VERBS = ['exposed', 'leaked', 'compromised', 'collected', 'shared', 'sold', 'stored unencrypted', 'processed without consent']
const ACTIONS = [
  'The regulator opened an investigation and later imposed a fine.',
  'The company notified the supervisory authority three weeks late.',
  'Security researchers discovered the records and reported them to the company.',
  'A class action was filed on behalf of affected individuals.',
  'The ministry ordered the app removed from stores pending review.',
  'The authority found violations of the purpose limitation principle.',
  'Attackers demanded a ransom in bitcoin and published samples on a forum.',
  'The firm said no financial information was affected, which later proved wrong.',
  'Auditors criticised the retention period and the lack of a data protection impact assessment.',
  'The court annulled the decision on procedural grounds.'
]
// Accented words as they appear in European decisions and press (folded by the analyser).
const EUROPEAN = [
  'données personnelles',
  'société',
  'protección de datos',
  'información',
  'Datenschutzbehörde',
  'Bußgeld',
  'Zürich',
  'São Paulo',
  'résiliation',
  'sanción',
  'Aufsichtsbehörde',
  'vidéosurveillance',
  'proteção',
  'Übermittlung',
  'délibération',
  'traitement illicite',
  'Garante per la protezione',
  'Agencia Española',
  'Commission nationale',
  'Ørsted',
  'Malmö',
  'Kraków'
]
const CHINESE_TITLES = [
  '个人信息泄露事件',
  '支付宝年度账单默认勾选',
  '芝麻信用授权争议',
  '网络安全法处罚',
  '数据跨境传输审查',
  '人脸识别滥用',
  '用户隐私政策违规',
  '违规收集个人信息',
  '应用程序下架通知',
  '监管机构约谈平台',
  '数据安全法执法',
  '快递面单信息泄露'
]
const CHINESE_PHRASES = [
  '监管部门认定该公司违规收集用户个人信息',
  '平台因未经同意共享数据被罚款',
  '数百万用户的手机号码和地址遭到泄露',
  '国家互联网信息办公室责令整改',
  '公司表示已经修复漏洞并通知受影响用户',
  '该应用被要求从应用商店下架',
  '消费者协会提起公益诉讼',
  '数据被出售给第三方营销公司'
]
const CATEGORIES = ['data-breach', 'unlawful-processing', 'surveillance', 'security-failure', 'consent', 'transparency', 'ai-harm', 'block-or-ban']
const STATUSES = ['confirmed', 'alleged', 'disputed']
const TAGS = ['health', 'finance', 'children', 'biometrics', 'telecoms', 'retail', 'government', 'education', 'advertising', 'employment']

// Pieces of organisation names; combined they give thousands of distinct names.
const NAME_STARTS = [
  'Nova',
  'Alpha',
  'Blue',
  'Green',
  'Sun',
  'Star',
  'Quantum',
  'Metro',
  'Pacific',
  'Atlas',
  'Vertex',
  'Horizon',
  'Orion',
  'Delta',
  'Summit',
  'Crest',
  'Apex',
  'Lumen',
  'Terra',
  'Zen'
]
const NAME_ENDS = [
  'soft',
  'net',
  'pay',
  'health',
  'bank',
  'mart',
  'link',
  'data',
  'cloud',
  'tel',
  'gen',
  'care',
  'ware',
  'logic',
  'media',
  'trust',
  'ride',
  'shop',
  'play',
  'med'
]
const COMPANY_SUFFIXES = ['Inc.', 'Ltd', 'GmbH', 'S.A.', 'plc', 'Group', 'Holdings', 'Technologies', 'Co., Ltd.', 'SAS']

/** The vocabulary of the synthetic world, shared by the generator and the query sets. */
export interface SyntheticWorld {
  readonly jurisdictions: readonly string[]
  readonly organisations: readonly { readonly id: string; readonly name: string }[]
  readonly laws: readonly string[]
  /** Rare words (made-up names, places, product names) that give the index its long tail. */
  readonly rareWords: readonly string[]
}

const JURISDICTIONS = [
  'cn',
  'us',
  'gb',
  'fr',
  'de',
  'it',
  'es',
  'ie',
  'nl',
  'se',
  'pl',
  'in',
  'br',
  'jp',
  'kr',
  'au',
  'ca',
  'sg',
  'za',
  'ng',
  'ke',
  'mx',
  'ar',
  'tr',
  'ru',
  'ua',
  'at',
  'be',
  'dk',
  'fi',
  'no',
  'pt',
  'gr',
  'ro',
  'hu',
  'cz',
  'ch',
  'il',
  'ae',
  'sa'
]

function syllableWord(random: SeededRandom): string {
  const consonants = 'bcdfghjklmnprstvwz'
  const vowels = 'aeiou'
  let word = ''
  const syllables = 2 + random.int(3)
  for (let index = 0; index < syllables; index += 1) word += consonants[random.int(consonants.length)]! + vowels[random.int(vowels.length)]!
  return random.chance(0.5) ? word + consonants[random.int(consonants.length)]! : word
}

/** The world for a knowledge base of `n` incidents: more incidents, more organisations and rare words. */
export function syntheticWorld(n: number, seed = 4): SyntheticWorld {
  const random = seededRandom(seed)
  const organisationCount = Math.max(50, Math.round(n / 20))
  const organisations = Array.from({ length: organisationCount }, (_, index) => {
    const base = `${random.pick(NAME_STARTS)}${random.pick(NAME_ENDS)}`
    // Unique names beyond the 400 combinations: a made-up word in front, like real brands.
    const name = index < 400 ? `${base} ${random.pick(COMPANY_SUFFIXES)}` : `${capitalise(syllableWord(random))} ${base} ${random.pick(COMPANY_SUFFIXES)}`
    return { id: `organisation-${index}`, name }
  })
  const rareWords = Array.from({ length: Math.max(200, Math.round(n / 4)) }, () => syllableWord(random))
  const laws = Array.from({ length: 120 }, (_, index) => `law-${index}`)
  return { jurisdictions: JURISDICTIONS, organisations, laws, rareWords }
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** `n` incident search documents, the same for the same `n` and seed. */
export function syntheticDocuments(n: number, world: SyntheticWorld, seed = 7): SearchDocument[] {
  const random = seededRandom(seed + n)
  const documents: SearchDocument[] = []
  for (let index = 0; index < n; index += 1) {
    const organisation = random.pickSkewed(world.organisations)
    const event = random.pick(EVENTS)
    const data = random.pick(DATA)
    const people = random.pick(PEOPLE)
    const count = (1 + random.int(999)) * 10 ** random.int(5)
    const year = 1995 + random.int(31)
    const rare = [random.pick(world.rareWords), random.pick(world.rareWords), random.pick(world.rareWords)]
    const chinese = random.chance(0.1)
    const european = random.chance(0.17)
    const title =
      chinese && random.chance(0.5)
        ? `${organisation.name} ${random.pick(CHINESE_TITLES)}`
        : `${organisation.name} ${event} ${random.pick(VERBS)} ${data} of ${count.toLocaleString('en-GB')} ${people}`
    const sentences = [
      `In ${year}, ${organisation.name} ${random.pick(VERBS)} the ${data} and ${random.pick(DATA)} of ${people} after a ${event} near ${capitalise(rare[0]!)}.`,
      random.pick(ACTIONS),
      `Reports named ${capitalise(rare[1]!)} and the ${rare[2]} system${european ? `, citing the ${random.pick(EUROPEAN)} and ${random.pick(EUROPEAN)}` : ''}.`,
      ...(random.chance(0.5) ? [random.pick(ACTIONS)] : [])
    ]
    const jurisdictionIds = chinese ? ['cn'] : [random.pickSkewed(world.jurisdictions), ...(random.chance(0.2) ? [random.pick(world.jurisdictions)] : [])]
    documents.push({
      id: `incident-${index}`,
      type: 'incident',
      title,
      aliases: '',
      body: sentences.join(' '),
      original: chinese ? `${random.pick(CHINESE_PHRASES)}，${random.pick(CHINESE_PHRASES)}。` : '',
      provisions: '',
      sources: random.chance(0.6) ? `${capitalise(rare[1]!)} Times report on ${organisation.name}` : '',
      jurisdictionIds: [...new Set(jurisdictionIds)],
      organisationIds: [organisation.id],
      lawIds: random.chance(0.4) ? [random.pick(world.laws)] : [],
      kinds: [random.pick(CATEGORIES), ...(random.chance(0.3) ? [random.pick(CATEGORIES)] : [])],
      status: random.pick(STATUSES),
      tags: [random.pick(TAGS)],
      years: random.chance(0.2) ? [year, year + 1] : [year]
    })
  }
  return documents
}

/** Query kinds measured; each has its own query set drawn from the same world. */
export const QUERY_KINDS = ['single-word', 'several-words', 'prefix', 'typo', 'cjk', 'filtered'] as const
export type QueryKind = (typeof QUERY_KINDS)[number]

const COMMON = [
  'breach',
  'ransomware',
  'fine',
  'consent',
  'passwords',
  'health',
  'regulator',
  'biometric',
  'location',
  'surveillance',
  'leaked',
  'customers',
  'investigation',
  'payment',
  'phishing',
  'données',
  'protección',
  'datenschutzbehorde'
]

function misspell(word: string, random: SeededRandom): string {
  const at = 1 + random.int(word.length - 2)
  switch (random.int(3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1) // a letter dropped
    case 1:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) // two letters swapped
    default:
      return word.slice(0, at) + 'x' + word.slice(at + 1) // a letter wrong
  }
}

/**
 * The queries of each kind, as a person types them: a prefix query is a word being typed (2 to 6
 * letters, after zero or one whole word); a typo query has one misspelt word of five letters or more.
 */
export function syntheticQueries(world: SyntheticWorld, perKind = 60, seed = 11): Record<QueryKind, string[]> {
  const random = seededRandom(seed)
  const organisationWord = (): string => random.pick(world.organisations).name.split(' ')[0]!.toLowerCase()
  const word = (): string => (random.chance(0.6) ? random.pick(COMMON) : random.chance(0.5) ? organisationWord() : random.pick(world.rareWords))
  const times = (make: () => string): string[] => Array.from({ length: perKind }, make)
  return {
    'single-word': times(word),
    'several-words': times(() => `${word()} ${word()}${random.chance(0.3) ? ` ${random.pick(COMMON)}` : ''}`),
    prefix: times(() => {
      const typed = word()
      const partial = typed.slice(0, Math.min(typed.length, 2 + random.int(5)))
      return random.chance(0.4) ? `${random.pick(COMMON)} ${partial}` : partial
    }),
    typo: times(() => {
      const candidates = [...COMMON, ...world.rareWords.slice(0, 50)].filter((candidate) => candidate.length >= 5)
      return misspell(random.pick(candidates), random)
    }),
    cjk: times(() => random.pick(['支付', '个人信息', '泄露', '芝麻信用', '数据', '网络安全法', '人脸识别', '罚款', '用户 隐私'])),
    filtered: times(() => {
      const filters = [
        `jurisdiction:${random.pick(world.jurisdictions)}`,
        `year:${2000 + random.int(20)}..${2020 + random.int(5)}`,
        `kind:${random.pick(CATEGORIES)}`,
        'type:incident'
      ]
      return `${random.pick(COMMON)} ${random.pick(filters)}${random.chance(0.5) ? ` ${random.pick(filters)}` : ''}`
    })
  }
}
