using BulkWizard.Compatibility;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>Runs the compatibility checker for a candidate against a subject's live versions under a level.</summary>
internal sealed class CompatibilityGate(RegistryCore core)
{
    public SchemaCompatibilityResult Check(
        SubjectState? subject, IReadOnlyList<SubjectVersion> against, SchemaDocument candidate, CompatibilityLevel level)
    {
        if (subject is null || against.Count == 0)
        {
            return level == CompatibilityLevel.None ? SchemaCompatibilityResult.NotChecked : SchemaCompatibilityResult.Compatible;
        }

        var existing = against
            .Select(v => core.State.SchemaOf(subject, v))
            .Select(s => new SchemaDocument(s.SchemaType, s.Schema, core.ReferenceTexts(subject, s)))
            .ToList();
        try
        {
            return SchemaCompatibilityChecker.Check(candidate, existing, level);
        }
        catch (InvalidSchemaException ex)
        {
            throw RegistryErrors.InvalidSchema($"Invalid schema {candidate.Schema}, details: {ex.Message}");
        }
    }

    /// <summary>The 409 answer: 40901 in 8.x, plain 409 in 7.6; the message ends with the level as the registry's does.</summary>
    public RegistryException Incompatible(string subject, SchemaCompatibilityResult result, CompatibilityLevel level)
    {
        var details = string.Join(", ", result.Messages.Append($"{{validateFields: 'false', compatibility: '{level.Format()}'}}"));
        var code = core.Profile == SandboxProfile.Platform76 ? 409 : 40901;
        return RegistryErrors.Incompatible(code,
            $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\", details: [{details}]");
    }
}
