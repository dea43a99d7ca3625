import type { id } from './i18n.ts';
import { actionTexts, entityTexts, side } from './i18n-actions.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  audit: {
    title: 'Audit log',
    when: 'When',
    who: 'By',
    action: 'Action',
    entity: 'Record',
    actor: 'User',
    from: 'From',
    to: 'To',
    all: 'All',
    details: 'Details',
    total: '{{formatted}} entries',
    actions: side(1, actionTexts),
    entities: side(1, entityTexts),
  },
  jobs: {
    title: 'Background jobs',
    empty: 'No jobs yet.',
    kind: 'Kind',
    status: 'Status',
    progress: 'Progress',
    cancel: 'Cancel',
    loadRegions: 'Reload the national region list',
    backups: 'Backups',
    backupNow: 'Back up now',
    backupsEmpty: 'No backups on the server yet. A backup holds all data and photos; keep a copy elsewhere.',
    backupHint: 'Backups are written while the service keeps running. Keep a copy off this server.',
    download: 'Download',
    kinds: {
      'regions.load': 'Loading the national region list',
      'allocation.solve': 'Solving a budget scenario',
      'allocation.explain': 'Explaining the decision on every proposal',
      'pb.count': 'Counting the participatory budgeting vote',
      'backup.write': 'Writing a backup',
    },
    statuses: {
      queued: 'Queued',
      running: 'Running',
      succeeded: 'Done',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    messages: {
      'regions.loading': 'loading regions',
      'regions.boundaries': 'loading village boundaries',
      'allocation.solving': 'searching for the optimal portfolio',
      'allocation.explaining': 'explaining every proposal',
      'pb.counting': 'counting the ballots',
      'backup.writing': 'tables and photos copied',
    },
  },
};
