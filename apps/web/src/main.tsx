import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { loaders } from 'virtual:sinergi-texts';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app/App.tsx';
import { initialLanguage, loadLanguage, textLoaders } from './app/i18n.ts';
import { registerWhenSettled } from './app/install.ts';

textLoaders(loaders);
// English is a separate download; a reader who chose it gets it before the first paint. (Not a
// top-level await: with one, the bundler splits the first route into forty files.)
void loadLanguage(initialLanguage()).then(() => createRoot(document.getElementById('root')!).render(<App />));
registerWhenSettled(queryClient);
