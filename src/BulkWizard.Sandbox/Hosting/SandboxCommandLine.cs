namespace BulkWizard.Sandbox.Hosting;

/// <summary>
/// Arguments of the standalone Sandbox: <c>--urls URL [--empty] [--community] [--profile 8|7.6]
/// [--data-file PATH] [--delay-ms N] [--request-counts] [--faults-endpoint]</c>.
/// </summary>
internal static class SandboxCommandLine
{
    public const string Usage =
        "usage: BulkWizard.Sandbox [--urls http://127.0.0.1:8081] [--empty] [--community] [--profile 8|7.6] [--data-file path] [--delay-ms N] [--request-counts] [--faults-endpoint]";

    public static bool TryParse(IReadOnlyList<string> args, out SandboxOptions options, out string error)
    {
        options = new SandboxOptions { Urls = "http://127.0.0.1:8081" };
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--urls" when Next() is { } urls:
                    options = options with { Urls = urls };
                    break;
                case "--empty":
                    options = options with { SeedDemoData = false };
                    break;
                case "--community":
                    options = options with { Profile = SandboxProfile.Community };
                    break;
                case "--profile" when Next() is { } profile && ParseProfile(profile) is { } parsed:
                    options = options with { Profile = parsed };
                    break;
                case "--data-file" when Next() is { } path:
                    options = options with { DataFile = path };
                    break;
                case "--delay-ms" when int.TryParse(Next(), System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0:
                    options = options with { ResponseDelay = TimeSpan.FromMilliseconds(ms) };
                    break;
                case "--request-counts":
                    options = options with { ServeRequestCounts = true };
                    break;
                case "--faults-endpoint":
                    options = options with { ServeFaults = true };
                    break;
                default:
                    error = $"Unknown or incomplete argument '{args[i]}'. {Usage}";
                    return false;
            }
        }

        return true;
    }

    private static SandboxProfile? ParseProfile(string text) => text.ToUpperInvariant() switch
    {
        "8" or "8.X" or "8.1" or "PLATFORM8" => SandboxProfile.Platform8,
        "7.6" or "PLATFORM76" => SandboxProfile.Platform76,
        "COMMUNITY" => SandboxProfile.Community,
        _ => null,
    };
}
