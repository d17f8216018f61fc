using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Backup ids such as <c>bk_20261126T133000Z_1f3a9c0e</c>: the UTC creation time, so ids sort by age, and
/// 32 random bits, so two backups of the same second differ. Also safe as a folder name. An archive (the backup of a
/// version archival, kept under <c>archives/</c>) has the same form with <c>ar_</c>.
/// </summary>
internal static partial class BackupId
{
    private const string ArchivePrefix = "ar_";

    public static string New(TimeProvider timeProvider, bool archive = false)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return $"{(archive ? ArchivePrefix : "bk_")}{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    }

    /// <summary>True for an id <see cref="New"/> could have made; anything else (a path, "..") is refused before touching the disk.</summary>
    public static bool IsValid(string? id) => id is not null && Shape().IsMatch(id);

    public static bool IsArchive(string id) => id.StartsWith(ArchivePrefix, StringComparison.Ordinal);

    /// <summary>The creation time written in a valid id (to the second).</summary>
    public static DateTimeOffset CreatedAt(string id) =>
        DateTimeOffset.ParseExact(id.AsSpan(3, 16), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex("^(bk|ar)_[0-9]{8}T[0-9]{6}Z_[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
