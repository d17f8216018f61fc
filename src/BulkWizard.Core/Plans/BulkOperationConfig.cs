using System.ComponentModel.DataAnnotations;

namespace BulkWizard.Core.Plans;

/// <summary>
/// How a plan runs (the seed's <c>BulkOperationConfig</c>). <see cref="DryRun"/> is on by default: a dry
/// run changes nothing, ever. <see cref="Validate"/> names the first bad field and what is allowed.
/// </summary>
public sealed record BulkOperationConfig
{
    public bool DryRun { get; init; } = true;

    [Range(1, 1000)]
    public int BatchSize { get; init; } = 50;

    /// <summary>Seconds to wait between batches.</summary>
    [Range(0.0, 3600.0)]
    public double DelayBetweenBatches { get; init; }

    public bool CreateBackup { get; init; } = true;

    public bool RollbackOnError { get; init; } = true;

    /// <summary>Items of one batch run at most this many at a time.</summary>
    [Range(1, 64)]
    public int MaxParallel { get; init; } = 4;

    /// <summary>Run the first item alone and verify it before the rest.</summary>
    public bool Canary { get; init; } = true;

    /// <summary>The run stops once more than this share of the items processed so far (at least 5) has failed.</summary>
    [Range(0.0, 1.0)]
    public double ErrorRateThreshold { get; init; } = 0.2;

    /// <summary>In-process progress: (processed, total, message). Not serialized.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Action<int, int, string>? ProgressCallback { get; init; }

    /// <summary>The first problem, naming the field and the allowed range; null when valid.</summary>
    public string? Validate()
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            return null;
        }

        var first = results[0];
        var field = first.MemberNames.FirstOrDefault() ?? "config";
        var range = GetType().GetProperty(field)?.GetCustomAttributes(typeof(RangeAttribute), false).OfType<RangeAttribute>().FirstOrDefault();
        return range is null ? first.ErrorMessage : $"{SnakeCase(field)}: allowed {range.Minimum} to {range.Maximum}.";
    }

    private static string SnakeCase(string name) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
