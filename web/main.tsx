import { render } from 'preact';
import '@fontsource/noto-sans-khmer/khmer-400.css';
import '@fontsource/noto-sans-khmer/khmer-700.css';
import './styles.css';
import { App } from './app.tsx';
import { startOutbox } from './outbox/outbox.ts';

render(<App />, document.getElementById('app')!);
startOutbox();
if ('serviceWorker' in navigator && !import.meta.env.DEV) void navigator.serviceWorker.register('/sw.js');
