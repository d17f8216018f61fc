using System.Globalization;
using BulkWizard.Core.Operations;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// How the plan will run, from the command line under the planning tools' parameter names (<c>--batch_size 1
/// --delay_between_batches 0.5 --max_parallel 1 --canary false …</c>), with their defaults; checked by
/// <see cref="RunSettings.Validate"/>. A value that is not of its kind is refused naming the setting.
/// </summary>
internal static class TerminalRunSettings
{
    public static readonly string[] Names = ["batch_size", "delay_between_batches", "create_backup", "rollback_on_error", "max_parallel", "canary"];

    /// <exception cref="FormatException">A setting's value is not of its kind; the message names it.</exception>
    public static RunSettings Read(IConfiguration configuration)
    {
        var defaults = new RunSettings();
        return new RunSettings
        {
            BatchSize = Whole(configuration, "batch_size", defaults.BatchSize),
            DelayBetweenBatches = Number(configuration, "delay_between_batches", defaults.DelayBetweenBatches),
            CreateBackup = Flag(configuration, "create_backup", defaults.CreateBackup),
            RollbackOnError = Flag(configuration, "rollback_on_error", defaults.RollbackOnError),
            MaxParallel = Whole(configuration, "max_parallel", defaults.MaxParallel),
            Canary = Flag(configuration, "canary", defaults.Canary),
        };
    }

    private static int Whole(IConfiguration configuration, string name, int fallback) =>
        configuration[name] is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"{name}: '{text}' is not a whole number.");

    private static double Number(IConfiguration configuration, string name, double fallback) =>
        configuration[name] is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new FormatException($"{name}: '{text}' is not a number.");

    private static bool Flag(IConfiguration configuration, string name, bool fallback) =>
        configuration[name] is not { } text ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw new FormatException($"{name}: '{text}' is not allowed: use true or false.");
}
