/**
 * The app: who is signed in, which group she keeps, and the screens of her job. Officers' screens
 * live in officers/; the sign-in page depends on the build (local or Cognito).
 */
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { LanguageProvider, useT } from './i18n/i18n.tsx';
import { currentSession, onSessionChange, type Session } from './session/session.ts';
import { Shell, type TabSpec } from './shell/Shell.tsx';
import { useQuery } from './shell/useQuery.ts';
import { MyGroupsDocument } from './generated/graphql.ts';
import { Home } from './officers/Home.tsx';
import { RecordMeeting } from './officers/RecordMeeting.tsx';
import { Members } from './officers/Members.tsx';
import { Passbook } from './officers/Passbook.tsx';
import { BankAccess } from './officers/BankAccess.tsx';
import { BankLoans } from './officers/BankLoans.tsx';
import { CashBook } from './officers/CashBook.tsx';
import { Minutes } from './officers/Minutes.tsx';
import { Money } from './officers/Money.tsx';
import { Loans } from './officers/Loans.tsx';
import { RulesAndOfficers } from './officers/RulesAndOfficers.tsx';
import { Loading, Problem } from './shell/Status.tsx';
import { Icon } from './shell/Icon.tsx';
import { keepOutboxFor } from './outbox/outbox.ts';

// Only a local build carries the local sign-in page: elsewhere this is `null` and the bundler
// drops the import with everything in it (test/web/build.test.ts checks the production build).
const loadLocalSignIn =
  import.meta.env.MODE === 'krom-local' ? () => import('./session/LocalSignIn.tsx').then((m) => m.default) : null;

export function App() {
  return (
    <LanguageProvider>
      <LocationProvider>
        <SignedIn />
      </LocationProvider>
    </LanguageProvider>
  );
}

function SignedIn() {
  const [session, setSession] = useState<Session | null>(currentSession);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  if (!session) return loadLocalSignIn ? <Lazy load={loadLocalSignIn} props={{}} /> : <CognitoSignIn />;
  return <PersonApp key={session.userId} />;
}

// The coordinator's screens (and the chart library they load) are a chunk of their own: officers'
// phones never download them.
const loadCoordinatorApp = () => import('./federation/CoordinatorApp.tsx').then((m) => m.default);
const loadAdminApp = () => import('./admin/AdminApp.tsx').then((m) => m.default);
const loadBankApp = () => import('./bank/BankApp.tsx').then((m) => m.default);
const loadNgoApp = () => import('./ngo/NgoApp.tsx').then((m) => m.default);

/** The screens of her job: a group's officer, a federation's coordinator, an administrator, a bank's loan officer, an NGO's staff. */
function PersonApp() {
  const t = useT();
  const groups = useQuery(MyGroupsDocument, {});
  // Her groups' meetings are the ones this phone shows and sends while she is signed in.
  const groupIds = groups.data?.myGroups.map((g) => g.id).join(' ') ?? '';
  useEffect(() => {
    keepOutboxFor(groupIds ? groupIds.split(' ') : []);
    return () => keepOutboxFor([]);
  }, [groupIds]);
  if (groups.error)
    return (
      <Shell title={null} tabs={[]}>
        <Problem error={groups.error} retry={groups.reload} />
      </Shell>
    );
  if (!groups.data)
    return (
      <Shell title={null} tabs={[]}>
        <Loading />
      </Shell>
    );
  const group = groups.data.myGroups[0];
  if (group) return <OfficerScreens group={group} />;
  const federationId = groups.data.viewer.roles.find(
    (r) => r.tenantType === 'FEDERATION' && r.role === 'COORDINATOR',
  )?.tenantId;
  if (federationId) return <Lazy load={loadCoordinatorApp} props={{ federationId }} />;
  const roles = groups.data.viewer.roles;
  if (roles.some((r) => r.tenantType === 'PLATFORM' && r.role === 'ADMIN'))
    return <Lazy load={loadAdminApp} props={{}} />;
  if (roles.some((r) => r.tenantType === 'BANK' && r.role === 'LOAN_OFFICER'))
    return <Lazy load={loadBankApp} props={{}} />;
  const ngoId = roles.find((r) => r.tenantType === 'NGO' && r.role === 'STAFF')?.tenantId;
  if (ngoId) return <Lazy load={loadNgoApp} props={{ ngoId }} />;
  return (
    <Shell title={null} tabs={[]}>
      <p class="note">{t('notYourScreens')}</p>
    </Shell>
  );
}

