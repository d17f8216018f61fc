using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>What a suggested alias name already holds: its versions (soft-deleted included) and its own config.</summary>
internal sealed record AliasNameState(QualifiedSubject Name, IReadOnlyList<int> Versions, JsonObject? Config)
{
    /// <summary>Why the name cannot become an alias; null when it is free.</summary>
    public string? Occupied => Versions.Count > 0
        ? $"suggested name {Name} already holds version(s) {string.Join(", ", Versions)} (soft-deleted included); an alias would hide them"
        : Config is not null
            ? $"suggested name {Name} already has a config of its own ({Config.ToJsonString()}); it is left as it is"
            : null;
}
