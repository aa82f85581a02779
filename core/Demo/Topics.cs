namespace Governance.Core.Demo;

/// <summary>
/// The topic tree of the demo party, and the things proposals in each topic are about. Written
/// by hand: a generated organisation should read like a real party's, which lorem ipsum does not.
/// </summary>
internal static class Topics
{
    public static readonly (string Name, string[] SubTopics, string[] Subjects)[] Tree =
    [
        ("Economy", ["Taxes", "Labour", "Small business"],
            ["a four-day working week", "a minimum wage review", "a local business fund", "a digital services tax", "public procurement rules"]),
        ("Housing", ["Rent", "Urban planning", "Social housing"],
            ["a rent cap", "vacant property levies", "cooperative housing loans", "student housing", "zoning for mixed use"]),
        ("Environment", ["Climate", "Energy", "Biodiversity"],
            ["a municipal solar programme", "a coal phase-out date", "urban tree planting", "wetland protection", "a carbon budget"]),
        ("Transport", ["Public transport", "Cycling", "Rail"],
            ["a flat-rate transit ticket", "protected bike lanes", "night trains", "car-free city centres", "rural bus links"]),
        ("Education", ["Schools", "Universities", "Adult learning"],
            ["free school meals", "open-access textbooks", "smaller class sizes", "evening courses", "teacher training"]),
        ("Health", ["Hospitals", "Care", "Mental health"],
            ["rural clinics", "care worker pay", "mental health first aid", "shorter waiting lists", "a public dental plan"]),
        ("Digital rights", ["Privacy", "Open data", "Net neutrality"],
            ["end-to-end encryption", "open government data", "a ban on facial recognition", "public code for public money", "net neutrality rules"]),
        ("Democracy", ["Transparency", "Participation", "Party rules"],
            ["a lobby register", "citizens' assemblies", "online member votes", "term limits", "open party finances"]),
    ];

    public static readonly string[] Verbs =
    [
        "Introduce", "Fund", "Review", "Expand", "Reform", "Protect", "Publish", "Limit", "Support", "Pilot", "Phase in", "Guarantee",
    ];

    public static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Replace("'", string.Empty, StringComparison.Ordinal);
}
