/**
 * The bell, the notifications page and the notification settings (issue 16). Spread into
 * `en` and `de` in messages.ts; German is checked against English by its type.
 */
export const notificationKinds = [
  'DELEGATION_RECEIVED',
  'DELEGATE_VOTED',
  'DELEGATE_NOT_VOTED',
  'DELEGATE_LOST_RIGHT',
  'DELEGATE_BLOCKED',
  'PROPOSAL_ON_AGENDA',
  'PROPOSAL_SCHEDULED',
  'PROPOSAL_RETURNED',
  'PROPOSAL_DECLINED',
  'PROPOSAL_MERGED',
  'PROPOSAL_EDITED',
  'VOTE_OPENED',
  'VOTE_CLOSING',
  'LOTTERY_DRAWN',
  'METAMODERATION_DRAWN',
  'SIGN_IN_FAILED',
] as const;
export type NotificationKindName = (typeof notificationKinds)[number];
export const deliveries = ['OFF', 'APP', 'EMAIL'] as const;
export type DeliveryName = (typeof deliveries)[number];

/** What one notification says: the other member, the proposal title, the weight I carry, the close. */
export interface NoticeFacts {
  who: string;
  title: string;
  change: string | null;
  weight: number | null;
  scope: string | null;
  ends: string | null;
}

