/** A rural bank loan officer's screens, loaded as a chunk of their own. */
import { Route, Router } from 'preact-iso';
import { useT } from '../i18n/i18n.tsx';
import { Shell, type TabSpec } from '../shell/Shell.tsx';
import { Access } from './Access.tsx';
import { Ask } from './Ask.tsx';
import { Directory } from './Directory.tsx';
import { Loans } from './Loans.tsx';
import { Profile } from './Profile.tsx';

export default function BankApp() {
  const t = useT();
  const tabs: TabSpec[] = [
    { href: '/', icon: 'home', label: t('navDirectory') },
    { href: '/access', icon: 'bank', label: t('navAccess') },
    { href: '/loans', icon: 'book', label: t('navLoans') },
  ];
  return (
    <Shell title={null} tabs={tabs}>
      <Router>
        <Route path="/ask/:groupId" component={({ groupId }: { groupId: string }) => <Ask groupId={groupId} />} />
        <Route path="/access" component={Access} />
        <Route path="/loans" component={Loans} />
        <Route
          path="/profile/:groupId"
          component={({ groupId }: { groupId: string }) => <Profile groupId={groupId} />}
        />
        <Route default component={Directory} />
      </Router>
    </Shell>
  );
}
