/**
 * Every message a person may read when Krom refuses something, in English and Khmer side by side.
 *
 * One catalogue, so the two languages cannot drift apart: a message is added here or not at all,
 * and its Khmer says everything its English does — the same field, figures, dates, ids and codes
 * (test/core/messages.test.ts and the API sweeps check that on every refusal they provoke).
 * Figures stay in Western digits in both, as officers copy them from the cash book.
 */

/** One message in both languages. */
export interface Text {
  readonly en: string;
  readonly km: string;
}

export type Thing =
  | 'NGO'
  | 'bank'
  | 'bank loan'
  | 'delivery'
  | 'federation'
  | 'grant'
  | 'group'
  | 'meeting'
  | 'member'
  | 'organisation'
  | 'request'
  | 'service'
  | 'tenant'
  | 'user';

const THING_KM: Record<Thing, string> = {
  NGO: 'អង្គការមិនមែនរដ្ឋាភិបាល',
  bank: 'ធនាគារ',
  'bank loan': 'ប្រាក់កម្ចីធនាគារ',
  delivery: 'ការផ្តល់សេវា',
  federation: 'សហព័ន្ធ',
  grant: 'ការអនុញ្ញាត',
  group: 'ក្រុម',
  meeting: 'ការប្រជុំ',
  member: 'សមាជិក',
  organisation: 'អង្គការ',
  request: 'សំណើ',
  service: 'សេវា',
  tenant: 'អង្គការ',
  user: 'អ្នកប្រើ',
};

const STATE_KM: Record<string, string> = {
  PENDING: 'កំពុងរង់ចាំ',
  ACTIVE: 'កំពុងប្រើ',
  APPROVED: 'បានអនុម័ត',
  REJECTED: 'បានបដិសេធ',
  WITHDRAWN: 'បានដកវិញ',
  REVOKED: 'បានដកហូត',
  SUSPENDED: 'បានផ្អាក',
  EXPIRED: 'ផុតកំណត់',
  REQUESTED: 'កំពុងស្នើ',
  DECLINED: 'បានបដិសេធ',
  DISBURSED: 'បានផ្តល់ប្រាក់',
  CLOSED: 'បានបិទ',
  WRITTEN_OFF: 'បានលុបចោល',
};

/** What can be done to a request or a grant: said as done in English, and in Khmer. */
const ACTION = {
  APPROVE: { done: 'approved', km: 'អនុម័ត' },
  REJECT: { done: 'rejected', km: 'បដិសេធ' },
  WITHDRAW: { done: 'withdrawn', km: 'ដកវិញ' },
  PAUSE: { done: 'paused', km: 'ផ្អាក' },
  RESUME: { done: 'resumed', km: 'បន្ត' },
  REVOKE: { done: 'revoked', km: 'ដកហូត' },
  EXPIRE: { done: 'expired', km: 'ផុតកំណត់' },
} as const;
type Action = keyof typeof ACTION;

/** A state in Khmer, with its code so both languages name the same one. */
const stateKm = (state: string) => `${STATE_KM[state] ?? state} (${state})`;

const T = (en: string, km: string): Text => ({ en, km });

