namespace BulkWizard.Sandbox.Store;

/// <summary>
/// Which subjects point at which, as <c>GET /schemas?aliases=true</c> finds them: the subject configs with an
/// <c>alias</c> whose own name matches the prefix (the targets need not), each target qualified with its
/// alias's context, a target's aliases in config-name order.
/// </summary>
internal static class SubjectAliases
{
    public static Dictionary<string, List<string>> ByTarget(RegistryCore core, SubjectPrefix filter) =>
        core.State.Configs.Keys
            .Where(key => key.Length > 0 && filter.Matches(QualifiedSubject.Parse(key)))
            .Order(StringComparer.Ordinal)
            .Select(key => (Alias: key, Target: core.Scopes.AliasTarget(key)))
            .Where(pair => pair.Target is not null)
            .GroupBy(pair => pair.Target!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Alias).ToList(), StringComparer.Ordinal);
}
