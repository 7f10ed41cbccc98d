/** A federation coordinator's screens, loaded as a chunk of their own: her overview (and any federation below hers), a member group's page, and onboarding a group. */
import { Route, Router } from 'preact-iso';
import { useT } from '../i18n/i18n.tsx';
import { Shell, type TabSpec } from '../shell/Shell.tsx';
import { GroupPage } from './GroupPage.tsx';
import { Onboard } from './Onboard.tsx';
import { Overview } from './Overview.tsx';

export default function CoordinatorApp({ federationId }: { federationId: string }) {
  const t = useT();
  const tabs: TabSpec[] = [
    { href: '/', icon: 'home', label: t('navOverview') },
    { href: '/onboard', icon: 'plus', label: t('navOnboard') },
  ];
  return (
    <Shell title={null} tabs={tabs}>
      <Router>
        <Route path="/onboard" component={() => <Onboard federationId={federationId} />} />
        <Route
          path="/group/:groupId"
          component={({ groupId }: { groupId: string }) => <GroupPage groupId={groupId} />}
        />
        <Route path="/federation/:id" component={({ id }: { id: string }) => <Overview federationId={id} />} />
        <Route default component={() => <Overview federationId={federationId} />} />
      </Router>
    </Shell>
  );
}
