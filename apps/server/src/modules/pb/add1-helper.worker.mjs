// The second thread of Add1 (add1-helper.ts): takes endowments from each board it is sent and posts
// what each run gave (helpAdd1 in core). Plain JavaScript, so it can load the rules from an esbuild
// bundle (as the `sinergi` command runs them: each file through tsx ran them about 15 % slower),
// or through tsx where no bundle can be built.
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { bundled } from '../../cli/bundle.mjs';

const entry = new URL('../../../../../packages/core/src/pb/index.ts', import.meta.url);
const bundle = await bundled(entry, new URL('../../../dist/add1-helper/', import.meta.url).pathname);
let rules;
if (bundle) rules = await import(pathToFileURL(bundle).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  rules = await import(entry.href);
}
parentPort.on('message', ({ job, buffer }) => {
  let runs = 0;
  try {
    runs = rules.helpAdd1(job, new rules.Add1Board(buffer));
  } catch {
    // The first thread works out what was not posted itself.
  }
  parentPort.postMessage({ runs });
});
parentPort.postMessage({ ready: true });
