using BulkWizard.Compatibility;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// The state seen by one request under the store's lock, with the profile it answers as, the clock,
/// and the lookups that several operations share.
/// </summary>
internal sealed class RegistryCore(RegistryState state, SandboxProfile profile, TimeProvider clock)
{
    public RegistryState State { get; } = state;

    public SandboxProfile Profile { get; } = profile;

    public ScopeResolver Scopes { get; } = new(state);

    public long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public bool KeepsRuleSets => Profile != SandboxProfile.Community;

    /// <summary>Before 7.7.4 / 7.8.3 / 7.9.2 / 8.0.0, <c>PUT /config</c> echoes the request body instead of the stored config.</summary>
    public bool EchoesConfigWrites => Profile == SandboxProfile.Platform76;

    /// <summary><c>GET /schemas?aliases=true</c> came with 7.6.2 and 7.7.0; 7.6.1 ignores the parameter.</summary>
    public bool ListsAliases => Profile != SandboxProfile.Platform76;

    /// <summary>The subject, or 40401 when it has no live version (no version at all when <paramref name="includeDeleted"/>).</summary>
    public SubjectState RequireSubject(string subject, bool includeDeleted)
    {
        var found = State.Subject(subject);
        return found is not null && (includeDeleted ? found.Versions.Count > 0 : found.HasLive)
            ? found
            : throw RegistryErrors.SubjectNotFound(subject);
    }

    /// <summary>A version by number, or the highest live one for "latest"; 40402 when there is none.</summary>
    public static SubjectVersion RequireVersion(SubjectState subject, VersionId version, bool includeDeleted)
    {
        var found = version.IsLatest ? subject.LatestLive : subject.Versions.GetValueOrDefault(version.Number);
        return found is not null && (includeDeleted || !found.Deleted)
            ? found
            : throw RegistryErrors.VersionNotFound(version.ToString());
    }

    /// <summary>
    /// Resolves references as the schema's subject sees them (unqualified names in its context,
    /// "latest"/-1 to the highest live version) and returns them with the referenced schema texts,
    /// dependencies first. A missing reference makes the schema invalid (42201).
    /// </summary>
    public (List<SchemaReference> References, List<string> Texts) ResolveReferences(
        QualifiedSubject owner, IReadOnlyList<SchemaReference> references)
    {
        var resolved = new List<SchemaReference>();
        var texts = new List<string>();
        var visited = new HashSet<StoredSchema>();
        foreach (var reference in references)
        {
            var subject = State.Subject(owner.Qualify(reference.Subject));
            var version = subject is null ? null
                : reference.Version == -1 ? subject.LatestLive
                : subject.Versions.GetValueOrDefault(reference.Version);
            if (subject is null || version is null)
            {
                throw RegistryErrors.InvalidSchema(
                    $"Invalid schema: reference '{reference.Name}' to subject '{reference.Subject}' version {reference.Version} not found");
            }

            resolved.Add(reference with { Version = version.Version });
            CollectTexts(subject, State.SchemaOf(subject, version), texts, visited);
        }

        return (resolved, texts);
    }

    public IReadOnlyList<string> ReferenceTexts(SubjectState subject, StoredSchema schema)
    {
        var texts = new List<string>();
        foreach (var reference in schema.References)
        {
            var target = State.Subject(subject.Name.Qualify(reference.Subject));
            if (target?.Versions.GetValueOrDefault(reference.Version) is { } version)
            {
                CollectTexts(target, State.SchemaOf(target, version), texts, []);
            }
        }

        return texts;
    }

    /// <summary>Canonical text, or 42201 with the parser's reason.</summary>
    public static string Canonicalize(string schemaType, string schema, IReadOnlyList<string> referenceTexts)
    {
        try
        {
            return SchemaCanonicalizer.Canonicalize(schemaType, schema, referenceTexts);
        }
        catch (InvalidSchemaException ex)
        {
            throw RegistryErrors.InvalidSchema($"Invalid schema {schema}, details: {ex.Message}");
        }
    }

    private void CollectTexts(SubjectState subject, StoredSchema schema, List<string> texts, HashSet<StoredSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var reference in schema.References)
        {
            var target = State.Subject(subject.Name.Qualify(reference.Subject));
            if (target?.Versions.GetValueOrDefault(reference.Version) is { } version)
            {
                CollectTexts(target, State.SchemaOf(target, version), texts, visited);
            }
        }

        texts.Add(schema.Schema);
    }
}
