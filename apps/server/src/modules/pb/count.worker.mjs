// The worker's entry: TypeScript loads once tsx is registered in this thread.
import { register } from 'tsx/esm/api';

register();
await import('./count.worker.ts');
