import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { loaders } from 'virtual:sinergi-texts';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app/App.tsx';
import { initialLanguage, loadLanguage, textLoaders } from './app/i18n.ts';
import { registerWhenSettled } from './app/install.ts';
import { sessionQuery } from './app/session.ts';

textLoaders(loaders);
// Every page waits on the session: it is asked for now, while the page's code loads, not once the
// page has drawn (on the sign-in page that was 400 ms later at 4x CPU throttle).
void queryClient.prefetchQuery(sessionQuery);
// English is a separate download; a reader who chose it gets it before the first paint. (Not a
// top-level await: with one, the bundler splits the first route into forty files.)
void loadLanguage(initialLanguage()).then(() => createRoot(document.getElementById('root')!).render(<App />));
registerWhenSettled(queryClient);
