using BenchmarkDotNet.Attributes;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Tests.Introspection;
using Governance.GraphQL.Types;
using Governance.GraphQL.Validation;

namespace Governance.Benchmarks.GraphQL;

/// <summary>
/// Validation alone, as the executor pays it on a document cache miss: the full introspection
/// query, and a document whose fragments spread each other twice per level (Field Selection
/// Merging must stay cheap where the spec's algorithm would expand 2^20 copies).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ValidationBenchmark
{
    private Schema _schema = null!;
    private DocumentNode _introspection = null!;
    private DocumentNode _fragmentFanOut = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = TestSchema.Build();
        _introspection = Parser.Parse(IntrospectionQuery.Full);
        const int levels = 20;
        var fragments = Enumerable.Range(0, levels).Select(i => i < levels - 1
            ? $"fragment F{i} on __Type {{ name ...F{i + 1} ...F{i + 1} kind }}"
            : $"fragment F{i} on __Type {{ name description }}");
        _fragmentFanOut = Parser.Parse("{ __type(name: \"Query\") { ...F0 ...F0 } }\n" + string.Join("\n", fragments));
    }

    [Benchmark]
    public IReadOnlyList<GraphQLError> FullIntrospectionQuery() => DocumentValidator.Validate(_schema, _introspection);

    [Benchmark]
    public IReadOnlyList<GraphQLError> FragmentFanOut() => DocumentValidator.Validate(_schema, _fragmentFanOut);
}
