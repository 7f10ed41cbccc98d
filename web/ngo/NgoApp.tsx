/** An NGO's staff screens, loaded as a chunk of their own: where its sector's services reach, and its services and deliveries. */
import { Route, Router } from 'preact-iso';
import { NgoWorkDocument } from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { Shell, type TabSpec } from '../shell/Shell.tsx';
import { Loading, Problem } from '../shell/Status.tsx';
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

function CoverageOfMySectors({ ngoId }: { ngoId: string }) {
  const answer = useQuery(NgoWorkDocument, { ngoId });
  const ngo = answer.data?.ngo;
  if (answer.error && !ngo) return <Problem error={answer.error} retry={answer.reload} />;
  if (!ngo) return <Loading />;
  return <Coverage sectors={ngo.sectors} />;
}
