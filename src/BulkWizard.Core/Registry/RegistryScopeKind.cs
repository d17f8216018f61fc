namespace BulkWizard.Core.Registry;

/// <summary>What a config or mode applies to.</summary>
public enum RegistryScopeKind
{
    /// <summary><c>/config</c> and <c>/mode</c>: the default context's registry-wide setting.</summary>
    Global,

    /// <summary><c>/config/:.ctx:</c>: a named context's own setting.</summary>
    Context,

    /// <summary><c>/config/{subject}</c>.</summary>
    Subject,
}
