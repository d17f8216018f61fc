namespace BulkWizard.Compatibility.Avro;

internal sealed class AvroUnion(IReadOnlyList<AvroType> branches) : AvroType([])
{
    public IReadOnlyList<AvroType> Branches { get; } = branches;

    public override string TypeName => "union";
}
