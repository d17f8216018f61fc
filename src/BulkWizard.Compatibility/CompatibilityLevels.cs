namespace BulkWizard.Compatibility;

/// <summary>Parsing and formatting of compatibility levels in the registry's spelling ("FULL_TRANSITIVE").</summary>
public static class CompatibilityLevels
{
    /// <summary>The level of a fresh registry (<c>schema.compatibility.level</c>).</summary>
    public const CompatibilityLevel ServerDefault = CompatibilityLevel.Backward;

    /// <summary>Case-insensitive, as the registry accepts it on input.</summary>
    public static bool TryParse(string? text, out CompatibilityLevel level)
    {
        switch (text?.ToUpperInvariant())
        {
            case "NONE": level = CompatibilityLevel.None; return true;
            case "BACKWARD": level = CompatibilityLevel.Backward; return true;
            case "BACKWARD_TRANSITIVE": level = CompatibilityLevel.BackwardTransitive; return true;
            case "FORWARD": level = CompatibilityLevel.Forward; return true;
            case "FORWARD_TRANSITIVE": level = CompatibilityLevel.ForwardTransitive; return true;
            case "FULL": level = CompatibilityLevel.Full; return true;
            case "FULL_TRANSITIVE": level = CompatibilityLevel.FullTransitive; return true;
            default: level = ServerDefault; return false;
        }
    }

    public static CompatibilityLevel Parse(string text) =>
        TryParse(text, out var level)
            ? level
            : throw new FormatException($"'{text}' is not a compatibility level.");

    /// <summary>The registry's spelling, e.g. <c>FULL_TRANSITIVE</c>.</summary>
    public static string Format(this CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.None => "NONE",
        CompatibilityLevel.Backward => "BACKWARD",
        CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityLevel.Forward => "FORWARD",
        CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityLevel.Full => "FULL",
        CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool IsTransitive(this CompatibilityLevel level) =>
        level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive
            or CompatibilityLevel.FullTransitive;

    /// <summary>New schema must read data written with the old ones.</summary>
    public static bool ChecksBackward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive
            or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;

    /// <summary>Old schemas must read data written with the new one.</summary>
    public static bool ChecksForward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive
            or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;
}
