import { describe, expect, it } from 'vitest';
import { ChangeFeed } from './changes.ts';
import { asRequest, inRequest } from './tables-read.ts';

describe('the change feed', () => {
  it("tells its listeners outside the request whose write they hear, so that request's end does not stop their work", () => {
    const feed = new ChangeFeed();
    const heard: boolean[] = [];
    feed.subscribe(() => heard.push(inRequest()));
    asRequest({ tables: new Set(), gone: () => true }, () => {
      expect(inRequest()).toBe(true);
      feed.emit('pb_elections');
    });
    expect(heard).toEqual([false]);
  });
});
