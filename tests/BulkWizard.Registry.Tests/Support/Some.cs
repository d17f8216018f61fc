namespace BulkWizard.Registry.Tests.Support;

/// <summary>Unique names, so tests sharing a Sandbox never see each other's subjects, contexts or records.</summary>
internal static class Some
{
    private static int s_counter;

    public static string Subject(string hint) => $"{hint}-{Next():0000}";

    public static string Context(string hint) => $".{hint}{Next()}";

    /// <summary>An Avro record whose name (and so whose id) no other test shares.</summary>
    public static string AvroRecord(string hint, params string[] fields) =>
        $$"""{"type":"record","name":"R{{hint}}{{Next()}}","fields":[{{string.Join(",", fields.Select(f => $$"""{"name":"{{f}}","type":"string"}"""))}}]}""";

    private static int Next() => Interlocked.Increment(ref s_counter);
}
