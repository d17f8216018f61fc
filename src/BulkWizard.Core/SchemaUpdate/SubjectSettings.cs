using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// One subject's own config and mode (null: none, it inherits) and what is in effect, with the scope
/// it comes from (<c>subject</c>, <c>global</c>, <c>context .staging</c>, <c>all contexts</c>, <c>server default</c>).
/// </summary>
internal sealed record SubjectSettings(
    QualifiedSubject Subject,
    JsonObject? OwnConfig,
    string? OwnMode,
    string EffectiveLevel,
    string LevelSource,
    string EffectiveMode,
    string ModeSource)
{
    /// <summary>The mode the subject would have without one of its own: its context's, else the all-contexts one, else the server default.</summary>
    public string InheritedMode { get; init; } = EffectiveMode;

    /// <summary>Where <see cref="InheritedMode"/> comes from.</summary>
    public string InheritedModeSource { get; init; } = ModeSource;

    public string? OwnLevel => OwnConfig?["compatibility"]?.GetValue<string>();

    /// <summary>The level as previews show it: explicit, or "inherited from &lt;scope&gt;: &lt;level&gt;".</summary>
    public string LevelText => OwnLevel ?? $"inherited from {LevelSource}: {EffectiveLevel}";

    public bool BlocksWrites => EffectiveMode is "READONLY" or "READONLY_OVERRIDE" or "IMPORT";
}
