/** An administrator's screens, loaded as a chunk of their own. People and their roles, for now. */
import { useT } from '../i18n/i18n.tsx';
import { Shell, type TabSpec } from '../shell/Shell.tsx';
import { People } from './People.tsx';

export default function AdminApp() {
  const t = useT();
  const tabs: TabSpec[] = [{ href: '/', icon: 'members', label: t('people') }];
  return (
    <Shell title={null} tabs={tabs}>
      <People />
    </Shell>
  );
}
