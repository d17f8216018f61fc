namespace BulkWizard.Core.Wizard;

/// <summary>The kinds of input a wizard field asks for; each maps to one flat elicitation schema type.</summary>
public enum FieldKind
{
    Choice,
    MultiChoice,
    Text,
    Number,
    Boolean,

    /// <summary>A text that must be typed exactly (e.g. <c>YES</c>); checked on the server, since elicitation strings have no pattern.</summary>
    TypedConfirmation,
}
