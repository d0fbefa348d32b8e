using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace SkillsAcademy.Web.Platform.Security;

/// <summary>The id a user can quote to support: the request's trace id, shown on the error page and in the log.</summary>
public static class CorrelationId
{
    public static string Of(HttpContext? context) =>
        Activity.Current?.TraceId.ToString() ?? context?.TraceIdentifier ?? "";
}

/// <summary>
/// Logs every unhandled request exception once, with the correlation id the error page shows; then lets the
/// exception handler re-execute the generic error page (no details reach the browser).
/// </summary>
public sealed partial class CorrelatedExceptionLogger(ILogger<CorrelatedExceptionLogger> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The request has been rewritten to the error page by now; the feature keeps the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        LogUnhandled(exception, CorrelationId.Of(httpContext), httpContext.Request.Method, path);
        return ValueTask.FromResult(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception, correlation id {CorrelationId}, {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string correlationId, string method, string path);
}