/** Refusals of the policy (functions/auth/policy.ts): why this person may not do this. */
export const denied = {
  adminOnly: T('only a platform administrator may do this', 'មានតែអ្នកគ្រប់គ្រងវេទិកាប៉ុណ្ណោះដែលអាចធ្វើការនេះបាន'),
  adminCreatesFederations: T(
    'only a platform administrator creates federations',
    'មានតែអ្នកគ្រប់គ្រងវេទិកាប៉ុណ្ណោះដែលបង្កើតសហព័ន្ធ',
  ),
  federationReaders: T(
    'only coordinators of this federation or one above it may read it',
    'មានតែអ្នកសម្របសម្រួលនៃសហព័ន្ធនេះ ឬនៃសហព័ន្ធខាងលើវាប៉ុណ្ណោះដែលអាចមើលវាបាន',
  ),
  groupOnboarding: T(
    'only a coordinator of the federation (or an administrator) onboards groups',
    'មានតែអ្នកសម្របសម្រួលនៃសហព័ន្ធ (ឬអ្នកគ្រប់គ្រង) ប៉ុណ្ណោះដែលចុះឈ្មោះក្រុមថ្មី',
  ),
  notYourGroup: T('this group is not yours to see', 'ក្រុមនេះមិនមែនសម្រាប់អ្នកមើលទេ'),
  membersOfficersOnly: T(
    "only the group's officers see and keep its member records",
    'មានតែមន្ត្រីរបស់ក្រុមប៉ុណ្ណោះដែលមើល និងកត់ត្រាបញ្ជីសមាជិករបស់ក្រុម',
  ),
  booksOfficersOnly: T(
    "only the group's officers see and keep its books",
    'មានតែមន្ត្រីរបស់ក្រុមប៉ុណ្ណោះដែលមើល និងកត់ត្រាសៀវភៅបញ្ជីរបស់ក្រុម',
  ),
  officersReaders: T(
    'only the group, its federation and administrators see its officers',
    'មានតែក្រុម សហព័ន្ធរបស់ក្រុម និងអ្នកគ្រប់គ្រងប៉ុណ្ណោះដែលមើលឃើញមន្ត្រីរបស់ក្រុម',
  ),
  appointers: T(
    "only the group's president, its federation's coordinators or an administrator record appointments",
    'មានតែប្រធានក្រុម អ្នកសម្របសម្រួលនៃសហព័ន្ធរបស់ក្រុម ឬអ្នកគ្រប់គ្រងប៉ុណ្ណោះដែលកត់ត្រាការតែងតាំង',
  ),
  directory: T(
    'the group directory is for banks, NGOs, federations and administrators',
    'បញ្ជីក្រុមគឺសម្រាប់ធនាគារ អង្គការមិនមែនរដ្ឋាភិបាល សហព័ន្ធ និងអ្នកគ្រប់គ្រង',
  ),
  rolesAdmin: T('only an administrator assigns and takes away roles', 'មានតែអ្នកគ្រប់គ្រងប៉ុណ្ណោះដែលផ្តល់ និងដកតួនាទី'),
  noRoleYet: T('you hold no role in Krom yet', 'អ្នកមិនទាន់មានតួនាទីណាមួយនៅក្នុង Krom នៅឡើយទេ'),
  bankAsks: T(
    "only the bank's loan officers ask for access on its behalf",
    'មានតែមន្ត្រីឥណទានរបស់ធនាគារប៉ុណ្ណោះដែលស្នើសុំសិទ្ធិមើលទិន្នន័យជំនួសធនាគារ',
  ),
  bankWithdraws: T(
    'only the loan officers of the bank that asked withdraw its request',
    'មានតែមន្ត្រីឥណទាននៃធនាគារដែលបានស្នើប៉ុណ្ណោះដែលអាចដកសំណើរបស់ធនាគារវិញ',
  ),
  recordKeepers: T(
    "only the group's treasurer or secretary, who keep its registers, correct them",
    'មានតែហេរញ្ញិក ឬលេខាធិការរបស់ក្រុម ដែលរក្សាបញ្ជីរបស់ក្រុម ប៉ុណ្ណោះដែលអាចកែវាបាន',
  ),
  treasurerDecides: T(
    "only the group's current treasurer decides which bank sees its data",
    'មានតែហេរញ្ញិកបច្ចុប្បន្នរបស់ក្រុមប៉ុណ្ណោះដែលសម្រេចថាធនាគារណាអាចមើលទិន្នន័យរបស់ក្រុម',
  ),
  groupMove: T(
    'only coordinators of both the federation a group leaves and the one it joins (or an administrator) move it',
    'មានតែអ្នកសម្របសម្រួលនៃសហព័ន្ធទាំងពីរ គឺសហព័ន្ធដែលក្រុមចាកចេញ និងសហព័ន្ធដែលក្រុមចូល (ឬអ្នកគ្រប់គ្រង) ប៉ុណ្ណោះដែលផ្លាស់ក្រុមបាន',
  ),
  federationMove: T(
    'only coordinators of both the parent a federation leaves (or, at the top, of the federation itself) and the one it joins (or an administrator) move it',
    'មានតែអ្នកសម្របសម្រួលនៃសហព័ន្ធមេដែលសហព័ន្ធនេះចាកចេញ (ឬនៅថ្នាក់កំពូល នៃសហព័ន្ធនេះផ្ទាល់) និងនៃសហព័ន្ធដែលវាចូល (ឬអ្នកគ្រប់គ្រង) ប៉ុណ្ណោះដែលផ្លាស់វាបាន',
  ),
  ngoStaff: T(
    "only the NGO's staff (or an administrator) keep its services and deliveries",
    'មានតែបុគ្គលិករបស់អង្គការ (ឬអ្នកគ្រប់គ្រង) ប៉ុណ្ណោះដែលកត់ត្រាសេវា និងការផ្តល់សេវារបស់អង្គការ',
  ),
  coverageReaders: T(
    'coverage is for NGOs, federations and administrators',
    'ព័ត៌មានអំពីទីកន្លែងដែលសេវាទៅដល់គឺសម្រាប់អង្គការមិនមែនរដ្ឋាភិបាល សហព័ន្ធ និងអ្នកគ្រប់គ្រង',
  ),
  placeTotals: T(
    'place totals are for administrators and federation coordinators',
    'តួលេខសរុបតាមទីកន្លែងគឺសម្រាប់អ្នកគ្រប់គ្រង និងអ្នកសម្របសម្រួលសហព័ន្ធ',
  ),
  treasurerAsksLoan: T(
    "only the group's treasurer asks a bank for a loan",
    'មានតែហេរញ្ញិករបស់ក្រុមប៉ុណ្ណោះដែលស្នើសុំប្រាក់កម្ចីពីធនាគារ',
  ),
  bankDecidesLoans: T(
    "only the bank's loan officers decide on its loans",
    'មានតែមន្ត្រីឥណទានរបស់ធនាគារប៉ុណ្ណោះដែលសម្រេចលើប្រាក់កម្ចីរបស់ធនាគារ',
  ),
  groupSideAccess: T(
    "only the group's officers see its grants and read log",
    'មានតែមន្ត្រីរបស់ក្រុមប៉ុណ្ណោះដែលមើលឃើញការអនុញ្ញាត និងកំណត់ត្រានៃការមើលទិន្នន័យរបស់ក្រុម',
  ),
  bankSideAccess: T(
    "only the bank's loan officers see and change its requests",
    'មានតែមន្ត្រីឥណទានរបស់ធនាគារប៉ុណ្ណោះដែលមើល និងកែប្រែសំណើរបស់ធនាគារ',
  ),
  banksOnly: T('only banks read groups under a grant', 'មានតែធនាគារប៉ុណ្ណោះដែលមើលទិន្នន័យក្រុមក្រោមការអនុញ្ញាត'),
  notGranted: T('the group has not granted your bank access', 'ក្រុមមិនបានអនុញ្ញាតឱ្យធនាគាររបស់អ្នកមើលទិន្នន័យទេ'),
  grantNotActive: (state: string) =>
    T(`your bank's grant is ${state.toLowerCase()} (${state})`, `ការអនុញ្ញាតរបស់ធនាគារអ្នក ${stateKm(state)}`),
  scopeMissing: (missing: readonly string[]) =>
    T(`the grant does not cover ${missing.join(', ')}`, `ការអនុញ្ញាតមិនគ្របដណ្តប់ ${missing.join(', ')} ទេ`),
  outOfRange: (from: string, to: string) =>
    T(`the grant covers data from ${from} to ${to} only`, `ការអនុញ្ញាតគ្របដណ្តប់តែទិន្នន័យពី ${from} ដល់ ${to} ប៉ុណ្ណោះ`),
  selfAppointment: T(
    'nobody appoints herself; another officer, coordinator or administrator must record it',
    'គ្មាននរណាម្នាក់តែងតាំងខ្លួនឯងបានទេ៖ មន្ត្រី អ្នកសម្របសម្រួល ឬអ្នកគ្រប់គ្រងម្នាក់ផ្សេងទៀតត្រូវកត់ត្រាវា',
  ),
  selfRevocation: T(
    'nobody takes away her own role; another administrator must',
    'គ្មាននរណាម្នាក់ដកតួនាទីរបស់ខ្លួនឯងបានទេ៖ អ្នកគ្រប់គ្រងម្នាក់ផ្សេងទៀតត្រូវធ្វើ',
  ),
};

