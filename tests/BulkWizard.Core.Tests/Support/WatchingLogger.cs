using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Tests.Support;

/// <summary>A logger that lets a test wait for the first line of a given level, e.g. what a background loop logs after acting.</summary>
internal sealed class WatchingLogger<T>(LogLevel watched) : ILogger<T>
{
    private readonly TaskCompletionSource<string> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first message logged at the watched level.</summary>
    public Task<string> Seen => _seen.Task;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == watched)
        {
            _seen.TrySetResult(formatter(state, exception));
        }
    }
}
