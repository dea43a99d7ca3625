import { bidangList } from '@sinergi/contracts';
import { rejectReasons, stages } from '@sinergi/core';

/** Colours of a proposal's state, shared by the list, the detail and the public tracking page. */
export const stateColour: Record<string, string> = {
  aktif: 'blue',
  digabung: 'grape',
  ditolak: 'red',
  selesai: 'teal',
};
/** The vocabularies come from core (the path) and contracts (what the API accepts), never retyped here. */
export const stageOrder = stages;
export { bidangList, rejectReasons };
