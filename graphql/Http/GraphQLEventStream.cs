using System.Buffers;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http;

/// <summary>
/// GraphQL over Server-Sent Events, "distinct connections mode" (enisdenjo/graphql-sse
/// PROTOCOL.md): one HTTP response per operation, each result a <c>next</c> event whose data is
/// the JSON result, then one <c>complete</c> event. Request errors travel as a <c>next</c> event
/// too, because a 400 would make an EventSource fail without saying why.
/// </summary>
public static class GraphQLEventStream
{
    public const string MediaType = "text/event-stream";

    public const string ContentType = MediaType + "; charset=utf-8";

    private static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();

    /// <summary>Writes every result as it arrives, flushing each so the client sees it at once.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<ExecutionResult> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(events);
        var buffer = new ArrayBufferWriter<byte>(1024);
        await foreach (var result in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer.ResetWrittenCount();
            buffer.Write("event: next\ndata: "u8);

            // Compact JSON never contains a raw line break (strings escape it), so the result is
            // one "data:" line as the event-stream format requires.
            GraphQLResponseWriter.Write(buffer, result);
            buffer.Write("\n\n"u8);
            await body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await body.WriteAsync(Complete, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
