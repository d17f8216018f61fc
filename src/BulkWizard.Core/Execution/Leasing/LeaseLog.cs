using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Execution.Leasing;

/// <summary>The lease's log lines; registries by their configured name only.</summary>
internal static partial class LeaseLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Execution lease of registry {Registry} taken for plan {PlanId}, until {ExpiresAt}")]
    public static partial void Taken(ILogger logger, string registry, string planId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry {Registry} holds no execution lease: {Notice}")]
    public static partial void Unavailable(ILogger logger, string registry, string notice);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Execution lease of registry {Registry} renewed until {ExpiresAt}")]
    public static partial void Renewed(ILogger logger, string registry, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution lease of registry {Registry} could not be renewed; it holds until {ExpiresAt}")]
    public static partial void NotRenewed(ILogger logger, Exception exception, string registry, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution lease of registry {Registry} lost: {Detail}")]
    public static partial void Lost(ILogger logger, string registry, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution lease of registry {Registry} released")]
    public static partial void Released(ILogger logger, string registry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution lease of registry {Registry} could not be released; it expires at {ExpiresAt}")]
    public static partial void NotReleased(ILogger logger, Exception exception, string registry, DateTimeOffset expiresAt);
}
