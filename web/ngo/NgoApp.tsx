/** An NGO's staff screens, loaded as a chunk of their own: where its sector's services reach, and its services and deliveries. */
import { Route, Router } from 'preact-iso';
import { NgoWorkDocument } from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { Shell, type TabSpec } from '../shell/Shell.tsx';
import { useQuery } from '../shell/useQuery.ts';
import { Coverage } from './Coverage.tsx';
import { Services } from './Services.tsx';

export default function NgoApp({ ngoId }: { ngoId: string }) {
  const t = useT();
  const tabs: TabSpec[] = [
    { href: '/', icon: 'home', label: t('navCoverage') },
    { href: '/services', icon: 'book', label: t('navServices') },
  ];
  return (
    <Shell title={null} tabs={tabs}>
      <Router>
        <Route path="/services" component={() => <Services ngoId={ngoId} />} />
        <Route default component={() => <CoverageOfMySectors ngoId={ngoId} />} />
      </Router>
    </Shell>
  );
}

/**
 * Coverage opens at once: the NGO's own sectors only order the choices (and pick the first shown
 * when the address names none), so they are not waited for.
 */
function CoverageOfMySectors({ ngoId }: { ngoId: string }) {
  const answer = useQuery(NgoWorkDocument, { ngoId });
  return <Coverage sectors={answer.data?.ngo?.sectors ?? []} />;
}