/** Answers that are not the policy's: who you are, what you may see exists, what is stored. */
export const say = {
  // Signing in
  signInFirst: T(
    'Sign in first: send a valid bearer token.',
    'សូមចូលប្រើជាមុនសិន៖ ផ្ញើនិមិត្តសញ្ញាចូលប្រើ (bearer token) ដែលត្រឹមត្រូវ។',
  ),
  bearerFormat: T(
    'Send the token as "Authorization: Bearer <token>".',
    'សូមផ្ញើនិមិត្តសញ្ញាជា "Authorization: Bearer <token>"។',
  ),
  tokenNoSubject: T('The token names no subject.', 'និមិត្តសញ្ញានេះមិនបញ្ជាក់ថាជាអ្នកប្រើណាទេ។'),
  tokenInvalid: T('The token is not valid: sign in again.', 'និមិត្តសញ្ញាមិនត្រឹមត្រូវ៖ សូមចូលប្រើម្តងទៀត។'),
  tokenWrongAudience: T('The token was issued for another application.', 'និមិត្តសញ្ញានេះត្រូវបានចេញសម្រាប់កម្មវិធីផ្សេង។'),
  signInNotConfigured: T('Sign-in is not configured for this deployment.', 'ការចូលប្រើមិនទាន់បានរៀបចំសម្រាប់ប្រព័ន្ធនេះទេ។'),

  // The policy's answer, and "not found" that gives nothing away
  notAllowed: (reason: Text) => T(`Not allowed: ${reason.en}.`, `មិនអនុញ្ញាត៖ ${reason.km}។`),
  notVisible: (what: Thing) =>
    T(`No ${what} with this id is visible to you.`, `រកមិនឃើញ${THING_KM[what]}ដែលមានលេខសម្គាល់នេះ ឬអ្នកមិនមានសិទ្ធិមើលវាទេ។`),
  noSuch: (what: Thing) => T(`No such ${what}.`, `រកមិនឃើញ${THING_KM[what]}នេះទេ។`),

  // Requests and retries
  /** graphql-js's own refusals name schema types and fields in English; the Khmer carries them whole. */
  requestInvalid: (detail: string) => T(detail, `សំណើ ឬទិន្នន័យដែលបានផ្ញើមិនត្រឹមត្រូវ៖ ${detail}`),
  internal: T(
    'Internal error: the request was not completed. Quote this request id when you report it.',
    'មានបញ្ហាខាងក្នុង៖ សំណើមិនបានបញ្ចប់ទេ។ សូមប្រាប់លេខសម្គាល់សំណើ (request id) នេះ ពេលអ្នករាយការណ៍។',
  ),
  keyReused: T(
    'This idempotency key was already used for a different request; use a new key.',
    'កូនសោ idempotency នេះត្រូវបានប្រើរួចហើយសម្រាប់សំណើផ្សេង សូមប្រើកូនសោថ្មី។',
  ),
  tryAgain: T(
    'The records kept changing while this was saved; nothing was written. Try again.',
    'កំណត់ត្រាបានផ្លាស់ប្តូរជាបន្តបន្ទាប់ពេលកំពុងរក្សាទុក មិនមានអ្វីត្រូវបានសរសេរទេ។ សូមព្យាយាមម្តងទៀត។',
  ),
  readCap: (cap: number) =>
    T(
      `You have read this group ${cap} times today, the most one officer may in a day; try again tomorrow.`,
      `អ្នកបានមើលក្រុមនេះ ${cap} ដងហើយថ្ងៃនេះ ដែលជាចំនួនអតិបរមាសម្រាប់មន្ត្រីម្នាក់ក្នុងមួយថ្ងៃ។ សូមព្យាយាមម្តងទៀតនៅថ្ងៃស្អែក។`,
    ),
  pageSize: (max: number) => T(`must be between 1 and ${max}`, `ត្រូវតែនៅចន្លោះ 1 និង ${max}`),
  badCursor: T('The page cursor is not valid for this list.', 'សញ្ញាសម្គាល់ទំព័រ (cursor) មិនត្រឹមត្រូវសម្រាប់បញ្ជីនេះទេ។'),
  changedMeanwhile: (expected: string) =>
    T(
      `This was changed by someone else (it is no longer ${expected.toLowerCase()}, ${expected}); reload and try again.`,
      `កំណត់ត្រានេះត្រូវបានអ្នកផ្សេងផ្លាស់ប្តូររួចហើយ (វាលែង ${stateKm(expected)} ទៀតហើយ)។ សូមផ្ទុកឡើងវិញ ហើយព្យាយាមម្តងទៀត។`,
    ),
  duplicate: T('This record exists already.', 'កំណត់ត្រានេះមានរួចហើយ។'),
  organisationExists: T('This organisation exists already.', 'អង្គការនេះមានរួចហើយ។'),
  tooLarge: (bytes: number) =>
    T(
      `this posting is too large to keep as one record (${bytes} bytes); split it`,
      `កំណត់ត្រានេះធំពេកសម្រាប់រក្សាទុកជាកំណត់ត្រាតែមួយ (${bytes} bytes)។ សូមបំបែកវា`,
    ),

  // Values
  dateTimeFormat: (got: string) =>
    T(
      `DateTime must be ISO 8601, like 2026-11-22T03:00:00Z; got ${got}.`,
      `ពេលវេលាត្រូវតែសរសេរតាម ISO 8601 ដូចជា 2026-11-22T03:00:00Z ប៉ុន្តែបានទទួល ${got}។`,
    ),
  moneyFormat: (got: string) =>
    T(
      `Money must be a whole number of minor units as a string, like "1248000"; got ${got}.`,
      `ចំនួនទឹកប្រាក់ត្រូវតែជាចំនួនគត់នៃរៀល ឬសេន សរសេរជាអក្សរ ដូចជា "1248000" ប៉ុន្តែបានទទួល ${got}។`,
    ),
  moneyLiteral: T('Money must be a string of digits, like "1248000".', 'ចំនួនទឹកប្រាក់ត្រូវតែជាខ្សែលេខ ដូចជា "1248000"។'),
  dateNotString: T('Date must be a string, YYYY-MM-DD.', 'កាលបរិច្ឆេទត្រូវតែសរសេរជាអក្សរ YYYY-MM-DD (ឆ្នាំ-ខែ-ថ្ងៃ)។'),
  dateValue: (problem: Text, got: string) =>
    T(`Date ${problem.en}; got ${got}.`, `កាលបរិច្ឆេទ ${problem.km} ប៉ុន្តែបានទទួល ${got}។`),
  notADate: T('is not a date as YYYY-MM-DD', 'មិនមែនជាកាលបរិច្ឆេទ YYYY-MM-DD ទេ'),
  toBeforeFrom: T('must be on or after from', 'ត្រូវតែនៅថ្ងៃ from ឬក្រោយនោះ'),
  notAPlace: T('is not a province, district or commune code', 'មិនមែនជាលេខកូដខេត្ត ស្រុក ឬឃុំទេ'),
  notACommune: T('is not a known commune', 'មិនមែនជាឃុំដែលស្គាល់ទេ'),
  notInFuture: T('must not be in the future', 'មិនអាចជាថ្ងៃអនាគតបានទេ'),
  onlyVersion: (scorecard: string) => T(`${scorecard} has only version 1`, `${scorecard} មានតែកំណែទី 1 ប៉ុណ្ណោះ`),

  // Organisations and roles
  roleOfTenant: (tenantType: string, roles: readonly string[]) =>
    T(`a ${tenantType} has the roles ${roles.join(', ')}`, `${tenantType} មានតែតួនាទី ${roles.join(', ')} ប៉ុណ្ណោះ`),
  groupOfficesHaveTerms: T('group offices have terms; use appointOfficer', 'តំណែងក្រុមមានអាណត្តិ៖ សូមប្រើ appointOfficer'),
  officerOfSeveralBanks: T('you are an officer of several banks; name one', 'អ្នកជាមន្ត្រីនៃធនាគារច្រើន៖ សូមបញ្ជាក់ធនាគារមួយ'),
  officerHoldsOtherRole: (role: string, tenantType: string) =>
    T(
      `this person is ${role} of a ${tenantType.toLowerCase()}; a group's officers hold no platform, federation, bank or NGO role at the same time`,
      `បុគ្គលនេះជា ${role} នៃ ${tenantType}៖ មន្ត្រីក្រុមមិនអាចកាន់តួនាទីក្នុងវេទិកា សហព័ន្ធ ធនាគារ ឬអង្គការក្នុងពេលតែមួយបានទេ`,
    ),
  roleHolderIsOfficer: (role: string) =>
    T(
      `this person is ${role} of a group; a group's officers hold no platform, federation, bank or NGO role at the same time`,
      `បុគ្គលនេះជា ${role} នៃក្រុមមួយ៖ មន្ត្រីក្រុមមិនអាចកាន់តួនាទីក្នុងវេទិកា សហព័ន្ធ ធនាគារ ឬអង្គការក្នុងពេលតែមួយបានទេ`,
    ),
  roleGone: T('This person no longer holds this role.', 'បុគ្គលនេះលែងមានតួនាទីនេះទៀតហើយ។'),
  roleNotHeld: (role: string, tenantType: string) =>
    T(
      `this person does not hold the role ${role} of this ${tenantType.toLowerCase()}`,
      `បុគ្គលនេះមិនមានតួនាទី ${role} នៃ ${tenantType} នេះទេ`,
    ),
  alreadyInOffice: (userId: string) => T(`${userId} already holds this office.`, `${userId} កាន់តំណែងនេះរួចហើយ។`),
  phoneRegistered: T(
    'Someone already signs in with this phone number; appoint or give a role to that person instead.',
    'មាននរណាម្នាក់ចូលប្រើដោយលេខទូរស័ព្ទនេះរួចហើយ៖ សូមតែងតាំង ឬផ្តល់តួនាទីដល់អ្នកនោះជំនួសវិញ។',
  ),
  appointmentRecorded: T('This appointment is already recorded.', 'ការតែងតាំងនេះត្រូវបានកត់ត្រារួចហើយ។'),
  afterTermBegan: (from: string) =>
    T(`must be after the current term began (${from})`, `ត្រូវតែក្រោយពេលអាណត្តិបច្ចុប្បន្នចាប់ផ្តើម (${from})`),
  betweenFormingAndToday: (formedOn: string) =>
    T(`must be between the group's forming (${formedOn}) and today`, `ត្រូវតែនៅចន្លោះថ្ងៃបង្កើតក្រុម (${formedOn}) និងថ្ងៃនេះ`),

  // Groups, members and federations
  historyMonths: (max: number) => T(`must be between 1 and ${max} months`, `ត្រូវតែពី ១ ដល់ ${max} ខែ`),
  beforeForming: (formedOn: string) =>
    T(`must not be before the group was formed (${formedOn})`, `មិនអាចមុនថ្ងៃបង្កើតក្រុម (${formedOn}) បានទេ`),
  nothingToCorrect: T(
    'Nothing here differs from what is recorded; change at least one thing.',
    'គ្មានអ្វីនៅទីនេះខុសពីអ្វីដែលបានកត់ត្រាទេ។ សូមកែយ៉ាងហោចណាស់មួយ។',
  ),
  tooManyCorrections: (max: number) =>
    T(
      `This record has been corrected ${max} times, the most Krom keeps; ask your federation for help.`,
      `កំណត់ត្រានេះត្រូវបានកែ ${max} ដងហើយ ដែលជាចំនួនច្រើនបំផុតដែល Krom រក្សាទុក។ សូមសុំជំនួយពីសហព័ន្ធរបស់អ្នក។`,
    ),
  deliveryEnded: T(
    'This delivery was already corrected or withdrawn; correct the delivery that replaced it.',
    'ការផ្តល់សេវានេះត្រូវបានកែ ឬដកវិញរួចហើយ។ សូមកែការផ្តល់សេវាដែលបានជំនួសវា។',
  ),
  memberAlreadyLeft: T('This member has already left.', 'សមាជិកនេះបានចាកចេញរួចហើយ។'),
  betweenJoiningAndToday: (joinedOn: string) =>
    T(`must be between joining (${joinedOn}) and today`, `ត្រូវតែនៅចន្លោះថ្ងៃចូលជាសមាជិក (${joinedOn}) និងថ្ងៃនេះ`),
  payOutSavingsFirst: T('pay out her savings before she leaves', 'សូមប្រគល់ប្រាក់សន្សំរបស់គាត់ មុនពេលគាត់ចាកចេញ'),
  repayLoansFirst: T('her loans must be repaid before she leaves', 'ប្រាក់កម្ចីរបស់គាត់ត្រូវតែសងរួច មុនពេលគាត់ចាកចេញ'),
  groupAlreadyThere: T('The group is already there.', 'ក្រុមនៅទីនោះរួចហើយ។'),
  federationAlreadyThere: T('The federation is already there.', 'សហព័ន្ធនៅទីនោះរួចហើយ។'),
  notBeforeJoined: (from: string) =>
    T(`must not be before it joined (${from})`, `មិនអាចមុនថ្ងៃដែលវាបានចូល (${from}) បានទេ`),
  alreadyMemberFrom: T(
    'It was already a member there from this date; pick a later date.',
    'វាធ្លាប់ជាសមាជិកនៅទីនោះពីថ្ងៃនេះរួចហើយ។ សូមជ្រើសរើសថ្ងៃក្រោយ។',
  ),
  federationsMoved: T(
    'The federations changed while this was being done; try again.',
    'សហព័ន្ធបានផ្លាស់ប្តូរ ពេលកំពុងធ្វើការនេះ។ សូមព្យាយាមម្តងទៀត។',
  ),
  notItselfOrBelow: T('must not be the federation itself or one below it', 'មិនអាចជាសហព័ន្ធខ្លួនឯង ឬសហព័ន្ធនៅក្រោមវាបានទេ'),
  tooDeep: (max: number) => T(`would nest federations more than ${max} deep`, `នឹងធ្វើឱ្យសហព័ន្ធជាន់គ្នាលើសពី ${max} ថ្នាក់`),

  // Books
  constitutionExists: (from: string) =>
    T(
      `A version effective from ${from} exists; give the change a later date.`,
      `មានកំណែដែលចូលជាធរមានពី ${from} រួចហើយ។ សូមដាក់ថ្ងៃក្រោយសម្រាប់ការផ្លាស់ប្តូរ។`,
    ),
  meetingRecorded: (date: string) =>
    T(`A meeting on ${date} is already recorded for this group.`, `ការប្រជុំនៅថ្ងៃ ${date} ត្រូវបានកត់ត្រារួចហើយសម្រាប់ក្រុមនេះ។`),
  postingRecorded: T('This posting is already recorded.', 'កំណត់ត្រានេះត្រូវបានកត់ត្រារួចហើយ។'),
  loanIdUsed: T(
    'This loan id was used before; give the loan a new id.',
    'លេខសម្គាល់ប្រាក់កម្ចីនេះធ្លាប់ប្រើរួចហើយ។ សូមដាក់លេខសម្គាល់ថ្មី។',
  ),
  notAnEntry: T('is not an entry of this group', 'មិនមែនជាកំណត់ត្រារបស់ក្រុមនេះទេ'),
  notBeforeReversed: T('must not be before the entry it reverses', 'មិនអាចមុនថ្ងៃនៃកំណត់ត្រាដែលវាបញ្ច្រាសបានទេ'),
  alreadyReversed: T('has already been reversed', 'ត្រូវបានបញ្ច្រាសរួចហើយ'),
  entryAlreadyReversed: T('This entry has already been reversed.', 'កំណត់ត្រានេះត្រូវបានបញ្ច្រាសរួចហើយ។'),
  tooManyLoans: (max: number) =>
    T(`one posting may make or close at most ${max} loans`, `កំណត់ត្រាមួយអាចផ្តល់ ឬបិទប្រាក់កម្ចីបានមិនលើសពី ${max} ទេ`),
  loanRecordMissing: T('The loan record is missing.', 'រកមិនឃើញកំណត់ត្រាប្រាក់កម្ចីទេ។'),
  wouldGoNegative: (account: string, accountKm: string, holds: bigint) =>
    T(
      `${account} holds ${holds}; this entry would take it below zero`,
      `${accountKm} (${account}) មាន ${holds}៖ កំណត់ត្រានេះនឹងធ្វើឱ្យវាតិចជាងសូន្យ`,
    ),
  idUsedInPosting: T(
    'is used by another entry of this posting',
    'លេខសម្គាល់នេះត្រូវបានប្រើដោយកំណត់ត្រាផ្សេងក្នុងការកត់ត្រានេះរួចហើយ',
  ),
  memberRequired: (kind: string) => T(`is required for ${kind}`, `ត្រូវការសមាជិកសម្រាប់ ${kind}`),
  notAMember: T('is not a member of this group', 'មិនមែនជាសមាជិកក្រុមនេះទេ'),
  notAMemberOn: (date: string) => T(`was not a member on ${date}`, `មិនមែនជាសមាជិកនៅថ្ងៃ ${date} ទេ`),
  payoutReasonRequired: T('is required for a social-fund payout', 'ត្រូវការមូលហេតុសម្រាប់ការបើកប្រាក់មូលនិធិសង្គម'),
  moreThanSavings: (has: bigint) => T(`is more than the member's savings (${has})`, `លើសប្រាក់សន្សំរបស់សមាជិក (${has})`),
  owesBeyondCover: T(
    'would leave the member owing more than the constitution allows against her savings',
    'នឹងធ្វើឱ្យសមាជិកជំពាក់លើសពីកម្រិតដែលលក្ខន្តិកៈអនុញ្ញាតធៀបនឹងប្រាក់សន្សំរបស់គាត់',
  ),
  noConstitution: (date: string) =>
    T(
      `the group has no constitution in force on ${date}; record its lending rules first`,
      `ក្រុមមិនមានលក្ខន្តិកៈជាធរមាននៅថ្ងៃ ${date} ទេ៖ សូមកត់ត្រាវិធានឱ្យខ្ចីរបស់ក្រុមជាមុនសិន`,
    ),
  alreadyALoan: T('is already the id of a loan', 'ជាលេខសម្គាល់ប្រាក់កម្ចីរួចហើយ'),
  termBeyondConstitution: (max: number) =>
    T(`must be 1 to ${max} months under the constitution`, `ត្រូវតែពី 1 ដល់ ${max} ខែ តាមលក្ខន្តិកៈ`),
  beyondLoanLimit: (percent: number, savings: bigint, limit: bigint, owes: bigint) =>
    T(
      `is beyond the constitution's limit: ${percent}% of savings ${savings} is ${limit}, and ${owes} is already owed`,
      `លើសកម្រិតនៃលក្ខន្តិកៈ៖ ${percent}% នៃប្រាក់សន្សំ ${savings} គឺ ${limit} ហើយជំពាក់រួចហើយ ${owes}`,
    ),
  notOutstanding: T('is not an outstanding loan of this group', 'មិនមែនជាប្រាក់កម្ចីដែលនៅជំពាក់របស់ក្រុមនេះទេ'),
  notTheBorrower: T('is not the borrower of this loan', 'មិនមែនជាអ្នកខ្ចីប្រាក់កម្ចីនេះទេ'),
  repaidBeforeMade: (disbursedOn: string) =>
    T(
      `cannot be repaid before the loan was made (${disbursedOn})`,
      `មិនអាចសងមុនថ្ងៃដែលប្រាក់កម្ចីត្រូវបានផ្តល់ (${disbursedOn}) បានទេ`,
    ),
  moreThanOwed: (owed: bigint) => T(`is more than the balance owed (${owed})`, `លើសចំនួនដែលនៅជំពាក់ (${owed})`),
  wholePrincipal: (outstanding: bigint) =>
    T(`must be the whole principal outstanding (${outstanding})`, `ត្រូវតែស្មើនឹងប្រាក់ដើមទាំងអស់ដែលនៅជំពាក់ (${outstanding})`),
  bankRecordsDisbursal: T(
    'is recorded by the bank when it disburses the loan, not by hand',
    'ត្រូវបានកត់ត្រាដោយធនាគារនៅពេលផ្តល់ប្រាក់កម្ចី មិនមែនកត់ត្រាដោយដៃទេ',
  ),
  alreadyABankLoan: T('is already a bank loan', 'ជាប្រាក់កម្ចីធនាគាររួចហើយ'),
  notOwedToBank: T('is not a bank loan this group owes', 'មិនមែនជាប្រាក់កម្ចីធនាគារដែលក្រុមនេះជំពាក់ទេ'),
  moreThanOwedToBank: (owed: bigint) =>
    T(`is more than the balance owed to the bank (${owed})`, `លើសចំនួនដែលជំពាក់ធនាគារ (${owed})`),
  reversalOfReversal: T(
    'a reversal cannot itself be reversed; record the entry again instead',
    'ការបញ្ច្រាសមិនអាចត្រូវបានបញ្ច្រាសម្តងទៀតបានទេ៖ សូមកត់ត្រាកំណត់ត្រានោះម្តងទៀតជំនួសវិញ',
  ),
  notReversible: (kind: string) =>
    T(
      `a ${kind.toLowerCase().replace(/_/g, ' ')} (${kind}) cannot be reversed`,
      `កំណត់ត្រាប្រភេទ ${kind} មិនអាចបញ្ច្រាសបានទេ`,
    ),
  loanHasRepayments: T(
    'this loan has repayments; reverse those first',
    'ប្រាក់កម្ចីនេះមានការសងរួចហើយ៖ សូមបញ្ច្រាសការសងទាំងនោះជាមុនសិន',
  ),
  loanClosed: T(
    'the loan of this repayment is closed and can no longer be changed',
    'ប្រាក់កម្ចីនៃការសងនេះបានបិទហើយ ហើយមិនអាចផ្លាស់ប្តូរបានទៀតទេ',
  ),
  repaymentGone: T(
    'the loan does not hold this repayment any more (was it already reversed?)',
    'ប្រាក់កម្ចីលែងមានការសងនេះទៀតហើយ (តើវាត្រូវបានបញ្ច្រាសរួចហើយឬ?)',
  ),
  savingsBelowZero: T("would take the member's savings below zero", 'នឹងធ្វើឱ្យប្រាក់សន្សំរបស់សមាជិកតិចជាងសូន្យ'),
  approvedLoanOnly: (status: string) =>
    T(
      `Only an approved loan is paid out; this one is ${status.toLowerCase()} (${status}).`,
      `មានតែប្រាក់កម្ចីដែលបានអនុម័តប៉ុណ្ណោះដែលត្រូវបានផ្តល់ប្រាក់៖ ប្រាក់កម្ចីនេះ ${stateKm(status)}។`,
    ),
  loanDecided: (status: string) =>
    T(`This loan is already ${status.toLowerCase()} (${status}).`, `ប្រាក់កម្ចីនេះ ${stateKm(status)} រួចហើយ។`),
  approvalSetsInterest: T('an approval sets the interest', 'ការអនុម័តត្រូវកំណត់អត្រាការប្រាក់'),

  // Meetings
  listedTwice: T('is listed twice', 'មានឈ្មោះពីរដង'),
  everyMemberListed: (memberId: string) =>
    T(`must list every member; ${memberId} is missing`, `ត្រូវមានឈ្មោះសមាជិកទាំងអស់៖ ខ្វះ ${memberId}`),
  notAMemberOfGroupOn: (date: string) =>
    T(`was not a member of the group on ${date}`, `មិនមែនជាសមាជិកក្រុមនៅថ្ងៃ ${date} ទេ`),

  // Bank access
  grantCannot: (state: string, action: Action) =>
    T(
      `A grant that is ${state.toLowerCase()} (${state}) cannot be ${ACTION[action].done}.`,
      `ការអនុញ្ញាតដែល ${stateKm(state)} មិនអាច${ACTION[action].km}បានទេ។`,
    ),
  requestWaiting: T(
    'Your bank already has a request waiting for this group.',
    'ធនាគាររបស់អ្នកមានសំណើមួយកំពុងរង់ចាំសម្រាប់ក្រុមនេះរួចហើយ។',
  ),
  requestIs: (state: string, action: Action) =>
    T(
      `This request is ${state.toLowerCase()} (${state}); it cannot be ${ACTION[action].done}.`,
      `សំណើនេះ ${stateKm(state)}៖ មិនអាច${ACTION[action].km}បានទេ។`,
    ),
  narrowScopes: T('may only narrow the scopes the bank asked for', 'អាចត្រឹមតែបន្ថយវិសាលភាពដែលធនាគារបានស្នើប៉ុណ្ណោះ'),
  narrowRange: T('may only narrow the data range the bank asked for', 'អាចត្រឹមតែបង្រួមរយៈពេលទិន្នន័យដែលធនាគារបានស្នើប៉ុណ្ណោះ'),
  shortenDuration: T('may only shorten the duration the bank asked for', 'អាចត្រឹមតែកាត់បន្ថយរយៈពេលដែលធនាគារបានស្នើប៉ុណ្ណោះ'),
};

