import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import './app/i18n.ts';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

createRoot(document.getElementById('root')!).render(<App />);
