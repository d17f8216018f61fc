using BulkWizard.Compatibility;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// What the organization requires of every subject's effective config: a compatibility level at least as strict as
/// <see cref="CompatibilityAtLeast"/> (by guarantees), <c>normalize</c> and <c>validateFields</c> on, and metadata
/// properties that registrations get from <c>defaultMetadata</c> or <c>overrideMetadata</c>. Read from a JSON file
/// (<see cref="Load"/>) or, without one, <see cref="Defaults"/>; a rule the file leaves out is not judged.
/// </summary>
public sealed record ComplianceRules
{
    public const string DefaultsSource = "built-in defaults";

    /// <summary>BACKWARD or stricter, normalize and validateFields on, an <c>owner</c> property.</summary>
    public static ComplianceRules Defaults { get; } = new()
    {
        CompatibilityAtLeast = CompatibilityLevel.Backward.Format(),
        Normalize = true,
        ValidateFields = true,
        RequiredProperties = ["owner"],
    };

    /// <summary><see cref="DefaultsSource"/>, or the full path of the rules file.</summary>
    public string Source { get; init; } = DefaultsSource;

    /// <summary>The floor in the registry's spelling (<c>BACKWARD</c>); null when compatibility is not judged.</summary>
    public string? CompatibilityAtLeast { get; init; }

    /// <summary>The levels that meet <see cref="CompatibilityAtLeast"/>, weakest first; empty when compatibility is not judged.</summary>
    public IReadOnlyList<string> AcceptedLevels =>
        Floor is { } floor ? [.. CompatibilityFloor.Meeting(floor).Select(l => l.Format())] : [];

    /// <summary>True: <c>normalize</c> must be on. False: not judged (no rule asks for it off).</summary>
    public bool Normalize { get; init; }

    /// <summary>True: <c>validateFields</c> must be on. False: not judged.</summary>
    public bool ValidateFields { get; init; }

    /// <summary>Metadata property keys the effective config must set, in the order violations list them.</summary>
    public IReadOnlyList<string> RequiredProperties { get; init; } = [];

    internal CompatibilityLevel? Floor => CompatibilityAtLeast is null ? null : CompatibilityLevels.Parse(CompatibilityAtLeast);

    /// <summary>The rules in the file at <paramref name="path"/> (a leading <c>~</c> is the home folder); null gives <see cref="Defaults"/>.</summary>
    /// <exception cref="ComplianceRulesException">The file is missing, is not JSON, or a field is not allowed; the message names the file and the field.</exception>
    public static ComplianceRules Load(string? path) => path is null ? Defaults : ComplianceRulesFile.Read(path);
}
