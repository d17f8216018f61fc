using System.Collections;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Configuration;

/// <summary>
/// Builds the validated <see cref="BulkWizardOptions"/> from .NET configuration and the legacy
/// <c>SCHEMA_REGISTRY_*</c> variables. Both forms may be used together; names must stay unique.
/// </summary>
public static class ServerSettingsLoader
{
    public static BulkWizardOptions Load(IConfiguration configuration, IDictionary environment, Func<string, bool>? fileExists = null)
    {
        var options = Bind(configuration.GetSection(BulkWizardOptions.SectionName));
        var (legacy, viewOnly) = LegacyEnvironmentSettings.Read(environment);
        options.Registries.AddRange(legacy);
        options.ViewOnly |= viewOnly;
        RegistrySettingsValidator.Validate(options.Registries, fileExists ?? File.Exists);
        LoggingSettingsValidator.Validate(options.Logging);
        ImpactSettingsValidator.Validate(options.Impact);
        BackupSettingsValidator.Validate(options);
        TelemetrySettingsValidator.Validate(options.Telemetry, environment);
        if (options.Safety.PlanLifetimeMinutes is < 1 or > 1440)
        {
            throw new ConfigurationException($"BulkWizard:Safety:PlanLifetimeMinutes={options.Safety.PlanLifetimeMinutes} is out of range: allowed 1 to 1440.");
        }

        if (options.Safety.RegistryLeaseSeconds is not 0 and (< 30 or > 3600))
        {
            throw new ConfigurationException($"BulkWizard:Safety:RegistryLeaseSeconds={options.Safety.RegistryLeaseSeconds} is out of range: allowed 0 (no lease) or 30 to 3600.");
        }

        return options;
    }

    /// <summary>True when the user configured any registry, in either form, valid or not.</summary>
    public static bool AnyRegistryConfigured(IConfiguration configuration, IDictionary environment) =>
        configuration.GetSection($"{BulkWizardOptions.SectionName}:Registries").GetChildren().Any()
        || LegacyEnvironmentSettings.AnyPresent(environment);

    private static BulkWizardOptions Bind(IConfigurationSection section)
    {
        var options = new BulkWizardOptions();
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the unknown key and the type; keep its first line, prefixed with our section.
            var first = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new ConfigurationException($"{BulkWizardOptions.SectionName}: {first}");
        }

        return options;
    }
}
