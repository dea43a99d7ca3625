/** What the citizens module offers others: how many citizens support each proposal. */
export { supportCounts } from './citizens.service.ts';
