// The upload parser's thread (issue 17): runs the TypeScript tasks through tsx, as bin/sinergi.mjs does.
// A request naming a `task` module (a module's own reader, see table-file.ts streamOffThread) runs
// that module's default export; any other is a table or a .pb file for parse-task.ts.
import { register } from 'tsx/esm/api';

register();
const { parseTask } = await import('./parse-task.ts');
export default async (request) =>
  request.task ? (await import(request.task)).default(request) : parseTask(request);
