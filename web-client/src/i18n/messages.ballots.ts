/**
 * Transparency that reaches the member: the ballots a proposal's privacy policy shows, the
 * "Vote now" section of the home page and the progress of proposals. Spread into `en` and
 * `de` in messages.ts; German is checked against English by its type.
 */
type Choice = 'YES' | 'NO' | 'ABSTAIN';

export const ballotsEn = {
  progress: {
    score: (score: number, quorum: string) => `${score} of ${quorum} points`,
    supporters: (n: number, minimum: number) => `${n} of ${minimum} supporters`,
    expires: (date: string) => `Expires ${date} unless it reaches the agenda`,
    scheduled: (start: string, end: string) => `Voting ${start} – ${end}`,
    voting: (end: string) => `Voting closes ${end}`,
  },
  voteNow: {
    title: 'Vote now',
    none: 'No vote is open at the moment.',
    closes: (date: string) => `Closes ${date}`,
    voted: (choice: string) => `You voted ${choice}.`,
    carried: (name: string) => `${name} carries your vote.`,
    notCast: 'You have not voted, and no delegate of yours votes here.',
    noRight: 'You have no voting right.',
  },
  route: {
    none: 'No delegation of yours applies here: your vote counts only if you cast it.',
    blocked: (place: string, unused: string) => `Blocked at ${place}: your ${unused} is not used here.`,
    blockedNothing: (place: string) => `Blocked at ${place}: nobody carries your vote here, and nothing wider is inherited.`,
    applies: (which: string) => `Your ${which} applies here.`,
    shadows: (unused: string) => `Your ${unused} is not used here.`,
    votedDirectly: 'You voted yourself, so no delegation of yours is used on this proposal.',
    place: { GLOBAL: 'the whole organisation', PROPOSAL: 'this proposal' },
    which: {
      GLOBAL: 'global delegation',
      AREA: (area: string) => `delegation for ${area}`,
      PROPOSAL: 'delegation for this proposal',
    },
    and: ' and ',
    globalShadowedIn: 'Your global delegation is not used where you have your own delegation or block for an area:',
    ownBlock: (area: string) => `${area} (blocked)`,
    ownList: (area: string) => `${area} (own delegation)`,
    chooseArea: 'Choose an area',
  },
  ballots: {
    title: 'Ballots',
    carrierVoted: (name: string, choice: string) => `${name}, who carries your vote, voted ${choice}.`,
    override: 'Vote yourself to override: your own vote always counts as you cast it.',
    carrierNotYet: (name: string) => `${name} carries your vote but has not voted yet.`,
    choices: { YES: 'Yes', NO: 'No', ABSTAIN: 'Abstain' } satisfies Record<Choice, string>,
    voter: 'Voter',
    choice: 'Vote',
    weight: 'Weight carried',
    yours: 'carries your vote',
    none: 'No ballot is public for this proposal.',
    hiddenWhileVoting: 'Other members’ ballots stay hidden until the vote closes.',
    policy: {
      PUBLIC: 'Under this proposal’s rules every ballot is public once the vote closes.',
      DELEGATES_PUBLIC: 'Under this proposal’s rules the ballots of members who carry others’ votes are public once the vote closes.',
      AGGREGATE: 'Under this proposal’s rules only the totals are public: no ballot is shown, not even to those who delegated.',
    },
  },
};

export type BallotMessages = typeof ballotsEn;

export const ballotsDe: BallotMessages = {
  progress: {
    score: (score: number, quorum: string) => `${score} von ${quorum} Punkten`,
    supporters: (n: number, minimum: number) => `${n} von ${minimum} Unterstützenden`,
    expires: (date: string) => `Läuft ${date} ab, wenn er die Tagesordnung nicht erreicht`,
    scheduled: (start: string, end: string) => `Abstimmung ${start} – ${end}`,
    voting: (end: string) => `Abstimmung endet ${end}`,
  },
  voteNow: {
    title: 'Jetzt abstimmen',
    none: 'Zurzeit ist keine Abstimmung offen.',
    closes: (date: string) => `Endet ${date}`,
    voted: (choice: string) => `Du hast mit ${choice} gestimmt.`,
    carried: (name: string) => `${name} trägt deine Stimme.`,
    notCast: 'Du hast nicht abgestimmt, und keine deiner Delegationen stimmt hier ab.',
    noRight: 'Du hast kein Stimmrecht.',
  },
  route: {
    none: 'Hier gilt keine Delegation von dir: deine Stimme zählt nur, wenn du sie abgibst.',
    blocked: (place: string, unused: string) => `Gesperrt bei ${place}: deine ${unused} wird hier nicht verwendet.`,
    blockedNothing: (place: string) => `Gesperrt bei ${place}: niemand trägt hier deine Stimme, und nichts Weiteres wird geerbt.`,
    applies: (which: string) => `Hier gilt deine ${which}.`,
    shadows: (unused: string) => `Deine ${unused} wird hier nicht verwendet.`,
    votedDirectly: 'Du hast selbst abgestimmt, daher wird für diesen Antrag keine Delegation von dir verwendet.',
    place: { GLOBAL: 'der ganzen Organisation', PROPOSAL: 'diesem Antrag' },
    which: {
      GLOBAL: 'globale Delegation',
      AREA: (area: string) => `Delegation für ${area}`,
      PROPOSAL: 'Delegation für diesen Antrag',
    },
    and: ' und ',
    globalShadowedIn: 'Deine globale Delegation wird dort nicht verwendet, wo du für einen Bereich eine eigene Delegation oder Sperre hast:',
    ownBlock: (area: string) => `${area} (gesperrt)`,
    ownList: (area: string) => `${area} (eigene Delegation)`,
    chooseArea: 'Bereich wählen',
  },
  ballots: {
    title: 'Stimmzettel',
    carrierVoted: (name: string, choice: string) => `${name}, die oder der deine Stimme trägt, hat mit ${choice} gestimmt.`,
    override: 'Stimme selbst ab, um das zu ändern: deine eigene Stimme zählt immer so, wie du sie abgibst.',
    carrierNotYet: (name: string) => `${name} trägt deine Stimme, hat aber noch nicht abgestimmt.`,
    choices: { YES: 'Ja', NO: 'Nein', ABSTAIN: 'Enthaltung' },
    voter: 'Abstimmende*r',
    choice: 'Stimme',
    weight: 'Getragenes Gewicht',
    yours: 'trägt deine Stimme',
    none: 'Für diesen Antrag ist kein Stimmzettel öffentlich.',
    hiddenWhileVoting: 'Die Stimmzettel anderer Mitglieder bleiben bis zum Ende der Abstimmung verborgen.',
    policy: {
      PUBLIC: 'Nach den Regeln dieses Antrags ist jeder Stimmzettel öffentlich, sobald die Abstimmung endet.',
      DELEGATES_PUBLIC: 'Nach den Regeln dieses Antrags sind die Stimmzettel von Mitgliedern, die Stimmen anderer tragen, öffentlich, sobald die Abstimmung endet.',
      AGGREGATE: 'Nach den Regeln dieses Antrags sind nur die Summen öffentlich: kein Stimmzettel wird gezeigt, auch nicht denen, die übertragen haben.',
    },
  },
};
