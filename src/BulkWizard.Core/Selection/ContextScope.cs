namespace BulkWizard.Core.Selection;

/// <summary>Where a pattern term looks: one context (the default one when unqualified) or every context (<c>:*:</c>).</summary>
internal sealed record ContextScope(string? Context)
{
    public static ContextScope Default { get; } = new(".");

    public static ContextScope Every { get; } = new((string?)null);

    public bool IsEvery => Context is null;

    public bool Contains(string context) => Context is null || Context == context;

    public override string ToString() => Context switch
    {
        null => ":*:",
        "." => "",
        _ => $":{Context}:",
    };
}
