namespace BulkWizard.Core.Plans;

/// <summary>
/// Names a kind of <see cref="PlannedChange"/> as plans write it (<c>"kind": "subject_config"</c>). A change type in
/// this assembly that carries it is known to every plan without being listed anywhere else; see <see cref="ChangeKinds"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ChangeKindAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
