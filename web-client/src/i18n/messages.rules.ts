/**
 * What a member needs to act under the rules: endorsing another member, the appeal of a
 * declined proposal, the rules in force on a proposal or an area, and the page that explains
 * them. Spread into `en` and `de` in messages.ts; German is checked against English by its type.
 */
type Origin = 'ORGANISATION' | 'AREA' | 'FIXED';
type AppealOutcome = 'PENDING' | 'UPHELD' | 'LAPSED';
type Privacy = 'PUBLIC' | 'DELEGATES_PUBLIC' | 'AGGREGATE';
type DelegationVisibility = 'PUBLIC' | 'MEMBERS' | 'INVOLVED';

/** The values the rules panel shows, in its order, and the anchors of the explanation page. */
export const ruleKeys = [
  'agendaQuorum',
  'minimumSupporters',
  'appeal',
  'discussionDays',
  'votingDays',
  'voteQuorumShare',
  'majority',
  'viscosity',
  'superDelegateShare',
  'privacy',
  'delegationVisibility',
  'maxDelegates',
] as const;
export type RuleKey = (typeof ruleKeys)[number];

const percent = (share: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
const number = (n: number, language: string) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);

export const rulesEn = {
  endorse: {
    button: 'Endorse',
    column: 'Endorse',
    pathTitle: 'Endorse the members on your vote’s path',
    label: (name: string) => `Endorse ${name}: this member shows good judgement`,
    allowance: (left: number, perWeek: number, days: number) =>
      `Endorsing says a member shows good judgement and gives them karma. You can endorse ${left} more ${left === 1 ? 'member' : 'members'} this week (${perWeek} in any 7 days), and the same member once in ${number(days, 'en')} days.`,
    nextFree: (date: string) => `Your next endorsement frees up ${date}.`,
    done: (name: string, karma: number) => `You endorsed ${name}: +${number(karma, 'en')} karma.`,
    recent: (date: string, again: string) => `Endorsed ${date}; again from ${again}.`,
    errors: {
      SELF_ENDORSEMENT: 'You cannot endorse yourself.',
      ENDORSEMENT_LIMIT: 'You have used this week’s endorsements. Try again when one frees up.',
      ENDORSEMENT_PAIR_LIMIT: 'You endorsed this member recently: one endorsement per member in that time.',
    } as Record<string, string>,
  },
  appeal: {
    title: 'Appeal',
    pending: (date: string) => `This proposal was declined. Members can appeal by supporting it until ${date}: enough support puts it back on the agenda, and then it must be scheduled.`,
    progress: (score: number, target: string, supporters: number, minimum: number) =>
      `Appeal support: ${score} of ${target} points, from ${supporters} of at least ${minimum} ${minimum === 1 ? 'supporter' : 'supporters'}.`,
    upheld: 'The appeal succeeded: the proposal went back on the agenda and must be scheduled.',
    lapsed: (date: string) => `The appeal window closed ${date} without enough support; the decline stands.`,
    history: { UPHELD: 'Appeal upheld: back on the agenda', LAPSED: 'Appeal lapsed: the decline stands', PENDING: 'Appeal open' } satisfies Record<AppealOutcome, string>,
  },
  rules: {
    title: 'Rules in force',
    forProposal: 'The rules this proposal follows: those in force in its area when it opened.',
    forArea: (area: string) => `The rules for proposals opened in ${area} now.`,
    explain: 'What these rules mean',
    areaNow: (area: string) => `The rules in ${area} now`,
    sourceColumn: 'Set by',
    valueColumn: 'Value',
    ruleColumn: 'Rule',
    origin: (origin: Origin, area: string | null) =>
      origin === 'AREA' ? `the area ${area ?? ''}` : origin === 'FIXED' ? 'the product (the same everywhere)' : 'the organisation',
    names: {
      agendaQuorum: 'Agenda quorum',
      minimumSupporters: 'Minimum supporters',
      appeal: 'Appeal',
      discussionDays: 'Discussion',
      votingDays: 'Voting',
      voteQuorumShare: 'Vote quorum',
      majority: 'Majority',
      viscosity: 'Viscosity',
      superDelegateShare: 'Super-delegate share',
      privacy: 'Vote privacy',
      delegationVisibility: 'Who sees delegations',
      maxDelegates: 'Delegates per delegation',
    } satisfies Record<RuleKey, string>,
    values: {
      agendaQuorum: (share: number, minimum: number) => `${percent(share, 'en')} of active members’ support points, at least ${number(minimum, 'en')}`,
      minimumSupporters: (share: number, minimum: number) => `${percent(share, 'en')} of active members, at least ${minimum}`,
      appeal: (days: number, factor: number) => `${number(factor, 'en')} × the agenda quorum within ${number(days, 'en')} days`,
      days: (days: number) => (days === 1 ? '1 day' : `${number(days, 'en')} days`),
      share: (share: number) => percent(share, 'en'),
      majority: (share: number) => (share === 0.5 ? 'more yes than no' : `yes above ${percent(share, 'en')} of yes and no`),
      viscosity: (v: number) => (v === 1 ? '1 (every hop counts in full)' : `${number(v, 'en')} per hop`),
      privacy: { PUBLIC: 'every vote is public', DELEGATES_PUBLIC: 'public for members who carry others’ votes', AGGREGATE: 'only the totals are public' } satisfies Record<Privacy, string>,
      delegationVisibility: {
        PUBLIC: 'everyone, signed in or not',
        MEMBERS: 'every signed-in member',
        INVOLVED: 'only the member who delegates and the delegates',
      } satisfies Record<DelegationVisibility, string>,
      maxDelegates: (n: number) => `1 to ${n}, in order of preference`,
    },
  },
  rulesPage: {
    title: 'The rules, explained',
    intro:
      'Every number below is set by the organisation, and an area can set its own value for itself and its sub-areas. A proposal keeps the rules that were in force in its area when it opened. Each proposal and each area shows the values it follows and who set them.',
    explanations: {
      agendaQuorum:
        'Members spend support points on open proposals. A proposal reaches the agenda when its points reach the quorum: a share of the support points all active members (those who acted in the last 90 days) hold, but never less than a minimum.',
      minimumSupporters: 'Besides the quorum, a proposal needs support from enough different members, so a few members with much karma cannot lift it alone.',
      appeal:
        'A proposal the moderators declined can be appealed: members support it as they would an open one, and if its support reaches a multiple of the quorum before the window closes, it goes back on the agenda and must be scheduled for a vote.',
      discussionDays: 'Once scheduled, a proposal is discussed for this long before voting opens.',
      votingDays: 'How long the vote stays open. Delegations are resolved when it closes.',
      voteQuorumShare: 'A vote counts only if the weight counted (yes, no and abstain) reaches this share of all eligible weight.',
      majority: 'A proposal passes when yes is above this share of yes and no together. Half means a simple majority; more means a supermajority.',
      viscosity:
        'Weight that travels along delegations can lose some of its strength with every hop: at 0.8, a vote two hops away counts 0.64. At 1, every hop counts in full (classic liquid democracy).',
      superDelegateShare: 'A member who carries at least this share of an area’s votes is flagged publicly as a super-delegate.',
      privacy:
        'Who sees a vote: everyone’s, only the votes of members who carry others’ weight (so those who delegate can see what happens with their vote), or only the totals.',
      delegationVisibility:
        'Who can see that a member delegates to whom: in the delegation graph, in the audit log and in its export. A delegation’s member and its delegates always see it. The organisation sets this for all areas alike.',
      maxDelegates: 'A delegation names one to this many members, in order of preference: if your first choice does not vote, your vote goes to the next. This is the same everywhere.',
    } satisfies Record<RuleKey, string>,
    origins: 'Who sets a value',
    originsText:
      'The organisation sets every value; an area’s own value wins for the area and its sub-areas. “The product” marks a rule that is the same in every organisation.',
  },
  area: {
    notFound: 'There is no area at this address.',
    parent: (name: string) => `Part of ${name}`,
    children: 'Sub-areas',
  },
};

