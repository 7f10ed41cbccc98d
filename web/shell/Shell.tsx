/**
 * The frame of every screen: the group, whether the phone is online and how many meetings wait to
 * be sent (always visible), the language switch, and the big icon-and-word tabs at the bottom.
 */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useT } from '../i18n/i18n.tsx';
import { signOut } from '../session/session.ts';
import { useOnline, useOutbox, useOutboxRefusal } from './hooks.ts';
import { Icon, type IconName } from './Icon.tsx';
import { plainReason } from './reason.ts';

export interface TabSpec {
  href: string;
  icon: IconName;
  label: string;
}

/** `title`: the group or federation she works on; `tabs`: the screens of her job. */
export function Shell({
  title,
  tabs,
  children,
}: {
  title: string | null;
  tabs: TabSpec[];
  children: ComponentChildren;
}) {
  const t = useT();
  const online = useOnline();
  const outbox = useOutbox();
  const waiting = outbox.filter((m) => m.status === 'WAITING' || m.status === 'SENDING').length;
  const refusal = useOutboxRefusal();
  return (
    <div class="shell">
      <header class="top">
        <div class="brand">
          <span class="app-name">{t('appName')}</span>
          {title && <span class="group-name">{title}</span>}
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
          <button type="button" class="chip" onClick={signOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <div class="status-bar" role="status">
        <span class={online ? 'online' : 'offline'}>
          <Icon name={online ? 'online' : 'offline'} /> {t(online ? 'online' : 'offline')}
        </span>
        {waiting > 0 && (
          <span class="waiting">
            <Icon name="outbox" /> {t.say('waitingCount')(waiting)}
          </span>
        )}
        {waiting > 0 && refusal && (
          <span class="refused">{t.say('notSentBecause')(plainReason(refusal, t.language, t))}</span>
        )}
      </div>
      <main class="page">{children}</main>
      {tabs.length > 0 && (
        <nav class="tabs" aria-label={t('appName')}>
          {tabs.map((tab) => (
            <Tab key={tab.href} {...tab} />
          ))}
        </nav>
      )}
    </div>
  );
}

function Tab({ href, icon, label }: { href: string; icon: IconName; label: string }) {
  const { path } = useLocation();
  const current = href === '/' ? path === '/' : path.startsWith(href);
  return (
    <a href={href} class="tab" aria-current={current ? 'page' : undefined}>
      <Icon name={icon} />
      <span>{label}</span>
    </a>
  );
}
