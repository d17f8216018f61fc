using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// Plans one <see cref="MetadataVersionChange"/> per subject whose latest version does not yet carry the edit. The
/// metadata a registration stores is computed as the registry does (the sent metadata merged under the config's
/// <c>defaultMetadata</c> and <c>overrideMetadata</c>), so keys those set are reported as not removable, and the
/// change expects exactly what the registry will store.
/// </summary>
internal sealed class MetadataVersionPlanning(IRegistryGateway gateway)
{
    public async Task<MetadataPlanParts> PlanAsync(
        SelectedSubjects selection, MetadataEdit edit, IReadOnlyList<SubjectMetadataState> states, CancellationToken cancellationToken)
    {
        var outcomes = new (PlannedChange? Change, SkippedSubject? Skip, string? Warning)[states.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, states.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SubjectSettingsReader.MaxParallel, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await PlanSubjectAsync(selection.Display(states[i].Subject), edit, states[i], token));

        var changes = outcomes.Where(o => o.Change is not null).Select(o => o.Change!).ToList();
        var warnings = new List<string>();
        if (changes.Count > 0)
        {
            // outcomes[i] is states[i]'s: a change comes with the latest version it was planned from.
            warnings.Add(NewVersionsText(outcomes.Select((o, i) => (o.Change as MetadataVersionChange, states[i].Latest)), changes.Count));
        }

        warnings.AddRange(outcomes.Where(o => o.Warning is not null).Select(o => o.Warning!));
        return new MetadataPlanParts(changes, [.. outcomes.Where(o => o.Skip is not null).Select(o => o.Skip!)], warnings);
    }

    private async Task<(PlannedChange?, SkippedSubject?, string?)> PlanSubjectAsync(
        string name, MetadataEdit edit, SubjectMetadataState state, CancellationToken cancellationToken)
    {
        if (state.Latest is not { } latest)
        {
            return (null, new SkippedSubject(name, "no live version"), null);
        }

        if (state.Settings.BlocksWrites)
        {
            return (null, new SkippedSubject(name, $"mode {state.Settings.EffectiveMode} ({state.Settings.ModeSource})"), null);
        }

        var current = RegistryMetadata.Normalize(latest.Metadata);
        var sent = edit.ApplyTo(current);
        if (edit.Defeated(sent, current, MetadataDefaults.None).Count == 0)
        {
            return (null, new SkippedSubject(name, "metadata already as asked"), null);
        }

        var expected = RegistryMetadata.Registered(sent, state.Defaults);
        var defeated = edit.Defeated(sent, expected, state.Defaults);
        if (JsonNode.DeepEquals(expected, current))
        {
            return (null, new SkippedSubject(name, "nothing the registry would keep: " + string.Join("; ", defeated)), null);
        }

        // Metadata is part of identity: a version already holding this schema with this metadata is answered instead of a new one.
        // An empty object, not null, when no metadata is left: a lookup without metadata would match any version of the schema.
        var request = new RegisterSchemaRequest(latest.Schema, latest.SchemaType, latest.References, expected ?? []);
        if (await gateway.LookupAsync(state.Subject, request, includeDeleted: true, cancellationToken) is { } existing && existing.Version != latest.Version)
        {
            return (null, new SkippedSubject(name, existing.Deleted == true
                ? $"soft-deleted version {existing.Version} (id {existing.Id}) already holds this schema with this metadata: registering would reuse its id " +
                    "and the registry would then remove that version for good; restore or permanently delete it first"
                : $"version {existing.Version} (id {existing.Id}) already holds this schema with this metadata: the registry would answer with it instead of a new version"), null);
        }

        var change = new MetadataVersionChange(state.Subject.ToString(), latest.Version, latest.Id, current, state.NextVersion, sent, expected);
        var notes = new List<string>();
        if (defeated.Count > 0)
        {
            notes.Add("kept by its config: " + string.Join("; ", defeated));
        }

        if (Unasked(edit, sent, expected, current) is { Count: > 0 } extra)
        {
            notes.Add($"also gets {string.Join(", ", extra)} from the {state.Defaults.Source}");
        }

        return (change, null, notes.Count == 0 ? null : $"{name}: {string.Join("; ", notes)}.");
    }

    /// <summary>Properties the new version gets from the config although the edit does not touch them (defaults set after the latest version).</summary>
    private static List<string> Unasked(MetadataEdit edit, JsonObject? sent, JsonObject? expected, JsonObject? current)
    {
        var touched = edit.SetProperties.Keys.Concat(edit.RemoveProperties).ToHashSet(StringComparer.Ordinal);
        var keys = (expected?[RegistryMetadata.Properties] as JsonObject ?? []).Select(p => p.Key).Where(k => !touched.Contains(k));
        return [.. keys
            .Where(k => RegistryMetadata.Property(expected, k) != RegistryMetadata.Property(current, k) && RegistryMetadata.Property(expected, k) != RegistryMetadata.Property(sent, k))
            .Select(k => $"{k}={RegistryMetadata.Property(expected, k)}")];
    }

    private static string NewVersionsText(IEnumerable<(MetadataVersionChange? Change, SchemaVersion? Latest)> planned, int count)
    {
        // Subjects of one context whose new version has the same schema and metadata share one new id.
        var ids = planned
            .Where(p => p.Change is not null)
            .Select(p => (p.Change!.Target.Context, p.Latest!.SchemaType, p.Latest.Schema,
                References: string.Join("|", p.Latest.References.Select(r => $"{r.Name}:{r.Subject}:{r.Version}")),
                Metadata: p.Change.ExpectedMetadata?.ToJsonString()))
            .Distinct()
            .Count();
        var shared = ids < count ? " (subjects with the same schema and metadata in a context share one)" : "";
        return $"Creates {count} new version(s) and {ids} new schema id(s){shared}; producers using the latest version pick them up. " +
            "Existing versions keep their metadata and ids.";
    }
}
