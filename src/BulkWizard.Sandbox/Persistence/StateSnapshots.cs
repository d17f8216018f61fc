using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Persistence;

/// <summary>Converts the live state to a snapshot and back, rebuilding identities and reference indexes.</summary>
internal static class StateSnapshots
{
    public static StateSnapshot Capture(RegistryState state) => new(
        state.Contexts.Values.Select(c => new ContextSnapshot(c.Name, c.MaxId, c.Listed)).ToList(),
        state.Contexts.Values
            .SelectMany(c => c.SchemasById.Values.OrderBy(s => s.Id))
            .Select(s => new SchemaSnapshot(s.Context, s.Id, s.SchemaType, s.Schema, s.References.ToList(),
                (JsonObject?)s.Metadata?.DeepClone(), (JsonObject?)s.RuleSet?.DeepClone()))
            .ToList(),
        state.Subjects.Values
            .Select(s => new SubjectSnapshot(s.Key,
                s.Versions.Values.Select(v => new VersionSnapshot(v.Version, v.SchemaId, v.Deleted, v.Timestamp)).ToList()))
            .ToList(),
        state.Configs.ToDictionary(c => c.Key, c => (JsonObject)c.Value.DeepClone(), StringComparer.Ordinal),
        new Dictionary<string, string>(state.Modes, StringComparer.Ordinal));

    public static RegistryState Restore(StateSnapshot snapshot)
    {
        var state = new RegistryState();
        foreach (var c in snapshot.Contexts)
        {
            var context = state.Context(c.Name);
            context.MaxId = c.MaxId;
            context.Listed = c.Listed || c.Name == QualifiedSubject.DefaultContext;
        }

        foreach (var s in snapshot.Schemas)
        {
            var identity = SchemaIdentities.Of(s.Schema, s.References, s.Metadata, s.RuleSet);
            var context = state.Context(s.Context);
            context.SchemasById[s.Id] = new StoredSchema(s.Id, s.Context, s.SchemaType, s.Schema, s.References, s.Metadata, s.RuleSet, identity);
            context.IdByIdentity.TryAdd(identity, s.Id);
            context.MaxId = Math.Max(context.MaxId, s.Id);
        }

        foreach (var subject in snapshot.Subjects)
        {
            var subjectState = new SubjectState(QualifiedSubject.Parse(subject.Subject));
            var context = state.Context(subjectState.Name.Context);
            foreach (var v in subject.Versions)
            {
                state.AddVersion(subjectState, new SubjectVersion(v.Version, v.Id, v.Timestamp) { Deleted = v.Deleted }, context.SchemasById[v.Id]);
            }
        }

        foreach (var (key, config) in snapshot.Configs)
        {
            state.Configs[key] = config;
        }

        foreach (var (key, mode) in snapshot.Modes)
        {
            state.Modes[key] = mode;
        }

        return state;
    }
}
