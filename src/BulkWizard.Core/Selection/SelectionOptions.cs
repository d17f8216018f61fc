namespace BulkWizard.Core.Selection;

/// <summary>What the named selectors "test" and "deprecated" mean (section <c>BulkWizard:Selection</c>).</summary>
public sealed class SelectionOptions
{
    public List<string> TestPrefixes { get; set; } = ["test-"];

    public List<string> DeprecatedPrefixes { get; set; } = ["deprecated-"];

    /// <summary>The metadata property that marks a schema deprecated when its latest version has it set to <c>true</c>.</summary>
    public string DeprecatedProperty { get; set; } = "deprecated";

    /// <summary>Up to this many subjects, individual selection is a multi-select; above, a typed list.</summary>
    public int MultiSelectLimit { get; set; } = 50;
}
