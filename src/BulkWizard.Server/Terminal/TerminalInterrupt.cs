namespace BulkWizard.Server.Terminal;

/// <summary>
/// Ctrl+C at the terminal, as a token: while questions are asked it cancels the wizard (nothing changed); while a task
/// runs it cancels the task (in-flight items finish, then the rollback rules of the plan apply). The process is not
/// killed by it, so what was started is always seen to its end.
/// </summary>
internal sealed class TerminalInterrupt : IDisposable
{
    private readonly CancellationTokenSource _pressed = new();

    public TerminalInterrupt() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => _pressed.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _pressed.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _pressed.Cancel();
    }
}
