using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// The retention policies, in <c>retention-policies.json</c> in the data directory: readable JSON (snake_case, indented,
/// sorted by registry and pattern), written whole to a temporary file and renamed over the old one, so a reader never
/// sees half a file. One policy per registry and pattern: saving another replaces it.
/// </summary>
public sealed class RetentionPolicyStore(string dataDirectory)
{
    public const string FileName = "retention-policies.json";

    // Saves and removes are read-modify-write: one at a time in this process, so none is lost.
    private static readonly Lock Writing = new();

    private readonly DataDirectory _data = new(dataDirectory);

    public string FilePath => Path.Combine(_data.Root, FileName);

    /// <summary>Every stored policy; none when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON or holds an invalid policy; the message names the file and the field.</exception>
    public IReadOnlyList<RetentionPolicy> Load()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        RetentionPolicyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RetentionPolicyFile>(File.ReadAllBytes(FilePath), StorageJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Retention policies file {FilePath}: not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        var policies = file?.Policies ?? [];
        for (var i = 0; i < policies.Count; i++)
        {
            if (policies[i] is null)
            {
                throw new InvalidDataException($"Retention policies file {FilePath}: policies[{i}]: null is not a policy.");
            }

            if (policies[i].Problem() is { } problem)
            {
                throw new InvalidDataException($"Retention policies file {FilePath}: policies[{i}].{problem}");
            }
        }

        return policies;
    }

    /// <summary>Stores <paramref name="policy"/>, replacing the one with the same registry (any case) and pattern.</summary>
    /// <exception cref="ArgumentException">The policy is not valid; the message names the field.</exception>
    public void Save(RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(policy));
        }

        lock (Writing)
        {
            Write([.. Load().Where(p => !Same(p, policy.Registry, policy.Pattern)), policy]);
        }
    }

    /// <summary>Removes the policy with this registry (any case) and pattern; nothing when there is none.</summary>
    public void Remove(string registry, string pattern)
    {
        lock (Writing)
        {
            var policies = Load();
            if (policies.Any(p => Same(p, registry, pattern)))
            {
                Write([.. policies.Where(p => !Same(p, registry, pattern))]);
            }
        }
    }

    private static bool Same(RetentionPolicy policy, string registry, string pattern) =>
        string.Equals(policy.Registry, registry, StringComparison.OrdinalIgnoreCase) && string.Equals(policy.Pattern, pattern, StringComparison.Ordinal);

    private void Write(IReadOnlyList<RetentionPolicy> policies)
    {
        var sorted = policies.OrderBy(p => p.Registry, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Pattern, StringComparer.Ordinal).ToList();
        _data.EnsureFolder(_data.Root);
        var content = JsonSerializer.SerializeToUtf8Bytes(new RetentionPolicyFile(sorted), StorageJson.Options);
        // The store's methods are synchronous, and a local file write has nothing to wait on but the disk: the shared
        // atomic writer (temporary file, flush, 0600, rename) is run to completion here.
        AtomicFile.WriteAsync(FilePath, content, CancellationToken.None).GetAwaiter().GetResult();
    }
}
