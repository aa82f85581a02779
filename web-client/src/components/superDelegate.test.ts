import { superDelegateOutlook } from './superDelegate';

describe('the super-delegate warning', () => {
  it('warns when one more delegated vote would cross the line', () => {
    // 12 eligible, 10 %: the line is 1.2 votes; anyone holding their own vote is one away.
    expect(superDelegateOutlook(1, false, 12, 0.1)).toEqual({ kind: 'aboutTo', line: 1.2000000000000002, more: 1 });
  });

  it('warns at 80 % of the line even when more than one vote is missing', () => {
    expect(superDelegateOutlook(8, false, 100, 0.1)).toMatchObject({ kind: 'aboutTo', more: 2 });
  });

  it('stays quiet far below the line', () => {
    expect(superDelegateOutlook(3, false, 100, 0.1)).toMatchObject({ kind: 'clear', line: 10 });
  });

  it('says so once the server flags the viewer, and nothing about a vote passed on', () => {
    expect(superDelegateOutlook(12, true, 100, 0.1)).toMatchObject({ kind: 'super' });
    expect(superDelegateOutlook(null, false, 100, 0.1)).toEqual({ kind: 'passesOn' });
  });
});
