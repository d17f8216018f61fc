namespace BulkWizard.Sandbox;

/// <summary>Which release of the Confluent Schema Registry the Sandbox behaves like.</summary>
public enum SandboxProfile
{
    /// <summary>Confluent Platform 8.x Enterprise: schemaType always, guid/ts/deleted, rule sets kept, 40901, DELETE /contexts, 1000 caps.</summary>
    Platform8,

    /// <summary>The community edition of 8.x: like <see cref="Platform8"/> but rule sets are silently dropped.</summary>
    Community,

    /// <summary>Confluent Platform 7.6: Avro schemaType omitted, no guid/ts/deleted, 409 for incompatible, no DELETE /contexts, no /schemas cap, no aliases listing (7.6.1).</summary>
    Platform76,
}
