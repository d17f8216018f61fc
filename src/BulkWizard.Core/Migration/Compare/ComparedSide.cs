using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>
/// The selected versions of one side, read once with the paged <c>GET /schemas</c> of its context (1,000 a request)
/// and indexed by (subject, version), and by schema within each subject to find a schema under another version number.
/// </summary>
public sealed class ComparedSide
{
    private readonly Dictionary<(string Subject, int Version), SideVersion> _versions = [];
    private readonly Dictionary<(string Subject, string SchemaType, string Schema), List<SideVersion>> _bySchema = [];

    private ComparedSide(ComparedScope scope) => Scope = scope;

    public ComparedScope Scope { get; }

    /// <summary>How many versions were read (after the name filter).</summary>
    public int Count => _versions.Count;

    internal IEnumerable<SideVersion> Versions => _versions.Values;

    public static async Task<ComparedSide> ReadAsync(ComparedScope scope, ComparedNames names, bool includeDeleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(names);
        var side = new ComparedSide(scope);
        await foreach (var version in scope.Gateway.ListSchemasAsync(new SchemaQuery(scope.Prefix, IncludeDeleted: includeDeleted), cancellationToken))
        {
            // The prefix already selects the context; the check keeps a registry that reads prefixes loosely honest.
            if (version.Subject.Context == scope.Context && names.Contains(version.Subject.Name))
            {
                side.Add(SideVersion.Of(version));
            }
        }

        return side;
    }

    internal SideVersion? Find(string subject, int version) => _versions.GetValueOrDefault((subject, version));

    /// <summary>The versions of <paramref name="subject"/> holding the same schema text and type as <paramref name="other"/>, lowest first.</summary>
    internal IReadOnlyList<SideVersion> WithSchemaOf(string subject, SideVersion other) =>
        _bySchema.TryGetValue((subject, other.Registered.SchemaType, other.Registered.Schema), out var versions) ? versions : [];

    private void Add(SideVersion version)
    {
        _versions[(version.Subject, version.Version)] = version;
        var key = (version.Subject, version.Registered.SchemaType, version.Registered.Schema);
        (_bySchema.TryGetValue(key, out var list) ? list : _bySchema[key] = []).Add(version);
    }
}
