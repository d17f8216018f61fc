using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// Brings one subject to a backed-up state (spec §11): when versions are missing or soft-deleted, the subject goes
/// to IMPORT with <c>force</c> (which keeps its soft-deleted versions) and they are registered again with their id,
/// version, type, references, metadata and rule set; versions soft-deleted in the backup are soft-deleted again;
/// then the exact config body and the mode are put back. Each step is recorded before it runs.
/// </summary>
/// <remarks>
/// It works from <c>live</c>, the subject's state the caller knows to be current: the executor has just read the
/// subject and found it equal to what the change expects (its drift check), so reading it again would only cost requests.
/// </remarks>
internal static class SubjectRestorer
{
    public static async Task RestoreAsync(
        IRegistryGateway gateway, QualifiedSubject subject, SubjectSnapshot live, SubjectBackup target, IReadOnlyCollection<int> remove, IStepRecorder steps,
        CancellationToken cancellationToken)
    {
        var name = subject.ToString();
        var scope = RegistryScope.ForSubject(subject);
        if (RestoreWork.VersionConflict(name, live, target) is { } conflict)
        {
            throw new RestoreRefusedException(conflict);
        }

        var work = RestoreWork.Of(live, target, remove);
        var mode = live.Mode;
        if (work.NeedsImport)
        {
            await steps.RecordAsync("mode IMPORT (force)", new JsonObject { ["previous_mode"] = live.Mode }, cancellationToken);
            await gateway.SetModeAsync(scope, RegistryMode.Import, force: true, cancellationToken);
            mode = RegistryMode.Import.Name;
        }
        else if (work.WritesBesidesMode && IsReadOnly(live.Mode))
        {
            await steps.RecordAsync("mode READWRITE while restoring", new JsonObject { ["previous_mode"] = live.Mode }, cancellationToken);
            await gateway.SetModeAsync(scope, RegistryMode.ReadWrite, force: false, cancellationToken);
            mode = RegistryMode.ReadWrite.Name;
        }

        // A restore that stops part-way takes back what it registered, so that it leaves the subject as it found it
        // (the caller puts back the mode) and a rollback or a second run starts from the state the plan knows.
        var created = new List<int>();
        try
        {
            foreach (var version in work.Import)
            {
                await steps.RecordAsync($"register version {version.Version} id {version.Id}", new JsonObject { ["version"] = version.Version, ["id"] = version.Id }, cancellationToken);
                var registered = (await gateway.RegisterAsync(subject, RegisterSchemaRequest.ImportOf(version), cancellationToken))
                    .GetValueOrThrow(gateway.Registry.Name, $"registering version {version.Version} (id {version.Id}) of {name}");
                if (registered.Id != version.Id || (registered.Version is { } number && number != version.Version))
                {
                    throw new InvalidOperationException(
                        $"{name}: registering version {version.Version} with id {version.Id} gave version {registered.Version} with id {registered.Id}; " +
                        "the registry kept an existing version instead of restoring this one.");
                }

                created.Add(version.Version);
                await steps.RecordCreatedAsync(name, version.Version, version.Id, cancellationToken);
            }

            foreach (var number in work.SoftDelete)
            {
                await steps.RecordDeletedAsync(name, number, permanent: false, cancellationToken);
                (await gateway.DeleteVersionAsync(subject, number, DeleteKind.Soft, cancellationToken))
                    .GetValueOrThrow(gateway.Registry.Name, $"soft-deleting version {number} of {name}");
            }

            foreach (var number in work.Remove)
            {
                if (live.Find(number) is { Deleted: false })
                {
                    await steps.RecordDeletedAsync(name, number, permanent: false, cancellationToken);
                    (await gateway.DeleteVersionAsync(subject, number, DeleteKind.Soft, cancellationToken))
                        .GetValueOrThrow(gateway.Registry.Name, $"soft-deleting version {number} of {name}");
                }

                await steps.RecordDeletedAsync(name, number, permanent: true, cancellationToken);
                (await gateway.DeleteVersionAsync(subject, number, DeleteKind.Permanent, cancellationToken))
                    .GetValueOrThrow(gateway.Registry.Name, $"permanently deleting version {number} of {name}");
            }

            if (work.ConfigDiffers)
            {
                await steps.RecordAsync("restore config", new JsonObject { ["config"] = target.Config?.DeepClone() }, cancellationToken);
                if (target.Config is null)
                {
                    await gateway.DeleteConfigAsync(scope, cancellationToken);
                }
                else
                {
                    await gateway.PutConfigAsync(scope, new RegistryConfig(target.Config).AsReplacement(), cancellationToken);
                }
            }

            if (mode != target.Mode)
            {
                await steps.RecordAsync("restore mode", new JsonObject { ["mode"] = target.Mode }, cancellationToken);
                if (target.Mode is null)
                {
                    await gateway.DeleteModeAsync(scope, cancellationToken);
                }
                else
                {
                    await gateway.SetModeAsync(scope, new RegistryMode(target.Mode), force: target.Mode == RegistryMode.Import.Name, cancellationToken);
                }
            }
        }
        catch (Exception stopped) when (created.Count > 0)
        {
            if (await TakeBackAsync(gateway, subject, live, created, steps, stopped) is { } incomplete)
            {
                throw incomplete;
            }

            throw;
        }
    }

    /// <summary>
    /// Deletes the versions this restore registered before it stopped: permanently those the subject did not have,
    /// softly again those it had soft-deleted. Null when all were taken back (the stopping error is what the caller
    /// reports); otherwise that error, saying which versions may be left.
    /// </summary>
    private static async Task<Exception?> TakeBackAsync(
        IRegistryGateway gateway, QualifiedSubject subject, SubjectSnapshot live, IReadOnlyList<int> registered, IStepRecorder steps, Exception stopped)
    {
        var name = subject.ToString();
        try
        {
            foreach (var number in registered.Reverse())
            {
                await steps.RecordDeletedAsync(name, number, permanent: false, CancellationToken.None);
                (await gateway.DeleteVersionAsync(subject, number, DeleteKind.Soft, CancellationToken.None))
                    .GetValueOrThrow(gateway.Registry.Name, $"soft-deleting version {number} of {name}");
                if (live.Find(number) is null)
                {
                    await steps.RecordDeletedAsync(name, number, permanent: true, CancellationToken.None);
                    (await gateway.DeleteVersionAsync(subject, number, DeleteKind.Permanent, CancellationToken.None))
                        .GetValueOrThrow(gateway.Registry.Name, $"permanently deleting version {number} of {name}");
                }
            }

            return null;
        }
        catch (Exception e)
        {
            return new InvalidOperationException(
                $"{stopped.Message} The version(s) it registered ({string.Join(", ", registered)}) could not all be taken back: {e.Message}", stopped);
        }
    }

    private static bool IsReadOnly(string? mode) =>
        mode == RegistryMode.ReadOnly.Name || mode == RegistryMode.ReadOnlyOverride.Name;
}
