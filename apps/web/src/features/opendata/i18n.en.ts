import type { id } from './i18n.ts';

/** Texts of open data in English (same keys as i18n.ts). */
export const en: typeof id = {
  opendata: {
    title: 'Open data',
    intro:
      'Sinergi’s public tables as Satu Data Indonesia datasets: each with its data dictionary, licence and version, to download as CSV, XLSX or JSON. Free to reuse with attribution.',
    policy:
      'Each dataset is built from the current data when downloaded; its version changes whenever a value does. Project progress is official once its report is verified by the agency.',
    rows_one: '{{shown}} row',
    rows_other: '{{shown}} rows',
    version: 'version {{version}}',
    licence: 'Licence',
    dictionary: 'Data dictionary',
    column: 'Column',
    columnTitle: 'Title',
    type: 'Type',
    meaning: 'Meaning',
    types: { string: 'text', integer: 'whole number', number: 'number', date: 'date', boolean: 'yes/no' },
    forPortals: 'For Satu Data portals and harvesters',
    forPortalsText:
      'Sinergi answers the CKAN API (package_list, package_show, package_search, datastore_search) and publishes a DCAT-AP catalogue.',
    ckan: 'Dataset list (CKAN API)',
    oc4ids: 'OC4IDS project package',
    dcat: 'DCAT-AP catalogue (JSON-LD)',
  },
};
