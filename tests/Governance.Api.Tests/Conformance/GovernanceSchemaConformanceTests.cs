using Xunit.Abstractions;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// Issue 6: "the conformance checks of the engine issue pass against this schema too": the
/// schema-independent proofs against the governance schema. (The WebSocket and SSE scripts
/// subscribe to the conformance schema's own fields, so they run in ConformanceTests only.)
/// </summary>
public sealed class GovernanceSchemaConformanceTests(GovernanceConformanceServer server, ITestOutputHelper output)
    : SchemaIndependentProofs(server.HttpUrl, output), IClassFixture<GovernanceConformanceServer>;