export const notificationsEn = {
  notifications: {
    bell: (unread: number) => (unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`),
    title: 'Notifications',
    empty: 'Nothing new. You will hear here when someone delegates to you, your delegate votes, or a proposal you support moves.',
    unread: 'Unread',
    markRead: 'Mark read',
    markAllRead: 'Mark all as read',
    allRead: 'All notifications are marked as read.',
    markedRead: 'Marked as read.',
    more: 'Show older',
    settingsLink: 'Notification settings',
    live: 'New notifications appear here as they arrive.',
    scopes: { GLOBAL: 'everywhere', AREA: 'in one area', PROPOSAL: 'on one proposal' } as Record<string, string>,
    text: {
      DELEGATION_RECEIVED: (f: NoticeFacts) =>
        f.change === 'REVOKED'
          ? `${f.who} no longer delegates to you (${f.scope}). You now carry ${f.weight === 1 ? 'only your own vote' : `${f.weight} votes, your own included`}.`
          : `${f.who} ${f.change === 'CHANGED' ? 'changed their delegation to you' : 'delegated to you'} (${f.scope}). You now carry ${f.weight} votes, your own included.`,
      DELEGATE_VOTED: (f: NoticeFacts) => `${f.who}, your delegate, voted on “${f.title}”.`,
      DELEGATE_NOT_VOTED: (f: NoticeFacts) =>
        `${f.who}, your delegate, has not voted on “${f.title}”, which closes ${f.ends}. Vote yourself to be sure your vote counts.`,
      DELEGATE_LOST_RIGHT: (f: NoticeFacts) => `${f.who}, your delegate, lost their voting right: your vote now passes them over.`,
      DELEGATE_BLOCKED: (f: NoticeFacts) =>
        `${f.who}, your delegate, blocked delegation ${f.scope}: there your vote stops with them unless they vote. Vote yourself or choose another delegate.`,
      PROPOSAL_ON_AGENDA: (f: NoticeFacts) => `“${f.title}” reached the agenda.`,
      PROPOSAL_SCHEDULED: (f: NoticeFacts) => `“${f.title}” was scheduled for a vote.`,
      PROPOSAL_RETURNED: (f: NoticeFacts) => `“${f.title}” was returned to its author for more work.`,
      PROPOSAL_DECLINED: (f: NoticeFacts) => `“${f.title}” was declined.`,
      PROPOSAL_MERGED: (f: NoticeFacts) => `“${f.title}” was merged into another proposal.`,
      PROPOSAL_EDITED: (f: NoticeFacts) => `“${f.title}”, which you support, was edited. Check that you still support it.`,
      VOTE_OPENED: (f: NoticeFacts) => `The vote on “${f.title}” opened. It closes ${f.ends}.`,
      VOTE_CLOSING: (f: NoticeFacts) => `The vote on “${f.title}” closes ${f.ends} and you have not voted.`,
      LOTTERY_DRAWN: () => 'You were drawn in the counterweight lottery: your karma went back to 0.',
      METAMODERATION_DRAWN: () => 'You were drawn to judge a sample of moderators’ actions: was each fair? Judge them on the Metamoderation page.',
      SIGN_IN_FAILED: () => 'Someone failed to sign in to your account. If it was not you, change your password.',
    } satisfies Record<NotificationKindName, (f: NoticeFacts) => string>,
    reason: (reason: string) => `Reason: ${reason}`,
    aMember: 'A member',
    aProposal: 'a proposal',
  },
  notificationSettings: {
    title: 'Notification settings',
    intro:
      'Choose for each kind of notification whether you want it at all, in the app (the bell), or also in a daily email digest: one email a day at most, grouped by proposal, and none when there is nothing new.',
    noEmail: 'You have no email address on your account, so a digest cannot reach you; email notifications still show in the app.',
    kind: 'Notification',
    saved: (kind: string, delivery: string) => `${kind}: ${delivery}.`,
    deliveries: { OFF: 'Off', APP: 'In the app', EMAIL: 'In the app and the daily email' } satisfies Record<DeliveryName, string>,
    kinds: {
      DELEGATION_RECEIVED: 'Someone delegates to me, changes or takes back their delegation',
      DELEGATE_VOTED: 'My delegate voted',
      DELEGATE_NOT_VOTED: 'My delegate has not voted 48 hours before the close',
      DELEGATE_LOST_RIGHT: 'My delegate lost their voting right',
      DELEGATE_BLOCKED: 'My delegate blocked delegation where my vote goes to them',
      PROPOSAL_ON_AGENDA: 'A proposal I support or wrote reached the agenda',
      PROPOSAL_SCHEDULED: 'A proposal I support or wrote was scheduled',
      PROPOSAL_RETURNED: 'A proposal I support or wrote was returned',
      PROPOSAL_DECLINED: 'A proposal I support or wrote was declined',
      PROPOSAL_MERGED: 'A proposal I support or wrote was merged',
      PROPOSAL_EDITED: 'A proposal I support was edited',
      VOTE_OPENED: 'A vote I can cast opened',
      VOTE_CLOSING: 'A vote I have not cast closes within 24 hours',
      LOTTERY_DRAWN: 'I was drawn in the lottery',
      METAMODERATION_DRAWN: 'I was drawn to judge moderators’ actions',
      SIGN_IN_FAILED: 'Someone failed to sign in to my account',
    } satisfies Record<NotificationKindName, string>,
  },
};

export const notificationsDe: typeof notificationsEn = {
  notifications: {
    bell: (unread: number) => (unread === 0 ? 'Benachrichtigungen' : `Benachrichtigungen, ${unread} ungelesen`),
    title: 'Benachrichtigungen',
    empty: 'Nichts Neues. Hier erfährst du, wenn dir jemand seine Stimme überträgt, deine Delegierte abstimmt oder sich ein Antrag bewegt, den du unterstützt.',
    unread: 'Ungelesen',
    markRead: 'Als gelesen markieren',
    markAllRead: 'Alle als gelesen markieren',
    allRead: 'Alle Benachrichtigungen sind als gelesen markiert.',
    markedRead: 'Als gelesen markiert.',
    more: 'Ältere zeigen',
    settingsLink: 'Einstellungen für Benachrichtigungen',
    live: 'Neue Benachrichtigungen erscheinen hier, sobald sie eintreffen.',
    scopes: { GLOBAL: 'überall', AREA: 'in einem Bereich', PROPOSAL: 'für einen Antrag' } as Record<string, string>,
    text: {
      DELEGATION_RECEIVED: (f: NoticeFacts) =>
        f.change === 'REVOKED'
          ? `${f.who} überträgt dir die Stimme nicht mehr (${f.scope}). Du trägst jetzt ${f.weight === 1 ? 'nur deine eigene Stimme' : `${f.weight} Stimmen, deine eigene mitgezählt`}.`
          : `${f.who} ${f.change === 'CHANGED' ? 'hat die Delegation an dich geändert' : 'hat dir die Stimme übertragen'} (${f.scope}). Du trägst jetzt ${f.weight} Stimmen, deine eigene mitgezählt.`,
      DELEGATE_VOTED: (f: NoticeFacts) => `${f.who}, an die du delegierst, hat über „${f.title}“ abgestimmt.`,
      DELEGATE_NOT_VOTED: (f: NoticeFacts) =>
        `${f.who}, an die du delegierst, hat über „${f.title}“ noch nicht abgestimmt; die Abstimmung endet ${f.ends}. Stimme selbst ab, damit deine Stimme sicher zählt.`,
      DELEGATE_LOST_RIGHT: (f: NoticeFacts) => `${f.who}, an die du delegierst, hat das Stimmrecht verloren: deine Stimme geht jetzt an ihr vorbei.`,
      DELEGATE_BLOCKED: (f: NoticeFacts) =>
        `${f.who}, an die du delegierst, hat die Weitergabe ${f.scope} gesperrt: dort endet deine Stimme bei ihr, wenn sie nicht abstimmt. Stimme selbst ab oder wähle eine andere Delegierte.`,
      PROPOSAL_ON_AGENDA: (f: NoticeFacts) => `„${f.title}“ ist auf die Tagesordnung gekommen.`,
      PROPOSAL_SCHEDULED: (f: NoticeFacts) => `„${f.title}“ wurde zur Abstimmung angesetzt.`,
      PROPOSAL_RETURNED: (f: NoticeFacts) => `„${f.title}“ wurde zur Überarbeitung zurückgegeben.`,
      PROPOSAL_DECLINED: (f: NoticeFacts) => `„${f.title}“ wurde abgelehnt.`,
      PROPOSAL_MERGED: (f: NoticeFacts) => `„${f.title}“ wurde mit einem anderen Antrag zusammengeführt.`,
      PROPOSAL_EDITED: (f: NoticeFacts) => `„${f.title}“, den du unterstützt, wurde geändert. Prüfe, ob du ihn weiter unterstützt.`,
      VOTE_OPENED: (f: NoticeFacts) => `Die Abstimmung über „${f.title}“ hat begonnen. Sie endet ${f.ends}.`,
      VOTE_CLOSING: (f: NoticeFacts) => `Die Abstimmung über „${f.title}“ endet ${f.ends}, und du hast noch nicht abgestimmt.`,
      LOTTERY_DRAWN: () => 'Du wurdest in der Ausgleichslotterie gezogen: dein Karma ist wieder 0.',
      METAMODERATION_DRAWN: () => 'Du wurdest gelost, eine Stichprobe von Moderationsentscheidungen zu beurteilen: war jede fair? Beurteile sie auf der Seite Metamoderation.',
      SIGN_IN_FAILED: () => 'Jemand hat vergeblich versucht, sich mit deinem Konto anzumelden. Warst du es nicht, ändere dein Passwort.',
    },
    reason: (reason: string) => `Begründung: ${reason}`,
    aMember: 'Ein Mitglied',
    aProposal: 'ein Antrag',
  },
  notificationSettings: {
    title: 'Einstellungen für Benachrichtigungen',
    intro:
      'Wähle für jede Art von Benachrichtigung, ob du sie gar nicht, in der App (die Glocke) oder auch in einer täglichen E-Mail-Zusammenfassung bekommen willst: höchstens eine E-Mail am Tag, nach Antrag geordnet, und keine, wenn es nichts Neues gibt.',
    noEmail: 'Dein Konto hat keine E-Mail-Adresse, daher kann dich keine Zusammenfassung erreichen; E-Mail-Benachrichtigungen erscheinen trotzdem in der App.',
    kind: 'Benachrichtigung',
    saved: (kind: string, delivery: string) => `${kind}: ${delivery}.`,
    deliveries: { OFF: 'Aus', APP: 'In der App', EMAIL: 'In der App und in der täglichen E-Mail' },
    kinds: {
      DELEGATION_RECEIVED: 'Jemand überträgt mir die Stimme, ändert oder widerruft die Delegation',
      DELEGATE_VOTED: 'Meine Delegierte hat abgestimmt',
      DELEGATE_NOT_VOTED: 'Meine Delegierte hat 48 Stunden vor Schluss nicht abgestimmt',
      DELEGATE_LOST_RIGHT: 'Meine Delegierte hat das Stimmrecht verloren',
      DELEGATE_BLOCKED: 'Meine Delegierte sperrt die Weitergabe dort, wo meine Stimme zu ihr geht',
      PROPOSAL_ON_AGENDA: 'Ein Antrag, den ich unterstütze oder schrieb, kam auf die Tagesordnung',
      PROPOSAL_SCHEDULED: 'Ein Antrag, den ich unterstütze oder schrieb, wurde angesetzt',
      PROPOSAL_RETURNED: 'Ein Antrag, den ich unterstütze oder schrieb, wurde zurückgegeben',
      PROPOSAL_DECLINED: 'Ein Antrag, den ich unterstütze oder schrieb, wurde abgelehnt',
      PROPOSAL_MERGED: 'Ein Antrag, den ich unterstütze oder schrieb, wurde zusammengeführt',
      PROPOSAL_EDITED: 'Ein Antrag, den ich unterstütze, wurde geändert',
      VOTE_OPENED: 'Eine Abstimmung, an der ich teilnehmen kann, hat begonnen',
      VOTE_CLOSING: 'Eine Abstimmung, an der ich nicht teilgenommen habe, endet in 24 Stunden',
      LOTTERY_DRAWN: 'Ich wurde in der Lotterie gezogen',
      METAMODERATION_DRAWN: 'Ich wurde gelost, Moderationsentscheidungen zu beurteilen',
      SIGN_IN_FAILED: 'Jemand hat sich vergeblich mit meinem Konto angemeldet',
    },
  },
};
