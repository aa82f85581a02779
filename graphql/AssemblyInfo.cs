// Governance.GraphQL: a spec-compliant GraphQL engine with no domain knowledge.
[assembly: System.CLSCompliant(false)]
