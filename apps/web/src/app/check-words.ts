// The words of a refused form (check.ts asProblem): loaded only when a form is refused.
export { describeIssues, errorMessage } from '@sinergi/contracts';