function OfficerScreens({ group }: { group: { id: string; name: string } }) {
  const t = useT();
  const tabs: TabSpec[] = [
    { href: '/', icon: 'home', label: t('navHome') },
    { href: '/meeting', icon: 'meeting', label: t('navMeeting') },
    { href: '/members', icon: 'members', label: t('navMembers') },
    { href: '/bank', icon: 'bank', label: t('navBank') },
  ];
  return (
    <Shell title={group.name} tabs={tabs}>
      <Router>
        <Route path="/" component={() => <Home groupId={group.id} />} />
        <Route path="/meeting" component={() => <RecordMeeting groupId={group.id} />} />
        <Route
          path="/meeting/:key"
          component={({ key }: { key: string }) => <RecordMeeting groupId={group.id} fixing={key} />}
        />
        <Route path="/members" component={() => <Members groupId={group.id} />} />
        <Route
          path="/members/:memberId"
          component={({ memberId }: { memberId: string }) => <Passbook groupId={group.id} memberId={memberId} />}
        />
        <Route path="/bank" component={() => <BankAccess groupId={group.id} />} />
        <Route path="/bank-loans" component={() => <BankLoans groupId={group.id} />} />
        <Route path="/loans" component={() => <Loans groupId={group.id} />} />
        <Route path="/cash-book" component={() => <CashBook groupId={group.id} />} />
        <Route path="/money" component={() => <Money groupId={group.id} />} />
        <Route path="/minutes" component={() => <Minutes groupId={group.id} />} />
        <Route path="/group" component={() => <RulesAndOfficers groupId={group.id} />} />
        <Route default component={() => <Home groupId={group.id} />} />
      </Router>
    </Shell>
  );
}

/** A component loaded when first needed. */
function Lazy<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Page, setPage] = useState<ComponentType<P> | null>(null);
  useEffect(() => void load().then((page) => setPage(() => page)), [load]);
  return Page ? <Page {...props} /> : <Loading />;
}

/**
 * In AWS: Cognito's managed login. The button goes there; coming back with a code, the page
 * finishes the sign-in (PKCE) on its own. The module is loaded only here.
 */
function CognitoSignIn() {
  const t = useT();
  const answering = new URLSearchParams(location.search).has('code');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!answering) return;
    import('./session/cognito.ts')
      .then((cognito) => cognito.completeSignIn())
      .catch((error) => {
        console.error(error);
        history.replaceState(null, '', '/');
        setFailed(true);
      });
  }, [answering]);
  if (answering && !failed) return <Loading />;
  return (
    <div class="shell">
      <header class="top">
        <div class="brand">
          <span class="app-name">{t('appName')}</span>
        </div>
        <div class="top-actions">
          <button
            type="button"
            class="chip"
            onClick={() => t.setLanguage(t.language === 'km' ? 'en' : 'km')}
            aria-label={t('languageLabel')}
          >
            {t('language')}
          </button>
        </div>
      </header>
      <main class="page">
        <h1>{t('signInTitle')}</h1>
        <p class="note">{t('signInCognitoNote')}</p>
        {failed && <p role="alert">{t('signInFailed')}</p>}
        <button
          type="button"
          class="button primary"
          onClick={() =>
            void import('./session/cognito.ts').then((cognito) => cognito.signIn()).catch(() => setFailed(true))
          }
        >
          <Icon name="members" /> {t('signInCognito')}
        </button>
      </main>
    </div>
  );
}
