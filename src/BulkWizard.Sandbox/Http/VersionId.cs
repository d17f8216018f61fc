using System.Globalization;

namespace BulkWizard.Sandbox.Http;

/// <summary>A version in a path: 1…2³¹−1, or "latest" / −1 (the highest live version).</summary>
internal readonly record struct VersionId(int Number)
{
    public bool IsLatest => Number == -1;

    /// <exception cref="RegistryException">42202 for anything else.</exception>
    public static VersionId Parse(string text)
    {
        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return new VersionId(-1);
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            || (number <= 0 && number != -1))
        {
            throw RegistryErrors.InvalidVersion(text);
        }

        return new VersionId(number);
    }

    public override string ToString() => IsLatest ? "latest" : Number.ToString(CultureInfo.InvariantCulture);
}
