using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Migration;

/// <summary>The registries a migration names, each refusal naming the field at fault.</summary>
public static class MigrationRegistries
{
    /// <summary>The configured registry <paramref name="name"/> names (null: the default); a name matching none is refused, listing the configured ones.</summary>
    /// <exception cref="WizardInputException">No registry has that name.</exception>
    public static IRegistryGateway Configured(IRegistryGatewayProvider registries, string field, string? name)
    {
        ArgumentNullException.ThrowIfNull(registries);
        try
        {
            return registries.Get(name);
        }
        catch (RegistryNotConfiguredException e)
        {
            throw new WizardInputException($"{field}: {e.Message}");
        }
    }

    /// <summary>
    /// A context migration's target is its source registry, and an archive's is the data directory: a
    /// <c>target_registry</c> naming another registry is refused rather than ignored, since nothing would go there.
    /// </summary>
    /// <exception cref="WizardInputException">A registry migration's target was given to a context migration or an archive.</exception>
    internal static void EnsureSameRegistry(IRegistryGatewayProvider registries, string source, string? targetRegistry, string migrationType)
    {
        if (targetRegistry is null)
        {
            return;
        }

        var target = Configured(registries, MigrationKeys.TargetRegistry, targetRegistry).Registry.Name;
        if (!string.Equals(target, source, StringComparison.OrdinalIgnoreCase))
        {
            throw new WizardInputException(
                $"target_registry: '{target}' is not the source registry '{source}'; " +
                (migrationType == MigrationKeys.Archive
                    ? "an archive keeps the versions in the data directory and removes them from the source registry"
                    : "a context migration stays in one registry") +
                ": use migration_type 'registry' to copy to another.");
        }
    }
}