export type RulesMessages = typeof rulesEn;

export const rulesDe: RulesMessages = {
  endorse: {
    button: 'Empfehlen',
    column: 'Empfehlen',
    pathTitle: 'Empfiehl die Mitglieder auf dem Weg deiner Stimme',
    label: (name: string) => `${name} empfehlen: dieses Mitglied zeigt gutes Urteilsvermögen`,
    allowance: (left: number, perWeek: number, days: number) =>
      `Eine Empfehlung sagt, dass ein Mitglied gutes Urteilsvermögen zeigt, und gibt ihm Karma. Du kannst diese Woche noch ${left} ${left === 1 ? 'Mitglied' : 'Mitglieder'} empfehlen (${perWeek} in 7 Tagen), dasselbe Mitglied einmal in ${number(days, 'de')} Tagen.`,
    nextFree: (date: string) => `Deine nächste Empfehlung wird ${date} frei.`,
    done: (name: string, karma: number) => `Du hast ${name} empfohlen: +${number(karma, 'de')} Karma.`,
    recent: (date: string, again: string) => `Empfohlen ${date}; wieder ab ${again}.`,
    errors: {
      SELF_ENDORSEMENT: 'Du kannst dich nicht selbst empfehlen.',
      ENDORSEMENT_LIMIT: 'Du hast die Empfehlungen dieser Woche verbraucht. Versuche es wieder, wenn eine frei wird.',
      ENDORSEMENT_PAIR_LIMIT: 'Du hast dieses Mitglied kürzlich empfohlen: eine Empfehlung je Mitglied in dieser Zeit.',
    },
  },
  appeal: {
    title: 'Einspruch',
    pending: (date: string) => `Dieser Antrag wurde abgelehnt. Mitglieder können bis ${date} Einspruch erheben, indem sie ihn unterstützen: genug Unterstützung bringt ihn zurück auf die Tagesordnung, und dann muss er angesetzt werden.`,
    progress: (score: number, target: string, supporters: number, minimum: number) =>
      `Unterstützung des Einspruchs: ${score} von ${target} Punkten, von ${supporters} von mindestens ${minimum} ${minimum === 1 ? 'Unterstützer*in' : 'Unterstützer*innen'}.`,
    upheld: 'Der Einspruch war erfolgreich: der Antrag ist zurück auf der Tagesordnung und muss angesetzt werden.',
    lapsed: (date: string) => `Die Einspruchsfrist endete ${date} ohne genug Unterstützung; die Ablehnung bleibt bestehen.`,
    history: { UPHELD: 'Einspruch erfolgreich: zurück auf der Tagesordnung', LAPSED: 'Einspruch verfallen: die Ablehnung bleibt', PENDING: 'Einspruch offen' },
  },
  rules: {
    title: 'Geltende Regeln',
    forProposal: 'Die Regeln dieses Antrags: die in seinem Bereich galten, als er eröffnet wurde.',
    forArea: (area: string) => `Die Regeln für Anträge, die jetzt in ${area} eröffnet werden.`,
    explain: 'Was diese Regeln bedeuten',
    areaNow: (area: string) => `Die Regeln in ${area} jetzt`,
    sourceColumn: 'Festgelegt von',
    valueColumn: 'Wert',
    ruleColumn: 'Regel',
    origin: (origin: Origin, area: string | null) =>
      origin === 'AREA' ? `dem Bereich ${area ?? ''}` : origin === 'FIXED' ? 'dem Produkt (überall gleich)' : 'der Organisation',
    names: {
      agendaQuorum: 'Quorum für die Tagesordnung',
      minimumSupporters: 'Mindestzahl an Unterstützer*innen',
      appeal: 'Einspruch',
      discussionDays: 'Diskussion',
      votingDays: 'Abstimmung',
      voteQuorumShare: 'Quorum der Abstimmung',
      majority: 'Mehrheit',
      viscosity: 'Viskosität',
      superDelegateShare: 'Anteil für Super-Delegierte',
      privacy: 'Sichtbarkeit der Stimmen',
      delegationVisibility: 'Wer Übertragungen sieht',
      maxDelegates: 'Delegierte je Übertragung',
    },
    values: {
      agendaQuorum: (share: number, minimum: number) => `${percent(share, 'de')} der Unterstützungspunkte aktiver Mitglieder, mindestens ${number(minimum, 'de')}`,
      minimumSupporters: (share: number, minimum: number) => `${percent(share, 'de')} der aktiven Mitglieder, mindestens ${minimum}`,
      appeal: (days: number, factor: number) => `${number(factor, 'de')} × das Quorum innerhalb von ${number(days, 'de')} Tagen`,
      days: (days: number) => (days === 1 ? '1 Tag' : `${number(days, 'de')} Tage`),
      share: (share: number) => percent(share, 'de'),
      majority: (share: number) => (share === 0.5 ? 'mehr Ja als Nein' : `Ja über ${percent(share, 'de')} von Ja und Nein`),
      viscosity: (v: number) => (v === 1 ? '1 (jeder Schritt zählt voll)' : `${number(v, 'de')} je Schritt`),
      privacy: { PUBLIC: 'jede Stimme ist öffentlich', DELEGATES_PUBLIC: 'öffentlich für Mitglieder, die Stimmen anderer tragen', AGGREGATE: 'nur die Summen sind öffentlich' },
      delegationVisibility: {
        PUBLIC: 'alle, angemeldet oder nicht',
        MEMBERS: 'alle angemeldeten Mitglieder',
        INVOLVED: 'nur das übertragende Mitglied und die Delegierten',
      },
      maxDelegates: (n: number) => `1 bis ${n}, in der Reihenfolge der Vorliebe`,
    },
  },
  rulesPage: {
    title: 'Die Regeln, erklärt',
    intro:
      'Jede Zahl unten legt die Organisation fest, und ein Bereich kann für sich und seine Unterbereiche einen eigenen Wert festlegen. Ein Antrag behält die Regeln, die in seinem Bereich galten, als er eröffnet wurde. Jeder Antrag und jeder Bereich zeigt die Werte, denen er folgt, und wer sie festgelegt hat.',
    explanations: {
      agendaQuorum:
        'Mitglieder vergeben Unterstützungspunkte an offene Anträge. Ein Antrag kommt auf die Tagesordnung, wenn seine Punkte das Quorum erreichen: einen Anteil der Punkte, die alle aktiven Mitglieder (die in den letzten 90 Tagen gehandelt haben) halten, aber nie weniger als ein Mindestwert.',
      minimumSupporters: 'Neben dem Quorum braucht ein Antrag Unterstützung von genug verschiedenen Mitgliedern, damit wenige Mitglieder mit viel Karma ihn nicht allein heben.',
      appeal:
        'Gegen einen von der Moderation abgelehnten Antrag kann Einspruch erhoben werden: Mitglieder unterstützen ihn wie einen offenen, und erreicht seine Unterstützung vor Ablauf der Frist ein Vielfaches des Quorums, kommt er zurück auf die Tagesordnung und muss zur Abstimmung angesetzt werden.',
      discussionDays: 'Ein angesetzter Antrag wird so lange diskutiert, bevor die Abstimmung beginnt.',
      votingDays: 'So lange bleibt die Abstimmung offen. Übertragungen werden bei ihrem Ende aufgelöst.',
      voteQuorumShare: 'Eine Abstimmung zählt nur, wenn das gezählte Gewicht (Ja, Nein und Enthaltung) diesen Anteil des gesamten stimmberechtigten Gewichts erreicht.',
      majority: 'Ein Antrag ist angenommen, wenn Ja über diesem Anteil von Ja und Nein zusammen liegt. Die Hälfte ist die einfache Mehrheit; mehr ist eine qualifizierte Mehrheit.',
      viscosity:
        'Gewicht, das über Übertragungen wandert, kann mit jedem Schritt an Kraft verlieren: bei 0,8 zählt eine Stimme zwei Schritte weiter 0,64. Bei 1 zählt jeder Schritt voll (klassische flüssige Demokratie).',
      superDelegateShare: 'Ein Mitglied, das mindestens diesen Anteil der Stimmen eines Bereichs trägt, wird öffentlich als Super-Delegierte*r markiert.',
      privacy:
        'Wer eine Stimme sieht: alle Stimmen, nur die Stimmen von Mitgliedern, die Gewicht anderer tragen (so sehen Übertragende, was mit ihrer Stimme geschieht), oder nur die Summen.',
      delegationVisibility:
        'Wer sehen kann, wer wem seine Stimme überträgt: im Übertragungsgraphen, im Protokoll und in seinem Export. Das übertragende Mitglied und seine Delegierten sehen die Übertragung immer. Die Organisation legt das für alle Bereiche gleich fest.',
      maxDelegates: 'Eine Übertragung nennt ein bis so viele Mitglieder, in der Reihenfolge der Vorliebe: stimmt deine erste Wahl nicht ab, geht deine Stimme an die nächste. Das ist überall gleich.',
    },
    origins: 'Wer einen Wert festlegt',
    originsText:
      'Die Organisation legt jeden Wert fest; der eigene Wert eines Bereichs gilt für den Bereich und seine Unterbereiche. „Das Produkt“ kennzeichnet eine Regel, die in jeder Organisation gleich ist.',
  },
  area: {
    notFound: 'Unter dieser Adresse gibt es keinen Bereich.',
    parent: (name: string) => `Teil von ${name}`,
    children: 'Unterbereiche',
  },
};
