using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>GET /contexts ("." first, then sorted) and DELETE /contexts/{ctx} (refused while any version, even soft-deleted, remains).</summary>
internal sealed class ContextCommands(RegistryCore core)
{
    public List<string> List(string? prefix, int offset, int limit)
    {
        var names = core.State.Contexts.Values
            .Where(c => c.Listed || c.Name == QualifiedSubject.DefaultContext)
            .Select(c => c.Name)
            .OrderBy(n => n == QualifiedSubject.DefaultContext ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Where(n => string.IsNullOrEmpty(prefix) || n.StartsWith(prefix, StringComparison.Ordinal));
        return Paging.Apply(names, offset, limit);
    }

    public void Delete(string contextText)
    {
        var context = ContextName.TryNormalize(contextText) ?? throw RegistryErrors.BadRequest($"Invalid context: {contextText}");
        if (core.State.SubjectsIn(context).Any(s => s.Versions.Count > 0))
        {
            throw RegistryErrors.ContextNotEmpty(context);
        }

        if (context != QualifiedSubject.DefaultContext && core.State.Contexts.TryGetValue(context, out var state))
        {
            state.Listed = false;
        }
    }
}
