/**
 * Every word the app shows, Khmer first and English beside it, in one typed catalog: a key without
 * both languages does not compile, and test/web/messages.test.ts fails on an empty one. Words that
 * take a value are functions of it, so word order stays each language's own.
 */
/** The languages the app speaks: Khmer first. */
export type Language = 'km' | 'en';

export interface Words {
  km: string;
  en: string;
}
/** A phrase that takes a value: each language places it where its grammar wants. */
export type Phrase = { km: (...a: never[]) => string; en: (...a: never[]) => string };

export const messages = {
  appName: { km: 'ក្រុម', en: 'Krom' },
  online: { km: 'មានអ៊ីនធឺណិត', en: 'Online' },
  offline: { km: 'គ្មានអ៊ីនធឺណិត', en: 'Offline' },
  language: { km: 'English', en: 'ខ្មែរ' },
  languageLabel: { km: 'ប្តូរភាសា', en: 'Change language' },
  signOut: { km: 'ចាកចេញ', en: 'Sign out' },
  signIn: { km: 'ចូល', en: 'Sign in' },
  signInTitle: { km: 'ចូលប្រើក្រុម', en: 'Sign in to Krom' },
  signInCognito: { km: 'ចូលដោយលេខទូរស័ព្ទ', en: 'Sign in with your phone number' },
  noGroup: {
    km: 'អ្នកមិនទាន់ជាអ្នកកាន់តំណែងនៃក្រុមណាមួយទេ',
    en: 'You are not an officer of any group yet',
  },
  loading: { km: 'កំពុងផ្ទុក…', en: 'Loading…' },
  loadFailed: { km: 'មិនអាចផ្ទុកបានទេ', en: 'Could not load' },
  tryAgain: { km: 'ព្យាយាមម្តងទៀត', en: 'Try again' },
  shownFromPhone: {
    km: 'បង្ហាញពីទូរស័ព្ទ (គ្មានអ៊ីនធឺណិត)',
    en: 'Shown from this phone (offline)',
  },

  navHome: { km: 'ទំព័រដើម', en: 'Home' },
  navMeeting: { km: 'កិច្ចប្រជុំ', en: 'Meeting' },
  navMembers: { km: 'សមាជិក', en: 'Members' },

  cashBox: { km: 'ប្រអប់សាច់ប្រាក់', en: 'Cash box' },
  bank: { km: 'ធនាគារ', en: 'Bank' },
  savings: { km: 'ប្រាក់សន្សំ', en: 'Savings' },
  loansOutstanding: { km: 'ប្រាក់កម្ចីនៅជំពាក់', en: 'Loans outstanding' },
  socialFund: { km: 'មូលនិធិសង្គម', en: 'Social fund' },
  nextMeeting: { km: 'កិច្ចប្រជុំបន្ទាប់', en: 'Next meeting' },
  lastMeeting: { km: 'កិច្ចប្រជុំចុងក្រោយ', en: 'Last meeting' },
  noMeetingYet: { km: 'មិនទាន់មានកិច្ចប្រជុំ', en: 'No meeting yet' },
  loansDue: { km: 'កម្ចីដល់ថ្ងៃសង', en: 'Loans due' },
  loansLate: { km: 'កម្ចីយឺត', en: 'Loans late' },
  daysLate: { km: (n: number) => `យឺត ${n} ថ្ងៃ`, en: (n: number) => `${n} days late` },
  bankRequests: { km: 'សំណើពីធនាគារ', en: 'Bank requests' },
  waitingToSend: { km: 'កិច្ចប្រជុំរង់ចាំផ្ញើ', en: 'Meetings waiting to be sent' },
  waitingCount: {
    km: (n: number) => `${n} កិច្ចប្រជុំរង់ចាំផ្ញើ`,
    en: (n: number) => (n === 1 ? '1 meeting waiting' : `${n} meetings waiting`),
  },
  sendNow: { km: 'ផ្ញើឥឡូវ', en: 'Send now' },
  recordMeeting: { km: 'កត់ត្រាកិច្ចប្រជុំ', en: 'Record a meeting' },

  meetingDate: { km: 'ថ្ងៃប្រជុំ', en: 'Meeting date' },
  attendance: { km: 'វត្តមាន', en: 'Attendance' },
  present: { km: 'មក', en: 'Present' },
  absent: { km: 'អវត្តមាន', en: 'Absent' },
  represented: { km: 'មានតំណាង', en: 'Represented' },
  attendanceOf: {
    km: (name: string) => `វត្តមានរបស់ ${name}`,
    en: (name: string) => `Attendance of ${name}`,
  },
  saving: { km: 'សន្សំ', en: 'Saving' },
  savingOf: { km: (name: string) => `ប្រាក់សន្សំរបស់ ${name}`, en: (name: string) => `Saving of ${name}` },
  repayment: { km: 'សងប្រាក់កម្ចី', en: 'Repayment' },
  repaymentOf: { km: (name: string) => `ប្រាក់សងរបស់ ${name}`, en: (name: string) => `Repayment by ${name}` },
  fine: { km: 'ប្រាក់ពិន័យ', en: 'Fine' },
  fineOf: { km: (name: string) => `ប្រាក់ពិន័យរបស់ ${name}`, en: (name: string) => `Fine of ${name}` },
  socialFundOf: {
    km: (name: string) => `មូលនិធិសង្គមរបស់ ${name}`,
    en: (name: string) => `Social fund from ${name}`,
  },
  memberSavings: { km: (amount: string) => `សន្សំរួច ${amount}`, en: (amount: string) => `Has saved ${amount}` },
  newLoans: { km: 'កម្ចីថ្មី', en: 'New loans' },
  addLoan: { km: 'បន្ថែមកម្ចី', en: 'Add a loan' },
  borrower: { km: 'អ្នកខ្ចី', en: 'Borrower' },
  amount: { km: 'ចំនួនទឹកប្រាក់', en: 'Amount' },
  termMonths: { km: 'រយៈពេល (ខែ)', en: 'Term (months)' },
  remove: { km: 'លុបចេញ', en: 'Remove' },
  payouts: { km: 'ជំនួយពីមូលនិធិសង្គម', en: 'Social fund payouts' },
  addPayout: { km: 'បន្ថែមជំនួយ', en: 'Add a payout' },
  reason: { km: 'មូលហេតុ', en: 'Reason' },
  ILLNESS: { km: 'ជំងឺ', en: 'Illness' },
  FUNERAL: { km: 'បុណ្យសព', en: 'Funeral' },
  VILLAGE_WORKS: { km: 'ការងារភូមិ', en: 'Village works' },
  OTHER: { km: 'ផ្សេងៗ', en: 'Other' },
  minutes: { km: 'កំណត់ហេតុប្រជុំ', en: 'Minutes' },
  addMinutesLine: { km: 'បន្ថែមរបៀបវារៈ', en: 'Add an agenda item' },
  agendaItem: { km: 'របៀបវារៈ', en: 'Agenda item' },
  discussed: { km: 'បានពិភាក្សា', en: 'Discussed' },
  decision: { km: 'សេចក្តីសម្រេច', en: 'Decision' },
  summary: { km: 'សង្ខេប', en: 'Summary' },
  cashBefore: { km: 'សាច់ប្រាក់មុនប្រជុំ', en: 'Cash before' },
  cashIn: { km: 'ចូល', en: 'In' },
  cashOut: { km: 'ចេញ', en: 'Out' },
  cashAfter: { km: 'សាច់ប្រាក់ក្រោយប្រជុំ', en: 'Cash after' },
  confirmMeeting: { km: 'បញ្ជាក់ និងរក្សាទុក', en: 'Confirm and save' },
  checkMeeting: { km: 'ពិនិត្យមុនរក្សាទុក', en: 'Check before saving' },
  back: { km: 'ត្រឡប់ក្រោយ', en: 'Back' },
  savedOnPhone: {
    km: 'បានរក្សាទុកលើទូរស័ព្ទ។ នឹងផ្ញើពេលមានអ៊ីនធឺណិត។',
    en: 'Saved on this phone. It will be sent when there is a network.',
  },
  statusWAITING: { km: 'រង់ចាំផ្ញើ', en: 'Waiting' },
  statusSENDING: { km: 'កំពុងផ្ញើ', en: 'Sending' },
  statusSENT: { km: 'បានផ្ញើ', en: 'Sent' },
  statusREJECTED: { km: 'មិនទទួលយក', en: 'Not accepted' },
  fixAndSend: { km: 'កែ ហើយផ្ញើម្តងទៀត', en: 'Fix and send again' },
  meetingsOnPhone: { km: 'កិច្ចប្រជុំលើទូរស័ព្ទនេះ', en: 'Meetings on this phone' },
  alreadyRecorded: {
    km: 'កិច្ចប្រជុំថ្ងៃនេះត្រូវបានកត់ត្រាដោយទូរស័ព្ទផ្សេងរួចហើយ។ សូមពិនិត្យជាមួយអ្នកកាន់តំណែងផ្សេងទៀត។',
    en: 'This meeting was already recorded from another phone. Check with the other officers.',
  },
  errAmount: { km: 'សូមបញ្ចូលចំនួនគត់', en: 'Enter a whole amount' },
  errLoanTooBig: {
    km: (max: string) => `កម្ចីលើសពីអ្វីដែលលក្ខន្តិកៈអនុញ្ញាត (អតិបរមា ${max})`,
    en: (max: string) => `More than the constitution allows her (at most ${max})`,
  },
  errLoanTerm: {
    km: (max: number) => `រយៈពេលលើស ${max} ខែ`,
    en: (max: number) => `Longer than ${max} months`,
  },
  errCashShort: {
    km: 'សាច់ប្រាក់ក្នុងប្រអប់មិនគ្រប់គ្រាន់',
    en: 'Not enough cash in the box',
  },
  errNoBorrower: { km: 'សូមជ្រើសរើសអ្នកខ្ចី', en: 'Choose the borrower' },
  errAgendaItem: { km: 'សូមសរសេររបៀបវារៈ', en: 'Write the agenda item' },
  fixBelow: { km: 'សូមកែកំហុសខាងក្រោម', en: 'Please fix what is marked below' },

  navBank: { km: 'ធនាគារ', en: 'Banks' },
  bankAccess: { km: 'ការមើលរបស់ធនាគារ', en: 'Bank access' },
  SAVINGS_SUMMARY: { km: 'ប្រាក់សន្សំ', en: 'savings' },
  LOAN_BOOK_QUALITY: { km: 'ការសងប្រាក់កម្ចី', en: 'how loans are repaid' },
  MEETING_DISCIPLINE: { km: 'វត្តមានប្រជុំ', en: 'meeting attendance' },
  CREDIT_GRADE: { km: 'ចំណាត់ថ្នាក់ឥណទាន', en: 'credit grade' },
  BANK_LOAN_HISTORY: { km: 'ប្រវត្តិកម្ចីធនាគារ', en: 'bank loan history' },
  LOAN_ASSESSMENT: { km: 'ដើម្បីវាយតម្លៃប្រាក់កម្ចី', en: 'to assess a loan' },
  LOAN_MONITORING: { km: 'ដើម្បីតាមដានប្រាក់កម្ចី', en: 'to follow a loan' },
  bankAsks: {
    km: (bank: string, what: string, months: number, purpose: string) =>
      `${bank} សុំមើល${what}របស់ក្រុមអ្នក រយៈពេល ${months} ខែ ${purpose}។`,
    en: (bank: string, what: string, months: number, purpose: string) =>
      `${bank} asks to see your ${what} for ${months} months, ${purpose}.`,
  },
  recordsFrom: {
    km: (from: string, to: string) => `កំណត់ត្រាពី ${from} ដល់ ${to}`,
    en: (from: string, to: string) => `Records from ${from} to ${to}`,
  },
  bankMaySee: {
    km: (bank: string, what: string, until: string) => `${bank} អាចមើល${what}របស់ក្រុមអ្នក រហូតដល់ ${until}`,
    en: (bank: string, what: string, until: string) => `${bank} may see your ${what} until ${until}`,
  },
  bankLooked: {
    km: (officer: string, bank: string, what: string, on: string) =>
      `${officer} នៃ ${bank} បានមើល${what}របស់ក្រុមអ្នក នៅថ្ងៃ ${on}`,
    en: (officer: string, bank: string, what: string, on: string) =>
      `${officer} of ${bank} looked at your ${what} on ${on}`,
  },
  and: { km: ' និង ', en: ' and ' },
  waitingRequests: { km: 'សំណើរង់ចាំចម្លើយ', en: 'Requests waiting for your answer' },
  noWaitingRequests: { km: 'គ្មានសំណើរង់ចាំទេ', en: 'No request is waiting' },
  grants: { km: 'ការអនុញ្ញាត', en: 'What banks may see' },
  readLog: { km: 'អ្នកដែលបានមើល', en: 'Who looked' },
  noReads: { km: 'មិនទាន់មានធនាគារណាមើលទេ', en: 'No bank has looked yet' },
  whatTheyMaySee: { km: 'អ្វីដែលពួកគេអាចមើល', en: 'What they may see' },
  forMonths: { km: 'រយៈពេល (ខែ)', en: 'For how many months' },
  rangeFrom: { km: 'កំណត់ត្រាចាប់ពី', en: 'Records from' },
  rangeTo: { km: 'ដល់', en: 'Records to' },
  approve: { km: 'អនុញ្ញាត', en: 'Approve' },
  reject: { km: 'បដិសេធ', en: 'Reject' },
  pause: { km: 'ផ្អាក', en: 'Pause' },
  resume: { km: 'បន្ត', en: 'Resume' },
  revoke: { km: 'ដកហូត', en: 'Revoke' },
  reasonRequired: { km: 'មូលហេតុ (ចាំបាច់)', en: 'Reason (needed)' },
  grantACTIVE: { km: 'កំពុងអនុញ្ញាត', en: 'Allowed' },
  grantPAUSED: { km: 'បានផ្អាក', en: 'Paused' },
  grantREVOKED: { km: 'បានដកហូត', en: 'Revoked' },
  grantEXPIRED: { km: 'ផុតកំណត់', en: 'Expired' },
  requestAPPROVED: { km: 'បានអនុញ្ញាត', en: 'Approved' },
  requestREJECTED: { km: 'បានបដិសេធ', en: 'Rejected' },
  requestWITHDRAWN: { km: 'ធនាគារបានដកវិញ', en: 'Withdrawn by the bank' },
  requestEXPIRED: { km: 'ផុតកំណត់', en: 'Expired' },
  requestPENDING: { km: 'រង់ចាំ', en: 'Waiting' },
  pastRequests: { km: 'សំណើមុនៗ', en: 'Earlier requests' },
  members: { km: 'សមាជិក', en: 'Members' },
  memberCount: { km: (n: number) => `សមាជិក ${n} នាក់`, en: (n: number) => `${n} members` },
  addMember: { km: 'បន្ថែមសមាជិក', en: 'Add a member' },
  name: { km: 'ឈ្មោះ', en: 'Name' },
  sex: { km: 'ភេទ', en: 'Sex' },
  FEMALE: { km: 'ស្រី', en: 'Female' },
  MALE: { km: 'ប្រុស', en: 'Male' },
  phone: { km: 'លេខទូរស័ព្ទ', en: 'Phone' },
  joinedOn: { km: 'ថ្ងៃចូលជាសមាជិក', en: 'Joined on' },
  save: { km: 'រក្សាទុក', en: 'Save' },
  saved: { km: 'បានរក្សាទុក', en: 'Saved' },
  needsNetwork: {
    km: 'ការងារនេះត្រូវការអ៊ីនធឺណិត',
    en: 'This needs a network',
  },
} satisfies Record<string, Words | Phrase>;

export type MessageKey = keyof typeof messages;
