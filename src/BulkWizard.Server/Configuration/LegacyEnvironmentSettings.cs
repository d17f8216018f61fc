using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using BulkWizard.Core.Registry;

namespace BulkWizard.Server.Configuration;

/// <summary>
/// Reads the environment variables that users of the Python Schema Registry MCP server already have
/// in their client configs: <c>SCHEMA_REGISTRY_URL</c>, <c>_USER</c>, <c>_PASSWORD</c>, <c>_NAME</c>,
/// <c>VIEWONLY</c> (alias <c>READONLY</c>), and the numbered forms <c>SCHEMA_REGISTRY_URL_1</c> … <c>_8</c>.
/// </summary>
public static partial class LegacyEnvironmentSettings
{
    public const int MaxNumbered = 8;
    public const string SingleRegistryName = "default";

    private static readonly string[] Fields = ["URL", "USER", "PASSWORD", "NAME"];

    /// <summary>The registries the variables describe, and whether <c>VIEWONLY</c>/<c>READONLY</c> asks for a read-only server.</summary>
    public static (List<RegistryOptions> Registries, bool ViewOnly) Read(IDictionary environment)
    {
        var variables = environment.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "", StringComparer.Ordinal);
        RejectUnknown(variables);

        var registries = new List<RegistryOptions>();
        var single = ReadOne(variables, suffix: "");
        if (single is not null)
        {
            registries.Add(single);
        }

        for (var i = 1; i <= MaxNumbered; i++)
        {
            var numbered = ReadOne(variables, suffix: "_" + i.ToString(CultureInfo.InvariantCulture));
            if (numbered is not null)
            {
                registries.Add(numbered);
            }
        }

        var viewOnly = ReadBool(variables, "VIEWONLY") | ReadBool(variables, "READONLY");
        return (registries, viewOnly);
    }

    /// <summary>True when any variable of this form is set, valid or not.</summary>
    public static bool AnyPresent(IDictionary environment) =>
        environment.Keys.Cast<string>().Any(k => k.StartsWith("SCHEMA_REGISTRY_", StringComparison.Ordinal)
            || ViewOnlyNumbered().IsMatch(k));

    private static RegistryOptions? ReadOne(Dictionary<string, string> variables, string suffix)
    {
        string? Get(string field) =>
            variables.TryGetValue($"SCHEMA_REGISTRY_{field}{suffix}", out var value) && value.Length > 0 ? value : null;

        var url = Get("URL");
        var viewOnlyName = suffix.Length == 0 ? null : "VIEWONLY" + suffix;
        var readOnlyName = suffix.Length == 0 ? null : "READONLY" + suffix;
        var others = Fields.Where(f => f != "URL" && Get(f) is not null).Select(f => $"SCHEMA_REGISTRY_{f}{suffix}")
            .Concat(new[] { viewOnlyName, readOnlyName }.Where(n => n is not null && variables.ContainsKey(n)).Select(n => n!))
            .ToList();
        if (url is null)
        {
            return others.Count == 0
                ? null
                : throw new ConfigurationException($"{others[0]} is set but SCHEMA_REGISTRY_URL{suffix} is not: every numbered registry needs its URL.");
        }

        return new RegistryOptions
        {
            Name = Get("NAME") ?? (suffix.Length == 0 ? SingleRegistryName : "registry" + suffix),
            Url = url,
            Username = Get("USER"),
            Password = Get("PASSWORD"),
            ReadOnly = viewOnlyName is not null && (ReadBool(variables, viewOnlyName) | ReadBool(variables, readOnlyName!)),
        };
    }

    private static bool ReadBool(Dictionary<string, string> variables, string name)
    {
        if (!variables.TryGetValue(name, out var raw) || raw.Length == 0)
        {
            return false;
        }

        return raw.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" or "ON" => true,
            "FALSE" or "0" or "NO" or "OFF" => false,
            _ => throw new ConfigurationException($"{name}='{raw}' is not a boolean: use true or false."),
        };
    }

    private static void RejectUnknown(Dictionary<string, string> variables)
    {
        foreach (var name in variables.Keys.Where(k => k.StartsWith("SCHEMA_REGISTRY_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (!KnownRegistryVariable().IsMatch(name))
            {
                throw new ConfigurationException(
                    $"Unknown setting {name}: expected SCHEMA_REGISTRY_URL, _USER, _PASSWORD or _NAME, optionally numbered _1 to _{MaxNumbered}.");
            }
        }

        foreach (var name in variables.Keys.Where(k => ViewOnlyNumbered().IsMatch(k)))
        {
            if (!KnownViewOnlyVariable().IsMatch(name))
            {
                throw new ConfigurationException($"Unknown setting {name}: numbered VIEWONLY/READONLY go from _1 to _{MaxNumbered}.");
            }
        }
    }

    [GeneratedRegex("^SCHEMA_REGISTRY_(URL|USER|PASSWORD|NAME)(_[1-8])?$")]
    private static partial Regex KnownRegistryVariable();

    [GeneratedRegex("^(VIEWONLY|READONLY)_[0-9]+$")]
    private static partial Regex ViewOnlyNumbered();

    [GeneratedRegex("^(VIEWONLY|READONLY)_[1-8]$")]
    private static partial Regex KnownViewOnlyVariable();
}
