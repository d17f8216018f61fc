using System.Globalization;

namespace BulkWizard.Core.Registry;

/// <summary>A version number, or <see cref="Latest"/> (the highest live version).</summary>
public readonly record struct VersionSelector
{
    private VersionSelector(int? number) => Number = number;

    /// <summary>The highest live version of the subject.</summary>
    public static VersionSelector Latest { get; } = new(null);

    /// <summary>The version number; null for <see cref="Latest"/>.</summary>
    public int? Number { get; }

    public bool IsLatest => Number is null;

    public static VersionSelector Of(int number) =>
        number > 0 ? new VersionSelector(number) : throw new ArgumentOutOfRangeException(nameof(number), number, "A version number is positive.");

    public static implicit operator VersionSelector(int number) => Of(number);

    /// <summary>The path segment the registry expects.</summary>
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? "latest";
}
