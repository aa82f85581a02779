namespace Governance.Api.GraphQL;

/// <summary>
/// The log entry of an unexpected GraphQL error (a resolver's bug, a failing read): the client
/// gets only "Unexpected Execution Error" and this entry's correlation id, so its report leads here.
/// </summary>
public static partial class GraphQLErrorLog
{
    public static Action<Exception, string> For(ILogger logger) => (exception, correlationId) => LogUnexpected(logger, correlationId, exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Unexpected error in a GraphQL operation (correlation id {CorrelationId})")]
    private static partial void LogUnexpected(ILogger logger, string correlationId, Exception exception);
}
