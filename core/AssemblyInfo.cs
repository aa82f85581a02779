// Governance.Core: the domain (delegation engine, karma, agenda, policies, storage). No ASP.NET here.
[assembly: System.CLSCompliant(false)]
