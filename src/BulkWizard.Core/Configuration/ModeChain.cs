using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The modes above subjects, as the registry resolves a subject's mode (spec §8): the subject's own, then its context's
/// (<c>:.ctx:</c>, or <c>/mode</c> for the default context), then <c>:.__GLOBAL:</c>, then READWRITE. <see cref="With"/> gives
/// the chain after a change, so a plan can say what each scope's effective mode will be.
/// </summary>
/// <param name="AllContexts">The own mode of <c>:.__GLOBAL:</c>; null when unset.</param>
/// <param name="DefaultContext">What <c>/mode</c> answers: the registry always answers one.</param>
/// <param name="DefaultInherits">
/// Whether <c>/mode</c> may be inheriting <c>:.__GLOBAL:</c>: it answers what it would inherit, so it may be unset. Read
/// the cautious way: a change of <c>:.__GLOBAL:</c> is taken to reach the default context too.
/// </param>
/// <param name="Contexts">The own mode of each named context read; null when unset.</param>
internal sealed record ModeChain(string? AllContexts, string DefaultContext, bool DefaultInherits, IReadOnlyDictionary<string, string?> Contexts)
{
    private const string ReadWrite = "READWRITE";

    public static async Task<ModeChain> ReadAsync(IRegistryGateway gateway, IEnumerable<string> contexts, CancellationToken cancellationToken)
    {
        var all = (await gateway.GetModeAsync(ConfigurationScopes.AllContexts, cancellationToken))?.Name;
        var defaultMode = (await gateway.GetModeAsync(RegistryScope.Global, cancellationToken))?.Name ?? ReadWrite;
        var named = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var context in contexts.Where(c => c != QualifiedSubject.DefaultContext && c != ConfigurationScopes.AllContextsName).Distinct(StringComparer.Ordinal))
        {
            named[context] = (await gateway.GetModeAsync(RegistryScope.ForContext(context), cancellationToken))?.Name;
        }

        return new ModeChain(all, defaultMode, defaultMode == (all ?? ReadWrite), named);
    }

    /// <summary>READONLY (and the deprecated READONLY_OVERRIDE, which acts as it) and IMPORT refuse normal writes.</summary>
    public static bool Blocks(string? mode) => mode is "READONLY" or "READONLY_OVERRIDE" or "IMPORT";

    /// <summary>The scope's own mode (for the default context, what <c>/mode</c> answers).</summary>
    public string? OwnOf(RegistryScope scope) => scope.Kind switch
    {
        RegistryScopeKind.Global => DefaultContext,
        RegistryScopeKind.Context when scope.Context == ConfigurationScopes.AllContextsName => AllContexts,
        RegistryScopeKind.Context => Contexts.GetValueOrDefault(scope.Context!),
        _ => throw new ArgumentException("A subject's mode is not part of the chain above it.", nameof(scope)),
    };

    /// <summary>The chain once <paramref name="scope"/>'s own mode is <paramref name="mode"/> (null: cleared).</summary>
    public ModeChain With(RegistryScope scope, string? mode) => scope.Kind switch
    {
        RegistryScopeKind.Global => this with { DefaultContext = mode ?? AllContexts ?? ReadWrite, DefaultInherits = mode is null },
        RegistryScopeKind.Context when scope.Context == ConfigurationScopes.AllContextsName => this with { AllContexts = mode },
        RegistryScopeKind.Context => this with { Contexts = new Dictionary<string, string?>(Contexts, StringComparer.Ordinal) { [scope.Context!] = mode } },
        _ => throw new ArgumentException("A subject's mode is not part of the chain above it.", nameof(scope)),
    };

    /// <summary>The mode a subject without its own gets in <paramref name="context"/>.</summary>
    public string EffectiveIn(string context) =>
        context == QualifiedSubject.DefaultContext
            ? DefaultInherits ? AllContexts ?? ReadWrite : DefaultContext
            : Contexts.GetValueOrDefault(context) ?? AllContexts ?? ReadWrite;

    /// <summary>
    /// Whether a subject without its own mode is kept from writing in <paramref name="context"/>; for the default context
    /// true when either reading of <c>/mode</c> (its own answer, or inherited) blocks, so a plan is never called safe by guess.
    /// </summary>
    public bool BlocksIn(string context) =>
        Blocks(EffectiveIn(context)) || (context == QualifiedSubject.DefaultContext && Blocks(DefaultContext));

    /// <summary>The effective mode of a scope itself: a context's own or inherited one, <c>:.__GLOBAL:</c>'s own or READWRITE.</summary>
    public string EffectiveOf(RegistryScope scope) => scope.Kind switch
    {
        RegistryScopeKind.Global => EffectiveIn(QualifiedSubject.DefaultContext),
        RegistryScopeKind.Context when scope.Context == ConfigurationScopes.AllContextsName => AllContexts ?? ReadWrite,
        RegistryScopeKind.Context => EffectiveIn(scope.Context!),
        _ => throw new ArgumentException("A subject's mode is not part of the chain above it.", nameof(scope)),
    };

    /// <summary>Whether a scope itself ends up kept from writing; for the default context with both readings of <c>/mode</c>.</summary>
    public bool BlocksAt(RegistryScope scope) => scope.Kind == RegistryScopeKind.Global ? BlocksIn(QualifiedSubject.DefaultContext) : Blocks(EffectiveOf(scope));

    /// <summary>The contexts whose subjects take their mode from <paramref name="scope"/> when they have none of their own.</summary>
    public IEnumerable<string> ContextsReachedBy(RegistryScope scope, IEnumerable<string> contexts) => scope.Kind switch
    {
        RegistryScopeKind.Global => [QualifiedSubject.DefaultContext],
        RegistryScopeKind.Context when scope.Context == ConfigurationScopes.AllContextsName =>
            contexts.Where(c => c == QualifiedSubject.DefaultContext ? DefaultInherits : Contexts.GetValueOrDefault(c) is null),
        RegistryScopeKind.Context => [scope.Context!],
        _ => [],
    };
}
