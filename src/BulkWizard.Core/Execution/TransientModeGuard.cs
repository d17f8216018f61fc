using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Execution;

/// <summary>
/// Runs one apply or undo of a change that declares <see cref="PlannedChange.TransientModeScopes"/>: reads each
/// scope's mode first and, if the change stops half-way (an error, or an interruption), puts back the modes it left
/// switched, so that no subject stays in IMPORT because a run was stopped.
/// </summary>
internal sealed class TransientModeGuard(ILogger logger)
{
    public async Task<T> RunAsync<T>(IRegistryGateway gateway, PlannedChange change, IStepRecorder steps, Func<Task<T>> action)
    {
        var scopes = change.TransientModeScopes;
        if (scopes.Count == 0)
        {
            return await action();
        }

        var saved = new List<(RegistryScope Scope, RegistryMode? Mode)>(scopes.Count);
        foreach (var scope in scopes)
        {
            saved.Add((scope, await gateway.GetModeAsync(scope, CancellationToken.None)));
        }

        try
        {
            return await action();
        }
        catch
        {
            await PutBackAsync(gateway, saved, steps);
            throw;
        }
    }

    private async Task PutBackAsync(IRegistryGateway gateway, IReadOnlyList<(RegistryScope Scope, RegistryMode? Mode)> saved, IStepRecorder steps)
    {
        foreach (var (scope, mode) in saved)
        {
            var shown = mode?.Name ?? "(none: inherited)";
            try
            {
                var live = await gateway.GetModeAsync(scope, CancellationToken.None);
                if (live?.Name == mode?.Name)
                {
                    continue;
                }

                await steps.RecordAsync($"put back mode {shown} of {scope} after the change stopped", null, CancellationToken.None);
                if (mode is null)
                {
                    await gateway.DeleteModeAsync(scope, CancellationToken.None);
                }
                else
                {
                    await gateway.SetModeAsync(scope, mode, force: mode == RegistryMode.Import, CancellationToken.None);
                }

                ExecutionLog.ModePutBack(logger, scope.ToString(), shown);
            }
            catch (Exception e)
            {
                // The change's own error is what the caller reports; this one is logged for a person to act on.
                ExecutionLog.ModeNotPutBack(logger, e, scope.ToString(), shown);
            }
        }
    }
}
