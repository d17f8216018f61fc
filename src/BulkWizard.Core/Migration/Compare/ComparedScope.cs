using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>One side of a comparison: a registry and the one context read from it.</summary>
public sealed record ComparedScope
{
    /// <param name="gateway">The registry.</param>
    /// <param name="context">The context as the registry accepts it (<c>:.ctx:</c>, <c>.ctx</c> or <c>ctx</c>); null, <c>""</c>, <c>.</c> or <c>:.:</c> is the default context.</param>
    /// <exception cref="ArgumentException">The context name holds a colon inside it.</exception>
    public ComparedScope(IRegistryGateway gateway, string? context)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        Gateway = gateway;
        Context = QualifiedSubject.ContextOnly(context ?? "").Context;
    }

    public IRegistryGateway Gateway { get; }

    /// <summary>The context as <see cref="QualifiedSubject.Context"/> writes it: <c>.</c> or <c>.ctx</c>.</summary>
    public string Context { get; }

    /// <summary>The <c>GET /schemas</c> prefix selecting exactly this context: the registry reads <c>""</c> as the default context only.</summary>
    internal string Prefix => Context == QualifiedSubject.DefaultContext ? "" : $":{Context}:";
}
