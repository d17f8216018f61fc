using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// POST /subjects/{s}/versions, in the registry's order: fast path (before any mode check), mode
/// check, defaults/metadata merge, id reuse within the context, compatibility, version number,
/// IMPORT ids, and the tombstoning of same-id soft-deleted versions.
/// </summary>
internal sealed class Registration(RegistryCore core)
{
    private const string VersionProperty = "confluent:version";

    public (SubjectState Subject, SubjectVersion Version, StoredSchema Schema) Register(string subjectKey, RegisterRequest request, bool force)
    {
        var name = QualifiedSubject.Parse(subjectKey);
        SubjectNames.RequireValidForRegistration(name, subjectKey);
        var schemaType = SchemaTypes.OrDefault(request.SchemaType);
        if (!SchemaTypes.IsKnown(schemaType))
        {
            throw RegistryErrors.InvalidSchema($"Invalid schema type {schemaType}");
        }

        var state = core.State;
        var subject = state.Subject(subjectKey);
        var config = core.Scopes.EffectiveConfig(subjectKey);
        var ruleSet = core.KeepsRuleSets ? request.RuleSet : null;

        // 1. Fast path: an existing live version with this schema is returned whatever the mode.
        string? canonical = null;
        List<SchemaReference> references = [];
        List<string> referenceTexts = [];
        if (!string.IsNullOrEmpty(request.Schema))
        {
            (references, referenceTexts) = core.ResolveReferences(name, request.References);
            canonical = RegistryCore.Canonicalize(schemaType, request.Schema, referenceTexts);
            if (!HasDefaults(config) && subject is not null
                && FastPath(subject, request, schemaType, canonical, references, ruleSet) is { } existing)
            {
                return (subject, existing, state.SchemaOf(subject, existing));
            }
        }

        // 2. Mode.
        var mode = core.Scopes.EffectiveMode(subjectKey);
        if (RegistryModes.IsReadOnly(mode))
        {
            throw RegistryErrors.OperationNotPermitted($"Subject {subjectKey} is in read-only mode");
        }

        if (request.HasId && mode != RegistryModes.Import)
        {
            throw RegistryErrors.OperationNotPermitted($"Subject {subjectKey} is not in import mode");
        }

        if (!request.HasId && mode != RegistryModes.ReadWrite)
        {
            throw RegistryErrors.OperationNotPermitted($"Subject {subjectKey} is not in read-write mode");
        }

        var import = mode == RegistryModes.Import;
        var latest = subject?.LatestLive;
        JsonObject? metadata = request.Metadata;

        // 3. Outside IMPORT: an empty schema repeats the latest; metadata and rule set get defaults and overrides.
        if (!import)
        {
            if (canonical is null)
            {
                var previous = latest is null ? null : state.SchemaOf(subject!, latest);
                if (previous is null)
                {
                    throw RegistryErrors.InvalidSchema("Empty schema");
                }

                (schemaType, canonical, references) = (previous.SchemaType, previous.Schema, previous.References.ToList());
                referenceTexts = core.ReferenceTexts(subject!, previous).ToList();
            }

            var previousSchema = latest is null ? null : state.SchemaOf(subject!, latest);
            metadata = Store.Metadata.Merge(
                Store.Metadata.Merge(Member(config, ConfigFields.DefaultMetadata), request.MetadataGiven ? metadata : previousSchema?.Metadata),
                Member(config, ConfigFields.OverrideMetadata));
            if (core.KeepsRuleSets)
            {
                ruleSet = RuleSets.Merge(
                    RuleSets.Merge(Member(config, ConfigFields.DefaultRuleSet), ruleSet ?? previousSchema?.RuleSet),
                    Member(config, ConfigFields.OverrideRuleSet));
                RuleSets.Validate(ruleSet);
            }

            if (request.HasExplicitVersion)
            {
                metadata = Store.Metadata.WithProperty(metadata, VersionProperty,
                    request.Version!.Value.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (canonical is null)
        {
            throw RegistryErrors.InvalidSchema("Empty schema");
        }

        var identity = SchemaIdentities.Of(canonical, references, metadata, ruleSet);
        var context = state.Context(name.Context);

        // 4. The same schema already has an id in this context: reuse it.
        int? schemaId = null;
        if (context.IdByIdentity.TryGetValue(identity, out var knownId) && (!request.HasId || request.Id == knownId))
        {
            if (subject?.Live.FirstOrDefault(v => v.SchemaId == knownId) is { } sameLive)
            {
                return (subject, sameLive, state.SchemaOf(subject, sameLive));
            }

            schemaId = knownId;
        }

        // 5. Compatibility against the live versions, except in IMPORT or with force.
        if (!import && !force && subject is not null)
        {
            var level = CompatibilityLevels.Parse(config[ConfigFields.CompatibilityLevel]!.GetValue<string>());
            var live = subject.Live.ToList();
            var result = new CompatibilityGate(core).Check(subject, live, new SchemaDocument(schemaType, canonical, referenceTexts), level);
            if (!result.IsCompatible)
            {
                throw new CompatibilityGate(core).Incompatible(subjectKey, result, level);
            }
        }

        // 6. Version: the next one, or exactly the one asked for (anything in IMPORT).
        var next = subject?.NextVersion ?? 1;
        var version = next;
        if (request.HasExplicitVersion)
        {
            if (!import && request.Version != next)
            {
                throw RegistryErrors.InvalidSchema($"Version {request.Version} is not one more than the latest version {next - 1}");
            }

            version = request.Version!.Value;
        }

        // 7. Id: the imported one (never overwriting a different schema), the reused one, or the next of the context.
        if (import)
        {
            var importId = request.Id!.Value;
            if (context.SchemasById.TryGetValue(importId, out var holder) && holder.Identity != identity)
            {
                throw RegistryErrors.OperationNotPermitted($"Overwrite new schema with id {importId} is not permitted.");
            }

            schemaId = importId;
        }

        var id = schemaId ?? context.MaxId + 1;
        subject ??= new SubjectState(name);
        if (import && subject.Versions.ContainsKey(version))
        {
            state.RemoveVersion(subject, version, keepEmptySubject: true);
        }

        if (!context.SchemasById.TryGetValue(id, out var stored))
        {
            stored = new StoredSchema(id, name.Context, schemaType, canonical, references, metadata, ruleSet, identity);
            context.SchemasById[id] = stored;
            context.IdByIdentity.TryAdd(identity, id);
        }

        context.MaxId = Math.Max(context.MaxId, id);
        context.Listed = true;
        var added = new SubjectVersion(version, id, core.Now);
        state.AddVersion(subject, added, stored);

        // 8. Soft-deleted versions of this subject with the same id and a lower version are tombstoned.
        foreach (var old in subject.Versions.Values.Where(v => v.Deleted && v.SchemaId == id && v.Version < version).ToList())
        {
            if (state.ReferrersOf(new SubjectVersionKey(subject.Key, old.Version)).Count == 0)
            {
                state.RemoveVersion(subject, old.Version);
            }
        }

        return (subject, added, stored);
    }

    private SubjectVersion? FastPath(
        SubjectState subject, RegisterRequest request, string schemaType, string canonical,
        IReadOnlyList<SchemaReference> references, JsonObject? ruleSet)
    {
        IEnumerable<SubjectVersion> candidates = request.Version switch
        {
            -1 => subject.LatestLive is { } latest ? [latest] : [],
            > 0 => subject.Versions.GetValueOrDefault(request.Version.Value) is { Deleted: false } exact ? [exact] : [],
            _ => subject.Live,
        };
        foreach (var version in candidates)
        {
            var schema = core.State.SchemaOf(subject, version);
            if (schema.SchemaType == schemaType && schema.Schema == canonical
                && schema.References.SequenceEqual(references)
                && (!request.MetadataGiven || SameMetadata(request.Metadata, schema.Metadata))
                && (ruleSet is null || JsonNode.DeepEquals(ruleSet, schema.RuleSet))
                && (!request.HasId || request.Id == schema.Id))
            {
                return version;
            }
        }

        return null;
    }

    private static bool SameMetadata(JsonObject? requested, JsonObject? stored)
    {
        if (JsonNode.DeepEquals(requested, stored))
        {
            return true;
        }

        var withoutVersion = stored?.DeepClone() as JsonObject;
        (withoutVersion?["properties"] as JsonObject)?.Remove(VersionProperty);
        return JsonNode.DeepEquals(requested, Store.Metadata.Normalize(withoutVersion));
    }

    private bool HasDefaults(JsonObject config) =>
        config[ConfigFields.DefaultMetadata] is not null || config[ConfigFields.OverrideMetadata] is not null
        || (core.KeepsRuleSets && (config[ConfigFields.DefaultRuleSet] is not null || config[ConfigFields.OverrideRuleSet] is not null));

    private static JsonObject? Member(JsonObject config, string field) => config[field] as JsonObject;
}
