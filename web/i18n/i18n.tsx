/**
 * The language the app speaks: Khmer unless the person chose English, remembered on the phone.
 * `useT()` gives `t(key)` for words and `t.say(key)(value)` for phrases that take a value.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { messages, type Language, type MessageKey, type WordKey } from './messages.ts';

export type { Language };

const STORAGE_KEY = 'krom.language';

type Messages = typeof messages;
type PhraseKey = Exclude<MessageKey, WordKey>;

export interface Translator {
  (key: WordKey): string;
  say<K extends PhraseKey>(key: K): Messages[K]['km'];
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<Translator | null>(null);

export function translator(language: Language, setLanguage: (l: Language) => void): Translator {
  const t = ((key: WordKey) => messages[key][language]) as Translator;
  t.say = (key) => messages[key][language] as never;
  t.language = language;
  t.setLanguage = setLanguage;
  return t;
}

export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'km'));
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);
  const t = useMemo(() => translator(language, setLanguage), [language]);
  return <LanguageContext.Provider value={t}>{children}</LanguageContext.Provider>;
}

export function useT(): Translator {
  const t = useContext(LanguageContext);
  if (!t) throw new Error('useT outside LanguageProvider');
  return t;
}
