/** A federation coordinator's screens, loaded as a chunk of their own. Her overview, for now. */
import { useT } from '../i18n/i18n.tsx';
import { Shell, type TabSpec } from '../shell/Shell.tsx';
import { Overview } from './Overview.tsx';

export default function CoordinatorApp({ federationId }: { federationId: string }) {
  const t = useT();
  const tabs: TabSpec[] = [{ href: '/', icon: 'home', label: t('navOverview') }];
  return (
    <Shell title={null} tabs={tabs}>
      <Overview federationId={federationId} />
    </Shell>
  );
}