/**
 * Messages of zod's checks that Krom writes itself (its built-in checks speak Khmer through zod's
 * own locale). Used through `says` in validation.ts, which remembers each one's Khmer.
 */
export const invalid = {
  id: T('is not a valid id', 'មិនមែនជាលេខសម្គាល់ត្រឹមត្រូវទេ'),
  idempotencyKey: T(
    'must be 8–64 letters, digits, "-" or "_" (a UUID fits)',
    'ត្រូវតែមានអក្សរ លេខ "-" ឬ "_" ពី 8 ដល់ 64 តួ (UUID ក៏បាន)',
  ),
  atMostChars: (max: number) => T(`must be at most ${max} characters`, `ត្រូវតែមិនលើសពី ${max} តួអក្សរ`),
  blank: T('must not be blank', 'មិនអាចទទេបានទេ'),
  controlCharacters: T('must not contain control characters', 'មិនអាចមានតួអក្សរបញ្ជា (control characters) បានទេ'),
  dateFormat: T('must be a date as YYYY-MM-DD', 'ត្រូវតែជាកាលបរិច្ឆេទ YYYY-MM-DD (ឆ្នាំ-ខែ-ថ្ងៃ)'),
  notACalendarDate: T('is not a real calendar date', 'មិនមែនជាថ្ងៃពិតប្រាកដក្នុងប្រតិទិនទេ'),
  dateBetween: T('must be between 1990 and 2100', 'ត្រូវតែនៅចន្លោះឆ្នាំ 1990 និង 2100'),
  placeCodeFormat: T('must be a place code of 2, 4, 6 or 8 digits', 'ត្រូវតែជាលេខកូដទីកន្លែងមាន 2, 4, 6 ឬ 8 ខ្ទង់'),
  unknownPlace: T('is not a known place code', 'មិនមែនជាលេខកូដទីកន្លែងដែលស្គាល់ទេ'),
  communeOrVillage: T('must be a commune (6 digits) or village (8 digits) code', 'ត្រូវតែជាលេខកូដឃុំ (6 ខ្ទង់) ឬភូមិ (8 ខ្ទង់)'),
  communeCode: T('must be a commune code of 6 digits', 'ត្រូវតែជាលេខកូដឃុំមាន 6 ខ្ទង់'),
  minorUnits: T('must be a whole number of minor units', 'ត្រូវតែជាចំនួនគត់នៃរៀល ឬសេន'),
  moreThanZero: T('must be more than zero', 'ត្រូវតែធំជាងសូន្យ'),
  notNegative: T('must not be negative', 'មិនអាចអវិជ្ជមានបានទេ'),
  atLeast: (min: number) => T(`must be at least ${min}`, `ត្រូវតែយ៉ាងហោចណាស់ ${min}`),
  atMost: (max: number, meaning = '') =>
    T(`must be at most ${max}${meaning ? ` (${meaning})` : ''}`, `ត្រូវតែមិនលើសពី ${max}${meaning ? ` (${meaning})` : ''}`),
  atMostMonths: (max: number) => T(`must be at most ${max} months`, `ត្រូវតែមិនលើសពី ${max} ខែ`),
  weekOfMonth: T('must be 1, 2, 3, 4 or -1 (the last week)', 'ត្រូវតែជា 1, 2, 3, 4 ឬ -1 (សប្តាហ៍ចុងក្រោយ)'),
  phone: T('must be a phone number of digits, optionally starting with +', 'ត្រូវតែជាលេខទូរស័ព្ទជាលេខ ដែលអាចចាប់ផ្តើមដោយ +'),
  mobilePhone: T(
    "must be a mobile number: 012 345 678, or +855 12 345 678, or another country's with its +",
    'ត្រូវតែជាលេខទូរស័ព្ទដៃ៖ 012 345 678 ឬ +855 12 345 678 ឬលេខប្រទេសផ្សេងដែលមាន + របស់វា',
  ),
  atLeastOneScope: T('must name at least one scope', 'ត្រូវតែបញ្ជាក់វិសាលភាពយ៉ាងហោចណាស់មួយ'),
  endsAfterBegins: T('must end on or after it begins', 'ត្រូវតែបញ្ចប់នៅថ្ងៃចាប់ផ្តើម ឬក្រោយនោះ'),
  atLeastOneGroup: T('must name at least one group', 'ត្រូវតែបញ្ជាក់ក្រុមយ៉ាងហោចណាស់មួយ'),
  atMostGroups: (max: number) =>
    T(
      `must name at most ${max} groups; record larger deliveries by commune`,
      `ត្រូវតែបញ្ជាក់មិនលើសពី ${max} ក្រុម៖ សូមកត់ត្រាការផ្តល់សេវាធំជាងនេះតាមឃុំ`,
    ),
  groupTwice: T('must not name a group twice', 'មិនអាចបញ្ជាក់ក្រុមតែមួយពីរដងបានទេ'),
  womenWithinParticipants: T('must not be more than the participants', 'មិនអាចលើសចំនួនអ្នកចូលរួមបានទេ'),
  listMembers: T('must list the members', 'ត្រូវតែរាយឈ្មោះសមាជិក'),
  atMostListed: (max: number, what: string, whatKm: string) =>
    T(`must list at most ${max} ${what}`, `ត្រូវតែរាយមិនលើសពី ${max} ${whatKm}`),
  atLeastOneEntry: T('must hold at least one entry', 'ត្រូវតែមានកំណត់ត្រាយ៉ាងហោចណាស់មួយ'),
  atLeastOneMeeting: T('must hold at least one meeting', 'ត្រូវតែមានការប្រជុំយ៉ាងហោចណាស់មួយ'),
  communeOrGroups: T('give either communeCode or groupIds, not both', 'សូមផ្តល់ communeCode ឬ groupIds តែមួយ មិនមែនទាំងពីរទេ'),
};
