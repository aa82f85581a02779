/**
 * The strings of the admin pages and of who may vote (registration, the voting-right notice),
 * in English and German. The German dictionary is typed by the English one.
 */
export const adminEn = {
  nav: 'Admin',
  membersTitle: 'Members and voting rights',
  membersIntro:
    'Who may vote: the registration policy, invitation codes and the membership register. Every change goes through the same GraphQL mutations third-party clients use, and every grant or suspension of a voting right is in the public log with its reason.',
  notAdmin: 'Only admins can see this page.',
  registrationTitle: 'Registration',
  registrationLabel: 'Who gets a voting right on registering',
  registrationOptions: {
    open: 'Open: everyone who registers votes (for trials)',
    invite: 'By invitation: registering needs a code an admin issued',
    registry: 'Membership register: votes once matched with the register or approved',
  } as Record<string, string>,
  registrationSave: 'Save registration policy',
  registrationSaved: (value: string) => `Registration is now “${value}”.`,
  invitationsTitle: 'Invitations',
  invitationNote: 'Note (who it is for, role or area)',
  invitationDays: 'Valid for (days)',
  invitationCreate: 'Create invitation',
  invitationCreated: (code: string) => `Invitation code ${code}: give it to the invitee now; it is not shown again.`,
  invitationRevoke: (note: string) => `Revoke the invitation “${note}”`,
  invitationRevoked: 'The invitation is revoked.',
  invitationNoNote: '(no note)',
  invitationsNone: 'No invitations yet.',
  invitationColumns: { note: 'Note', status: 'Status', expires: 'Expires', usedBy: 'Used by', action: 'Action' },
  invitationStatus: { OPEN: 'Open', USED: 'Used', EXPIRED: 'Expired', REVOKED: 'Revoked' } as Record<string, string>,
  registryTitle: 'Membership register',
  registryIntro:
    'Paste the register as CSV with the header member_number,email,name,status (status: active or suspended). The import adds and updates entries by member number; members matched with an entry get or lose their voting right as it says. Check it first: the dry run shows what would change and changes nothing.',
  registryCsv: 'Register (CSV)',
  registryDryRun: 'Check (dry run)',
  registryImport: 'Import',
  registryReport: (dry: boolean): string => (dry ? 'What the import would do' : 'What the import did'),
  registrySummary: (lines: number, added: number, updated: number, unchanged: number) =>
    `${lines} members in the file: ${added} new, ${updated} changed, ${unchanged} unchanged.`,
  registryGranted: 'Voting right granted',
  registrySuspended: 'Voting right suspended',
  registryChanges: 'Changed entries',
  registryColumns: { line: 'Line', number: 'Member number', change: 'Change', member: 'Member' },
  registryAdded: 'new',
  none: 'none',
};

export type AdminMessages = typeof adminEn;

export const adminDe: AdminMessages = {
  nav: 'Verwaltung',
  membersTitle: 'Mitglieder und Stimmrechte',
  membersIntro:
    'Wer abstimmen darf: die Registrierungsrichtlinie, Einladungscodes und das Mitgliederverzeichnis. Jede Änderung läuft über dieselben GraphQL-Mutationen, die Programme Dritter nutzen, und jede Vergabe oder Aussetzung eines Stimmrechts steht mit Begründung im öffentlichen Protokoll.',
  notAdmin: 'Nur Admins können diese Seite sehen.',
  registrationTitle: 'Registrierung',
  registrationLabel: 'Wer bei der Registrierung ein Stimmrecht erhält',
  registrationOptions: {
    open: 'Offen: alle, die sich registrieren, stimmen ab (für Tests)',
    invite: 'Auf Einladung: die Registrierung braucht einen Code von einem Admin',
    registry: 'Mitgliederverzeichnis: Stimmrecht nach Abgleich mit dem Verzeichnis oder Freigabe',
  },
  registrationSave: 'Registrierungsrichtlinie speichern',
  registrationSaved: (value: string) => `Die Registrierung ist jetzt „${value}“.`,
  invitationsTitle: 'Einladungen',
  invitationNote: 'Notiz (für wen, Rolle oder Bereich)',
  invitationDays: 'Gültig für (Tage)',
  invitationCreate: 'Einladung erstellen',
  invitationCreated: (code: string) => `Einladungscode ${code}: gib ihn jetzt weiter; er wird nicht noch einmal angezeigt.`,
  invitationRevoke: (note: string) => `Einladung „${note}“ zurückziehen`,
  invitationRevoked: 'Die Einladung ist zurückgezogen.',
  invitationNoNote: '(keine Notiz)',
  invitationsNone: 'Noch keine Einladungen.',
  invitationColumns: { note: 'Notiz', status: 'Status', expires: 'Läuft ab', usedBy: 'Genutzt von', action: 'Aktion' },
  invitationStatus: { OPEN: 'Offen', USED: 'Genutzt', EXPIRED: 'Abgelaufen', REVOKED: 'Zurückgezogen' },
  registryTitle: 'Mitgliederverzeichnis',
  registryIntro:
    'Füge das Verzeichnis als CSV mit der Kopfzeile member_number,email,name,status ein (status: active oder suspended). Der Import ergänzt und aktualisiert Einträge nach Mitgliedsnummer; zugeordnete Mitglieder erhalten oder verlieren ihr Stimmrecht, wie es dort steht. Prüfe zuerst: der Probelauf zeigt, was sich ändern würde, und ändert nichts.',
  registryCsv: 'Verzeichnis (CSV)',
  registryDryRun: 'Prüfen (Probelauf)',
  registryImport: 'Importieren',
  registryReport: (dry: boolean) => (dry ? 'Was der Import tun würde' : 'Was der Import getan hat'),
  registrySummary: (lines: number, added: number, updated: number, unchanged: number) =>
    `${lines} Mitglieder in der Datei: ${added} neu, ${updated} geändert, ${unchanged} unverändert.`,
  registryGranted: 'Stimmrecht erteilt',
  registrySuspended: 'Stimmrecht ausgesetzt',
  registryChanges: 'Geänderte Einträge',
  registryColumns: { line: 'Zeile', number: 'Mitgliedsnummer', change: 'Änderung', member: 'Mitglied' },
  registryAdded: 'neu',
  none: 'keine',
};

/** Who may vote, for every member: registering and the voting-right notice. */
export const votingEn = {
  invitationCode: 'Invitation code',
  invitationCodeHint: 'Needed when the organisation registers members by invitation.',
  memberNumber: 'Member number',
  memberNumberHint: 'Optional: with the email address the membership register has, it matches you with the register.',
  noVotingRight: (reason: string) => `You have no voting right at the moment. ${reason}`,
};

export const votingDe: typeof votingEn = {
  invitationCode: 'Einladungscode',
  invitationCodeHint: 'Nötig, wenn die Organisation Mitglieder nur auf Einladung registriert.',
  memberNumber: 'Mitgliedsnummer',
  memberNumberHint: 'Optional: zusammen mit der E-Mail-Adresse aus dem Mitgliederverzeichnis ordnet sie dich dem Verzeichnis zu.',
  noVotingRight: (reason: string) => `Du hast zurzeit kein Stimmrecht. ${reason}`,
};
