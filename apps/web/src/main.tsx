import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';

/**
 * The page the server drew is shown before any of the app's code runs; the code then runs in steps,
 * each a task of its own, so the page can answer its reader between them instead of being blocked
 * while all of it is read at once (total blocking time, issue 18): React's DOM renderer first, then
 * the app (boot.tsx), which takes the page over.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
void import('react-dom/client').then(nextTask).then(() => import('./boot.tsx'));
