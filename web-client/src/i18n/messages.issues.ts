/**
 * Issues with alternatives and the ranked ballot (DESIGN §8, issue 18). Spread into `en` and `de`
 * in messages.ts; German is checked against English by its type.
 */
export const issuesEn = {
  issue: {
    title: "Alternatives",
    intro: (threshold: number) =>
      `Members can add competing alternatives while the issue is in discussion. An alternative with at least ${threshold} supporters is on the ballot, and then members rank the choices against the status quo.`,
    none: "No alternatives yet.",
    statusQuo: "Status quo (keep things as they are)",
    thisProposal: "This proposal",
    supporters: (n: number) => (n === 1 ? "1 supporter" : `${n} supporters`),
    onBallot: "On the ballot",
    notOnBallot: "Not on the ballot",
    support: "Support",
    supported: "You support it",
    addTitle: "Add an alternative",
    altTitle: "Title",
    altBody: "Text",
    add: "Add alternative",
    added: "Alternative added.",
    ballotTitle: "Your ranking",
    ballotHelp:
      "Order the choices, best first. Use the buttons to move a choice; “tie with the one above” ranks two choices equally. Choices you leave unranked count below all ranked ones.",
    rank: (n: number) => `Rank ${n}`,
    up: (name: string) => `Move ${name} up`,
    down: (name: string) => `Move ${name} down`,
    tie: (name: string) => `Tie ${name} with the one above`,
    untie: (name: string) => `Rank ${name} below the one above`,
    exclude: (name: string) => `Leave ${name} unranked`,
    include: (name: string) => `Rank ${name}`,
    unranked: "Unranked",
    cast: "Cast ranked ballot",
    change: "Change ranked ballot",
    saved: "Your ranking is saved.",
    resultTitle: "Result (Schulze method)",
    winner: (name: string) => `Winner: ${name}`,
    statusQuoStays:
      "No alternative beat the status quo: things stay as they are.",
    ranking: "Ranking",
    pairwise: "Pairwise preferences",
    pairwiseCaption: "Weight of the ballots preferring the row to the column",
    strongest: "Strongest paths",
    strongestCaption:
      "Strength of the strongest path from the row to the column",
  },
};

export const issuesDe: typeof issuesEn = {
  issue: {
    title: "Alternativen",
    intro: (threshold: number) =>
      `Während der Diskussion können Mitglieder konkurrierende Alternativen einbringen. Eine Alternative mit mindestens ${threshold} Unterstützer*innen steht auf dem Stimmzettel; dann ordnen die Mitglieder die Möglichkeiten gegen den Status quo.`,
    none: "Noch keine Alternativen.",
    statusQuo: "Status quo (alles bleibt, wie es ist)",
    thisProposal: "Dieser Antrag",
    supporters: (n: number) =>
      n === 1 ? "1 Unterstützer*in" : `${n} Unterstützer*innen`,
    onBallot: "Auf dem Stimmzettel",
    notOnBallot: "Nicht auf dem Stimmzettel",
    support: "Unterstützen",
    supported: "Du unterstützt sie",
    addTitle: "Alternative einbringen",
    altTitle: "Titel",
    altBody: "Text",
    add: "Alternative einbringen",
    added: "Alternative eingebracht.",
    ballotTitle: "Deine Reihenfolge",
    ballotHelp:
      "Ordne die Möglichkeiten, die beste zuerst. Mit den Knöpfen verschiebst du eine Möglichkeit; „gleichauf mit der darüber“ setzt zwei gleich. Nicht eingeordnete Möglichkeiten zählen unter allen eingeordneten.",
    rank: (n: number) => `Platz ${n}`,
    up: (name: string) => `${name} nach oben`,
    down: (name: string) => `${name} nach unten`,
    tie: (name: string) => `${name} gleichauf mit der darüber`,
    untie: (name: string) => `${name} unter die darüber`,
    exclude: (name: string) => `${name} nicht einordnen`,
    include: (name: string) => `${name} einordnen`,
    unranked: "Nicht eingeordnet",
    cast: "Reihenfolge abgeben",
    change: "Reihenfolge ändern",
    saved: "Deine Reihenfolge ist gespeichert.",
    resultTitle: "Ergebnis (Schulze-Methode)",
    winner: (name: string) => `Gewonnen hat: ${name}`,
    statusQuoStays:
      "Keine Alternative schlug den Status quo: alles bleibt, wie es ist.",
    ranking: "Reihenfolge",
    pairwise: "Paarweise Vorlieben",
    pairwiseCaption:
      "Gewicht der Stimmzettel, die die Zeile der Spalte vorziehen",
    strongest: "Stärkste Pfade",
    strongestCaption: "Stärke des stärksten Pfads von der Zeile zur Spalte",
  },
};
