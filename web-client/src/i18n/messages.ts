import { membersDe, membersEn } from './messages.members';

/**
 * Every string the client shows, in English and German. `Messages` is derived from the
 * English dictionary, so a German entry that is missing or misspelled is a type error.
 */
import { powerDe, powerEn } from './messages.power';
import { adminDe, adminEn, votingDe, votingEn } from './messages.admin';
import { rulesDe, rulesEn } from './messages.rules';
import { ballotsDe, ballotsEn } from './messages.ballots';
import { accountDe, accountEn } from './messages.account';
import { adminAreasDe, adminAreasEn } from './messages.adminAreas';
import { adminMembersDe, adminMembersEn } from './messages.adminMembers';
import { notificationsDe, notificationsEn } from './messages.notifications';
import { deliberationDe, deliberationEn } from './messages.deliberation';
import { issuesDe, issuesEn } from './messages.issues';
import { metamoderationDe, metamoderationEn } from './messages.metamoderation';

export const en = {
  power: powerEn,
  deliberation: deliberationEn,
  metamoderation: metamoderationEn,
  admin: adminEn,
  account: accountEn,
  adminAreas: adminAreasEn,
  adminMembers: adminMembersEn,
  voting: votingEn,
  appName: 'Governance',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Main',
  language: 'Language',
  languageNames: { en: 'English', de: 'Deutsch' },
  loading: 'Loading…',
  footer: 'Governance: liquid democracy for membership organisations.',
  nav: { home: 'Home', signIn: 'Sign in', register: 'Register', signOut: 'Sign out' },
  welcome: {
    title: 'Welcome to Governance',
    intro:
      'Vote directly or delegate your vote per topic, take it back at any time, and propose what your organisation should decide.',
    signInPrompt: 'Already a member?',
    registerPrompt: 'New here?',
  },
  home: {
    title: 'Home',
    signedInAs: (name: string, handle: string) => `Signed in as ${name} (@${handle})`,
    proposalsTitle: 'Proposals',
  },
  signIn: {
    title: 'Sign in',
    handleOrEmail: 'Handle or email address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    noAccount: 'No account yet?',
    registerLink: 'Register',
  },
  register: {
    title: 'Register',
    handle: 'Handle',
    handleHint: '3 to 30 characters: lower-case letters, digits, ".", "_" or "-".',
    displayName: 'Display name',
    email: 'Email address',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    submit: 'Register',
    submitting: 'Registering…',
    haveAccount: 'Already registered?',
    signInLink: 'Sign in',
  },
  errors: {
    summary: 'Please correct the following:',
    network: 'The server could not be reached. Check your connection and try again.',
    unexpected: (status: number) => `Something went wrong (HTTP ${status}). Please try again.`,
    tooLarge: 'What you sent is larger than the server accepts (1 MiB at most). Shorten it and try again.',
    tooMany: 'Too many requests in a short time. Wait a moment and try again.',
    signedOut: 'Your session has ended. Sign in again and retry.',
    forbidden: 'You are not allowed to do this.',
    server: (status: number) => `The server had a problem (HTTP ${status}). Nothing was changed; please try again later.`,
    unavailable: 'The server is busy or restarting. Please try again in a moment.',
  },
  notFound: { title: 'Page not found', body: 'There is no page at this address.', back: 'Go to the home page' },  ...membersEn,
  ...rulesEn,
  ...ballotsEn,
  ...notificationsEn,
  ...issuesEn,
};

export type Messages = typeof en;

export const de: Messages = {
  power: powerDe,
  deliberation: deliberationDe,
  metamoderation: metamoderationDe,
  admin: adminDe,
  account: accountDe,
  adminAreas: adminAreasDe,
  adminMembers: adminMembersDe,
  voting: votingDe,
  appName: 'Governance',
  skipToContent: 'Zum Hauptinhalt springen',
  mainNavigation: 'Hauptnavigation',
  language: 'Sprache',
  languageNames: { en: 'English', de: 'Deutsch' },
  loading: 'Wird geladen…',
  footer: 'Governance: flüssige Demokratie für Mitgliederorganisationen.',
  nav: { home: 'Start', signIn: 'Anmelden', register: 'Registrieren', signOut: 'Abmelden' },
  welcome: {
    title: 'Willkommen bei Governance',
    intro:
      'Stimme direkt ab oder übertrage deine Stimme je Thema, nimm sie jederzeit zurück und schlage vor, worüber deine Organisation entscheiden soll.',
    signInPrompt: 'Schon Mitglied?',
    registerPrompt: 'Neu hier?',
  },
  home: {
    title: 'Start',
    signedInAs: (name: string, handle: string) => `Angemeldet als ${name} (@${handle})`,
    proposalsTitle: 'Anträge',
  },
  signIn: {
    title: 'Anmelden',
    handleOrEmail: 'Kennung oder E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft…',
    noAccount: 'Noch kein Konto?',
    registerLink: 'Registrieren',
  },
  register: {
    title: 'Registrieren',
    handle: 'Kennung',
    handleHint: '3 bis 30 Zeichen: Kleinbuchstaben, Ziffern, ".", "_" oder "-".',
    displayName: 'Anzeigename',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    passwordHint: 'Mindestens 10 Zeichen.',
    submit: 'Registrieren',
    submitting: 'Registrierung läuft…',
    haveAccount: 'Schon registriert?',
    signInLink: 'Anmelden',
  },
  errors: {
    summary: 'Bitte korrigiere Folgendes:',
    network: 'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
    unexpected: (status: number) => `Etwas ist schiefgelaufen (HTTP ${status}). Bitte versuche es erneut.`,
    tooLarge: 'Was du gesendet hast, ist größer, als der Server annimmt (höchstens 1 MiB). Kürze es und versuche es erneut.',
    tooMany: 'Zu viele Anfragen in kurzer Zeit. Warte einen Moment und versuche es erneut.',
    signedOut: 'Deine Sitzung ist abgelaufen. Melde dich erneut an und versuche es noch einmal.',
    forbidden: 'Das darfst du nicht.',
    server: (status: number) => `Der Server hatte ein Problem (HTTP ${status}). Es wurde nichts geändert; bitte versuche es später erneut.`,
    unavailable: 'Der Server ist ausgelastet oder startet neu. Bitte versuche es gleich noch einmal.',
  },
  notFound: { title: 'Seite nicht gefunden', body: 'Unter dieser Adresse gibt es keine Seite.', back: 'Zur Startseite' },  ...membersDe,
  ...rulesDe,
  ...ballotsDe,
  ...notificationsDe,
  ...issuesDe,
};

export const dictionaries = { en, de } as const;
export type Language = keyof typeof dictionaries;
export const languages = Object.keys(dictionaries) as Language[];
