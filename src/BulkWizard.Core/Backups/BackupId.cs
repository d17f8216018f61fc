using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Backup ids such as <c>bk_20261126T133000Z_1f3a9c0e</c>: the UTC creation time, so ids sort by age, and
/// 32 random bits, so two backups of the same second differ. Also safe as a folder name.
/// </summary>
internal static partial class BackupId
{
    public static string New(TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return $"bk_{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    }

    /// <summary>True for an id <see cref="New"/> could have made; anything else (a path, "..") is refused before touching the disk.</summary>
    public static bool IsValid(string? id) => id is not null && Shape().IsMatch(id);

    [GeneratedRegex("^bk_[0-9]{8}T[0-9]{6}Z_[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
