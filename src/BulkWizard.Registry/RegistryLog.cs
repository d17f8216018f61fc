using System.Net;
using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry;

/// <summary>The gateway's log messages. They name registries, URLs without credentials, and subjects; never secrets.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Registry {Registry}: {Url} is unreachable ({Error}); trying {NextUrl}")]
    public static partial void EndpointUnreachable(this ILogger logger, string registry, string url, string nextUrl, HttpRequestError error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Registry {Registry}: retry {Attempt} of {Method} {Path} in {Delay} after {Reason}")]
    public static partial void Retrying(this ILogger logger, string registry, int attempt, HttpMethod method, string path, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Registry {Registry}: {Operation} lost its answer ({Reason}); a re-read classifies it as {Outcome}")]
    public static partial void WriteOutcomeClassified(this ILogger logger, string registry, string operation, string reason, WriteOutcome outcome);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Registry {Registry}: {Method} {Path} answered {ErrorCode} after an earlier attempt whose answer was lost; it was applied")]
    public static partial void RepeatedDeleteApplied(this ILogger logger, string registry, HttpMethod method, RegistryPath path, int errorCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug,
        Message = "Registry {Registry} reports version {Version}")]
    public static partial void ServerVersionRead(this ILogger logger, string registry, string? version);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Registry {Registry} answered {Status} to {Method} {Path}: access denied")]
    public static partial void AccessDenied(this ILogger logger, string registry, HttpStatusCode status, HttpMethod method, string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information,
        Message = "Registry {Registry}: {Operation} was not applied (a re-read shows it, or it was never sent); sending it again, retry {Attempt}, in {Delay}")]
    public static partial void RepeatingCheckedWrite(this ILogger logger, string registry, string operation, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information,
        Message = "Registry {Registry} pace: {Change}")]
    public static partial void PaceChanged(this ILogger logger, string registry, string change);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug,
        Message = "Registry {Registry} pace: {Change}")]
    public static partial void PaceHeldByCeiling(this ILogger logger, string registry, string change);
}
