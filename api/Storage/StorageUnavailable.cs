using Microsoft.AspNetCore.Diagnostics;
using Governance.Core.Storage;

namespace Governance.Api.Storage;

/// <summary>
/// The database cannot take a write for a reason outside the request — the disk is full, the
/// file or its folder is read-only, the disk failed — so the answer is 503 with Retry-After,
/// never a 500: the request was fine, nothing was changed (the transaction rolled back), and the
/// same request succeeds once an operator frees space. REST gets ProblemDetails from here;
/// GraphQL gets an error with code STORAGE_UNAVAILABLE, which /graphql answers with the same 503.
/// </summary>
public static class StorageUnavailable
{
    public const string Code = "STORAGE_UNAVAILABLE";

    /// <summary>Seconds a client should wait: long enough for an operator's alert to be seen, short enough not to lose a voter.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>
    /// What to tell the caller when <paramref name="exception"/> is such a failure; null for any
    /// other exception. Recognising one also empties the connection pools, so that the next
    /// request opens afresh once the disk is back (<see cref="StorageFaults.Recover"/>).
    /// </summary>
    public static string? Reason(Exception? exception) => StorageFaults.Recover(exception);

    public static string Message(string reason) =>
        $"The service cannot store changes right now: {reason}. Nothing was changed; try again in {RetryAfterSeconds} seconds.";
}

/// <summary>Turns a <see cref="StorageUnavailable"/> failure anywhere in the REST surface into 503 ProblemDetails with Retry-After.</summary>
internal sealed class StorageUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageUnavailable.Reason(exception) is not { } reason)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = StorageUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = 503, Title = "Service Unavailable", Detail = StorageUnavailable.Message(reason), Extensions = { ["code"] = StorageUnavailable.Code } },
        });
        if (!written)
        {
            await httpContext.Response.WriteAsync(StorageUnavailable.Message(reason), cancellationToken);
        }

        return true;
    }
}
