// The upload parser's thread (issue 17): runs the TypeScript task through tsx, as bin/sinergi.mjs does.
import { register } from 'tsx/esm/api';

register();
const { parseTask } = await import('./parse-task.ts');
export default parseTask;
