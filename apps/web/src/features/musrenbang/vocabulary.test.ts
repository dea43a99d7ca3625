import { decisionBody, proposalSummary, rejectReasonList } from '@sinergi/contracts';
import { decisionKinds, proposalStates, rejectReasons, stages, tracks } from '@sinergi/core';
import { describe, expect, it } from 'vitest';

// Core owns the path; contracts build what the API takes from core's lists. This checks that the
// API accepts exactly those (a list retyped in contracts would drift).
describe('Musrenbang vocabulary', () => {
  it('is the same in core and in the API contracts', () => {
    expect(proposalSummary.shape.stage.options).toEqual([...stages]);
    expect(proposalSummary.shape.state.options).toEqual([...proposalStates]);
    expect(proposalSummary.shape.track.options).toEqual([...tracks]);
    expect([...rejectReasonList]).toEqual([...rejectReasons]);
    expect(decisionBody.options.map((o) => o.shape.kind.value)).toEqual([...decisionKinds]);
  });
});
